import type { TransactionHost } from '@nestjs-cls/transactional';
import { installCommitNudge } from './commit-nudge';

/** A stand-in for the app's TransactionHost: runs the callback, like a transaction would. */
function fakeHost() {
  const calls: string[] = [];
  const host = {
    withTransaction: jest.fn(async (...args: unknown[]) => {
      const fn = args[args.length - 1] as () => Promise<unknown>;
      calls.push('begin');
      try {
        return await fn();
      } finally {
        calls.push('end');
      }
    }),
  };
  return { host: host as unknown as TransactionHost<never>, calls };
}

describe('installCommitNudge', () => {
  it('nudges after a transaction in which events were appended has ended, not before', async () => {
    const { host, calls } = fakeHost();
    let appended = 0;
    installCommitNudge(host, () => appended, () => calls.push('nudge'));
    const result = await host.withTransaction(async () => {
      appended++;
      calls.push('append');
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toEqual(['begin', 'append', 'end', 'nudge']);
  });

  it('does not nudge when nothing was appended, and still nudges after a rollback', async () => {
    const { host, calls } = fakeHost();
    let appended = 0;
    installCommitNudge(host, () => appended, () => calls.push('nudge'));
    await host.withTransaction(async () => undefined);
    expect(calls).toEqual(['begin', 'end']);
    await expect(
      host.withTransaction(async () => {
        appended++;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(calls).toEqual(['begin', 'end', 'begin', 'end', 'nudge']);
  });

  it('passes every argument through and installs itself once', async () => {
    const { host } = fakeHost();
    const original = host.withTransaction as unknown as jest.Mock;
    const nudge = jest.fn();
    installCommitNudge(host, () => 0, nudge);
    installCommitNudge(host, () => 0, nudge);
    const fn = async () => 'x';
    await host.withTransaction('REQUIRES_NEW' as never, fn);
    expect(original).toHaveBeenCalledTimes(1);
    expect(original).toHaveBeenCalledWith('REQUIRES_NEW', fn);
  });
});
