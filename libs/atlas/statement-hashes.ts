import { createHash } from 'node:crypto';

/**
 * Running SHA-256 over the statement texts (no separators): element i covers
 * statements 0..i. Stored as "h1:"-prefixed `partial_hashes` while a file is incomplete.
 */
export function statementHashes(statements: readonly string[]): string[] {
  const h = createHash('sha256');
  return statements.map((s) => {
    h.update(Buffer.from(s, 'utf8'));
    return h.copy().digest('base64');
  });
}
