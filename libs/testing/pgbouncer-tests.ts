import { TEST_ENV } from './test-env';

/** `it` when PgBouncer runs for this test run (always under CI=true), else a visible skip. */
export const itThroughPgBouncer: jest.It = process.env[TEST_ENV.bouncerPort] ? it : it.skip;
