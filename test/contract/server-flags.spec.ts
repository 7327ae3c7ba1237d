import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The image runs the server as `npm start` does: the same Node flags (bench/ reads them from there too). */
describe('the Node flags of the server', () => {
  it('are the same in package.json start and the Dockerfile CMD', () => {
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start.split(/\s+/);
    const cmdLine = readFileSync(join(root, 'Dockerfile'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('CMD '));
    expect(cmdLine).toBeDefined();
    const cmd = JSON.parse(cmdLine!.slice('CMD '.length)) as string[];
    expect(cmd).toEqual(start);
  });
});
