import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Environment override for the folder of the official validation artefacts. */
export const EINVOICE_ARTEFACTS_ENV = 'EINVOICE_ARTEFACTS_DIR';
const WORKTREE_FALLBACK = '/work/shared/einvoice';

/** The nearest folder upwards that holds a package.json: the repository root (also from dist/). */
export function repositoryRoot(from: string = __dirname): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * Where the official e-invoice artefacts live (they are data, never copied into the repository):
 * `$EINVOICE_ARTEFACTS_DIR`, else `<repo>/../shared/einvoice` (a CI clone at /work/<x>/), else
 * `/work/shared/einvoice` (a worktree under /work/wt/<x>/).
 */
export function einvoiceArtefactsDir(): string {
  const candidates = [process.env[EINVOICE_ARTEFACTS_ENV], join(repositoryRoot(), '..', 'shared', 'einvoice'), WORKTREE_FALLBACK];
  for (const dir of candidates) {
    if (dir && existsSync(join(dir, 'README.md'))) return resolve(dir);
  }
  throw new Error(`E-invoice validation artefacts not found (tried ${candidates.filter(Boolean).join(', ')}); set ${EINVOICE_ARTEFACTS_ENV}.`);
}

/** The files of the artefact folder the validator reads (layout described in its README). */
export function einvoiceArtefacts(dir: string = einvoiceArtefactsDir()) {
  return {
    ciiSchemaDir: join(dir, 'en16931-cii', 'schema', 'uncefact', 'data', 'standard'),
    ciiRootSchema: 'CrossIndustryInvoice_100pD16B.xsd',
    en16931Xslt: join(dir, 'en16931-cii', 'xslt', 'EN16931-CII-validation.xslt'),
    en16931Examples: join(dir, 'en16931-cii', 'examples'),
    xrechnungSchematron: join(dir, 'xrechnung', 'cii', 'XRechnung-CII-validation.sch'),
    xrechnungCommon: join(dir, 'xrechnung', 'common.sch'),
    xrechnungValidSuite: join(dir, 'xrechnung', 'testsuite-valid'),
    schematronTranspiler: join(dir, 'schxslt2', 'transpile.xsl'),
  };
}

export type EInvoiceArtefacts = ReturnType<typeof einvoiceArtefacts>;
