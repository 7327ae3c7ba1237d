import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '@libs/config';
import { InjectAppConfig } from '@libs/config';
import { runAsActor } from '@libs/context';
import { CheckTime, checkTime, SCHEDULED_CHECK, ScheduledCheckHandler, ScheduledCheckOptions } from './scheduled-check';
import { ScheduledCheckRunsRepository } from './scheduled-check-runs.repository';

interface RegisteredCheck extends ScheduledCheckOptions {
  handler: ScheduledCheckHandler;
}

export interface ScheduledCheckOutcome {
  name: string;
  ran: boolean;
  emitted?: number;
  error?: string;
}

/**
 * Runs the contexts' scheduled checks (`@ScheduledCheck`) on their intervals when
 * SCHEDULED_CHECKS_ENABLED (default on, off in tests): a timer ticks every minute and each due check
 * is claimed in `scheduled_check_runs`, so with several instances one runs it. A failing check is
 * logged and recorded, and tried again on its next interval. Tests call `run(name, at)` instead.
 */
@Injectable()
export class ScheduledChecksRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ScheduledChecksRunner.name);
  private readonly checks = new Map<string, RegisteredCheck>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly runs: ScheduledCheckRunsRepository,
    @InjectAppConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { metatype, instance } = wrapper;
      if (!metatype || !instance) continue;
      const options = Reflect.getMetadata(SCHEDULED_CHECK, metatype) as ScheduledCheckOptions | undefined;
      if (!options) continue;
      if (this.checks.has(options.name)) throw new Error(`two scheduled checks are named ${options.name}`);
      this.checks.set(options.name, { ...options, handler: instance as ScheduledCheckHandler });
    }
    if (this.config.scheduledChecks.enabled) this.schedule(this.config.scheduledChecks.tickSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  names(): string[] {
    return [...this.checks.keys()].sort();
  }

  /** Runs every check whose interval has passed (what the timer does). */
  async runDue(now = new Date()): Promise<ScheduledCheckOutcome[]> {
    const outcomes: ScheduledCheckOutcome[] = [];
    for (const check of this.checks.values()) outcomes.push(await this.execute(check, now, false));
    return outcomes;
  }

  /** Runs one check now, whatever its interval (tests, operators). */
  async run(name: string, now = new Date()): Promise<ScheduledCheckOutcome> {
    const check = this.checks.get(name);
    if (!check) throw new Error(`no scheduled check is named ${name}; known: ${this.names().join(', ')}`);
    return this.execute(check, now, true);
  }

  private async execute(check: RegisteredCheck, now: Date, force: boolean): Promise<ScheduledCheckOutcome> {
    if (!(await this.runs.claim(check.name, now, check.everyMinutes, force))) return { name: check.name, ran: false };
    const at: CheckTime = checkTime(now);
    try {
      const emitted = await runAsActor(() => check.handler.run(at), undefined, `check:${check.name}:${now.toISOString()}`);
      await this.runs.finish(check.name, new Date(), { emitted });
      if (emitted > 0) this.logger.log(`scheduled check ${check.name}: ${emitted} emitted`);
      return { name: check.name, ran: true, emitted };
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      this.logger.error(`scheduled check ${check.name} failed: ${message}`);
      await this.runs.finish(check.name, new Date(), { error: message });
      return { name: check.name, ran: true, error: message };
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .catch((error: unknown) => this.logger.error(`scheduled checks failed: ${(error as Error)?.message ?? String(error)}`))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(this.config.scheduledChecks.tickSeconds * 1000);
        });
    }, delayMs);
    this.timer.unref();
  }
}
