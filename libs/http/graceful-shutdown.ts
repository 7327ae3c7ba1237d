export interface ShutdownLog {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface GracefulShutdownOptions {
  /** After this long the process exits with 1, whatever is still running. */
  timeoutMs: number;
  log: ShutdownLog;
  /** Injected by tests; `process.exit` otherwise. */
  exit?: (code: number) => void;
}

interface Step {
  name: string;
  close: () => Promise<void>;
}

/**
 * Runs the shutdown steps in reverse order of registration, then exits. main.ts registers the
 * embedded database first and the app second, so on SIGTERM the app closes (stops accepting,
 * drains in-flight requests, ends the pool) before the database stops.
 *
 * Nest's `enableShutdownHooks()` cannot do this: it re-raises the signal as soon as
 * `app.close()` resolves, killing the process before anything that runs after it.
 */
export class GracefulShutdown {
  private readonly steps: Step[] = [];
  private readonly listeners = new Map<NodeJS.Signals, () => void>();
  private running: Promise<void> | undefined;
  private readonly exit: (code: number) => void;

  constructor(private readonly options: GracefulShutdownOptions) {
    this.exit = options.exit ?? ((code) => process.exit(code));
  }

  get isShuttingDown(): boolean {
    return this.running !== undefined;
  }

  register(name: string, close: () => Promise<void>): void {
    this.steps.push({ name, close });
  }

  listen(signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): void {
    for (const signal of signals) {
      const listener = () => void this.shutdown(signal);
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /**
   * Idempotent: a second signal while shutting down waits for the first shutdown. Exits with
   * `exitCode`, or 1 when a step failed or the timeout struck.
   */
  shutdown(reason: string, exitCode = 0): Promise<void> {
    this.running ??= this.run(reason, exitCode);
    return this.running;
  }

  private async run(reason: string, exitCode: number): Promise<void> {
    const { log, timeoutMs } = this.options;
    log.info(`Shutting down (${reason}); forcing exit after ${timeoutMs} ms`);
    const timer = setTimeout(() => {
      log.error(`Shutdown did not finish within ${timeoutMs} ms; exiting`);
      this.exit(1);
    }, timeoutMs);
    timer.unref();

    let failed = false;
    for (const step of [...this.steps].reverse()) {
      try {
        await step.close();
      } catch (error) {
        failed = true;
        log.error(`Shutdown step "${step.name}" failed`, error);
      }
    }
    clearTimeout(timer);
    this.removeListeners();
    log.info(failed ? 'Shutdown finished with errors' : 'Shutdown complete');
    this.exit(failed ? 1 : exitCode);
  }

  private removeListeners(): void {
    for (const [signal, listener] of this.listeners) process.removeListener(signal, listener);
    this.listeners.clear();
  }
}
