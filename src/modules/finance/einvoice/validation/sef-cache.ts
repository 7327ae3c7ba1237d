import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { EInvoiceArtefacts } from './einvoice-artefacts';

const run = promisify(execFile);

/** Environment override for the cache of compiled stylesheets (build products, never in git). */
export const EINVOICE_SEF_CACHE_ENV = 'EINVOICE_SEF_CACHE_DIR';

function cacheDir(): string {
  const dir = process.env[EINVOICE_SEF_CACHE_ENV] || join(tmpdir(), 'renewa-einvoice-sef');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function xslt3Script(): string {
  return require.resolve('xslt3/xslt3.js');
}

function compilerVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('xslt3/package.json'), 'utf8')) as { version: string }).version;
}

function keyOf(...files: string[]): string {
  const hash = createHash('sha256').update(compilerVersion());
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 24);
}

async function xslt3(args: string[]): Promise<void> {
  await run(process.execPath, [xslt3Script(), ...args], { maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 });
}

const STALE_LOCK_MS = 20 * 60_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

function tryLock(lock: string): boolean {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    // A lock left by a killed compiler is taken over once it is older than any compilation.
    const held = statSync(lock, { throwIfNoEntry: false });
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    return false;
  }
}

/**
 * Builds `target` once across processes (parallel test workers): the first takes a lock file and
 * compiles, the others wait for the file to appear. Written under a temporary name and renamed,
 * so nobody reads half a file.
 */
async function buildOnce(target: string, build: (tmp: string) => Promise<void>): Promise<string> {
  const lock = `${target}.lock`;
  while (!existsSync(target)) {
    if (!tryLock(lock)) {
      await pause(500);
      continue;
    }
    try {
      if (!existsSync(target)) {
        const tmp = `${target}.${process.pid}.tmp`;
        await build(tmp);
        renameSync(tmp, target);
      }
    } finally {
      rmSync(lock, { force: true });
    }
  }
  return target;
}

async function compile(xsl: string, sef: string): Promise<void> {
  await xslt3([`-xsl:${xsl}`, `-export:${sef}`, '-nogo']);
}

/** The EN 16931 CII rules (an XSLT 2 stylesheet as published) compiled to SEF, cached by source hash. */
export async function en16931Sef(artefacts: EInvoiceArtefacts): Promise<string> {
  const sef = join(cacheDir(), `en16931-cii-${keyOf(artefacts.en16931Xslt)}.sef.json`);
  return buildOnce(sef, (tmp) => compile(artefacts.en16931Xslt, tmp));
}

/**
 * The XRechnung Schematron transpiled to XSLT by schxslt2, then compiled to SEF, cached by the
 * hash of both .sch files and the transpiler. The KoSIT rules use the `xs:` prefix without
 * declaring it (the ISO skeleton declares it implicitly); schxslt2 does not, so the generated
 * stylesheet gets the XML Schema namespace declared on its root before compilation.
 */
export async function xrechnungSef(artefacts: EInvoiceArtefacts): Promise<string> {
  const key = keyOf(artefacts.xrechnungSchematron, artefacts.xrechnungCommon, artefacts.schematronTranspiler);
  const sef = join(cacheDir(), `xrechnung-cii-${key}.sef.json`);
  return buildOnce(sef, async (tmp) => {
    const xsl = `${tmp}.xsl`;
    try {
      await xslt3([`-xsl:${artefacts.schematronTranspiler}`, `-s:${artefacts.xrechnungSchematron}`, `-o:${xsl}`]);
      const text = readFileSync(xsl, 'utf8');
      if (!/<stylesheet\s/.test(text)) throw new Error('unexpected output of the Schematron transpiler: no XSLT stylesheet root');
      const rootTag = text.slice(text.indexOf('<stylesheet'), text.indexOf('>', text.indexOf('<stylesheet')));
      writeFileSync(xsl, rootTag.includes('xmlns:xs=') ? text : text.replace(/<stylesheet\s/, '<stylesheet xmlns:xs="http://www.w3.org/2001/XMLSchema" '));
      await compile(xsl, tmp);
    } finally {
      rmSync(xsl, { force: true });
    }
  });
}
