import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMITTED_DOCUMENT, REDOCLY_CLI, ROOT, toolEnv } from './support/paths';

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: LintProblem[];
}

/** `redocly lint` with the project's redocly.yaml; exits non-zero on errors, so read its JSON either way. */
function lint(file: string): LintReport {
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, [REDOCLY_CLI, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
      cwd: ROOT,
      env: toolEnv(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    stdout = (error as { stdout?: string }).stdout ?? '';
    if (!stdout.trim().startsWith('{')) throw error;
  }
  return JSON.parse(stdout) as LintReport;
}

const describeProblem = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`;

describe('OpenAPI lint (redocly.yaml)', () => {
  it('the committed document has no lint errors', () => {
    const report = lint(COMMITTED_DOCUMENT);
    const warnings = report.problems.filter((p) => p.severity !== 'error');
    if (warnings.length) process.stderr.write(`redocly lint warnings:\n  ${warnings.map(describeProblem).join('\n  ')}\n`);
    const errors = report.problems.filter((p) => p.severity === 'error');
    if (errors.length) throw new Error(`redocly lint found ${errors.length} error(s):\n  ${errors.map(describeProblem).join('\n  ')}`);
    expect(report.totals.errors).toBe(0);
  });

  it('every LocalizedText schema in the document carries an example', () => {
    const document = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
    const missing: string[] = [];
    const walk = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      const props = schema.properties as Record<string, unknown> | undefined;
      if (props && Object.keys(props).sort().join() === 'de,en' && schema.example === undefined) missing.push(pointer);
      for (const [key, child] of Object.entries(schema)) walk(child, `${pointer}/${key}`);
    };
    walk(document, '');
    expect(missing).toEqual([]);
  });

  describe('catches a broken document (the rules bite)', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'renewa-lint-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('flags a missing summary, a second tag, a snake_case operationId, a JSON error body and a bad permission', () => {
      const document = JSON.parse(readFileSync(COMMITTED_DOCUMENT, 'utf8'));
      document.paths['/api/v1/lint-probes/{id}'] = {
        get: {
          operationId: 'get_lint_probe',
          tags: ['health', 'auth'],
          'x-permission': 'Probes.Read',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/LivenessDto' } } } },
            '404': { description: 'Not Found', content: { 'application/json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } } },
          },
        },
      };
      const file = join(dir, 'broken.json');
      writeFileSync(file, JSON.stringify(document));
      const rules = new Set(lint(file).problems.filter((p) => p.severity === 'error').map((p) => p.ruleId));
      expect([...rules]).toEqual(
        expect.arrayContaining([
          'operation-summary',
          'operation-singular-tag',
          'rule/operation-id-camel-case',
          'rule/error-responses-are-problem-json',
          'rule/permission-format',
        ]),
      );
    });
  });
});
