import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import S3rver from 's3rver';
import type { AppConfig } from '@libs/config';
import type { FilesRepository } from '../files/files.repository';
import type { StoredFile } from '../files/files.schema';
import { FilesService } from '../files/files.service';
import { createObjectStorage, ObjectStorage } from './object-storage';

/**
 * The S3 driver against a real S3-compatible server on localhost (s3rver: the S3 REST API over
 * HTTP with signature checks; no AWS account, no mock of the SDK).
 */
describe('S3 object storage (s3rver on localhost)', () => {
  let server: S3rver;
  let dir: string;
  let storage: ObjectStorage;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'renewa-s3rver-'));
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'renewa-test', configs: [] }] });
    const address = (await server.run()) as AddressInfo;
    const config: AppConfig['storage'] = {
      driver: 's3',
      localDir: '',
      maxUploadBytes: 1024 * 1024,
      s3: { endpoint: `http://127.0.0.1:${address.port}`, region: 'eu-central-1', bucket: 'renewa-test', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true },
    };
    storage = createObjectStorage(config);
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const keys = async () => {
    const all: string[] = [];
    for await (const key of storage.keys()) all.push(key);
    return all.sort();
  };

  it('writes a stream, reads it back, lists, checks and deletes it', async () => {
    await storage.write('2026/12/a', Readable.from(['Zähler', 'stand ', '€']), 'text/plain');
    expect(await text(await storage.read('2026/12/a'))).toBe('Zählerstand €');
    expect(await storage.exists('2026/12/a')).toBe(true);
    expect(await keys()).toEqual(['2026/12/a']);
    await storage.delete('2026/12/a');
    await storage.delete('2026/12/a');
    expect(await storage.exists('2026/12/a')).toBe(false);
  });

  describe('uploads through the files service', () => {
    const inserted: object[] = [];
    const repository = { insert: async (values: object) => (inserted.push(values), { id: 'f1', ...values }) as StoredFile } as unknown as FilesRepository;
    const files = () => new FilesService(repository, storage, { maxBytes: 256 * 1024 });

    it('stores an allowed file with its hash', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 0x20), Buffer.from('\n%%EOF\n')]);
      const file = await files().upload({ stream: Readable.from([pdf.subarray(0, 70_000), pdf.subarray(70_000)]), filename: 'a.pdf', declaredType: 'application/pdf' });
      expect(file).toMatchObject({ contentType: 'application/pdf', byteSize: pdf.length });
      expect(Buffer.concat(await (await storage.read(file.storageKey)).toArray()).equals(pdf)).toBe(true);
      await storage.delete(file.storageKey);
    });

    it('an upload failing mid-stream leaves no object and no row', async () => {
      const before = inserted.length;
      const source = new PassThrough();
      const done = files().upload({ stream: source, filename: 'cut.pdf', declaredType: 'application/pdf' });
      source.write(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(80_000, 0x20)]));
      source.destroy(new Error('client went away'));
      await expect(done).rejects.toThrow('client went away');
      expect(await keys()).toEqual([]);
      expect(inserted.length).toBe(before);
    });

    it('a refused type leaves no object', async () => {
      await expect(files().upload({ stream: Readable.from([Buffer.from('MZ\x90\x00 not a pdf')]), filename: 'x.pdf', declaredType: 'application/pdf' })).rejects.toMatchObject({ status: 415 });
      expect(await keys()).toEqual([]);
    });
  });
});
