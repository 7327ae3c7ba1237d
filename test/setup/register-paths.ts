// Jest applies moduleNameMapper to test files only, not to globalSetup/globalTeardown: resolve the
// `@libs/*` alias here for the setup's own imports.
import { join } from 'node:path';
import { register } from 'tsconfig-paths';

register({ baseUrl: join(__dirname, '..', '..'), paths: { '@libs/*': ['libs/*'] } });
