import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
export const COMMITTED_DOCUMENT = join(ROOT, 'openapi', 'openapi.json');
export const CLIENT_TYPES = join(ROOT, 'libs', 'api-client', 'schema.ts');
export const CLIENT_REDOCLY_CONFIG = join(ROOT, 'libs', 'api-client', 'redocly.yaml');
export const DIST_CLI = join(ROOT, 'dist', 'src', 'cli.js');
export const REDOCLY_CLI = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
export const OPENAPI_TS_CLI = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
export const DEPCRUISE_CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** The build output the contract tests read; `npm test` builds first (pretest). */
export function requireBuild(): void {
  if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run \`npm run build\` (npm test does it in pretest)`);
}

/** Environment for the tooling children: quiet, no telemetry, no update checks. */
export function toolEnv(): NodeJS.ProcessEnv {
  return { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
}
