import { GracefulShutdown } from './graceful-shutdown';

function setup(timeoutMs = 1000) {
  const events: string[] = [];
  const exit = jest.fn((code: number) => void events.push(`exit ${code}`));
  const log = { info: jest.fn(), error: jest.fn() };
  const shutdown = new GracefulShutdown({ timeoutMs, log, exit });
  return { shutdown, events, exit, log };
}

describe('GracefulShutdown', () => {
  afterEach(() => jest.useRealTimers());

  it('runs the steps in reverse order of registration, then exits 0', async () => {
    const { shutdown, events } = setup();
    shutdown.register('database', async () => void events.push('database stopped'));
    shutdown.register('app', async () => void events.push('app closed'));
    await shutdown.shutdown('SIGTERM');
    expect(events).toEqual(['app closed', 'database stopped', 'exit 0']);
  });

  it('runs once however often it is asked', async () => {
    const { shutdown, exit } = setup();
    const close = jest.fn(async () => undefined);
    shutdown.register('app', close);
    await Promise.all([shutdown.shutdown('SIGTERM'), shutdown.shutdown('SIGINT')]);
    expect(close).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(shutdown.isShuttingDown).toBe(true);
  });

  it('still runs later steps when one fails, and exits 1', async () => {
    const { shutdown, events, log } = setup();
    shutdown.register('database', async () => void events.push('database stopped'));
    shutdown.register('app', async () => {
      throw new Error('boom');
    });
    await shutdown.shutdown('SIGTERM');
    expect(events).toEqual(['database stopped', 'exit 1']);
    expect(log.error).toHaveBeenCalledWith('Shutdown step "app" failed', expect.any(Error));
  });

  it('exits with the requested code, e.g. after a failed startup', async () => {
    const { shutdown, exit } = setup();
    await shutdown.shutdown('startup failed', 1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('forces exit 1 when a step outlives the timeout', async () => {
    jest.useFakeTimers();
    const { shutdown, exit, log } = setup(500);
    shutdown.register('app', () => new Promise<void>(() => undefined));
    void shutdown.shutdown('SIGTERM');
    await Promise.resolve();
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(500);
    expect(exit).toHaveBeenCalledWith(1);
    expect(log.error).toHaveBeenCalledWith('Shutdown did not finish within 500 ms; exiting');
  });

  it('starts on a signal once listening, and stops listening afterwards', async () => {
    const { shutdown, exit } = setup();
    const before = process.listenerCount('SIGUSR2');
    shutdown.listen(['SIGUSR2']);
    expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
    process.emit('SIGUSR2', 'SIGUSR2');
    await shutdown.shutdown('again');
    expect(exit).toHaveBeenCalledWith(0);
    expect(process.listenerCount('SIGUSR2')).toBe(before);
  });
});
