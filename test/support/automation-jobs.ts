import type { INestApplicationContext } from '@nestjs/common';
import { StepRunner } from '../../src/modules/automation/engine/step-runner';

/** Runs every due workflow step job in the test's process (the worker is off in tests), as the worker would. */
export function runAutomationJobs(app: INestApplicationContext): Promise<{ completed: number; failed: number }> {
  return app.get(StepRunner, { strict: false }).runDue();
}
