import type { TransactionHost } from '@nestjs-cls/transactional';

const INSTALLED = Symbol('outboxCommitNudge');

/**
 * Calls `onCommit` when a transaction in which events were appended has ended, so the relay of
 * this instance delivers them at once instead of at its next poll (LISTEN/NOTIFY is not available
 * through PgBouncer in transaction mode). Wraps the app's TransactionHost instance — the one
 * `@Transactional()` and every `txHost.withTransaction` call go through — without changing its
 * behaviour. A nudge after a rollback, or after an inner (joined) transaction, is harmless: the
 * relay just finds nothing new, and the outer transaction's end nudges again.
 */
export function installCommitNudge(txHost: TransactionHost<never>, appended: () => number, onCommit: () => void): void {
  const host = txHost as TransactionHost<never> & { [INSTALLED]?: true };
  if (host[INSTALLED]) return;
  const original = host.withTransaction.bind(host) as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (...args: unknown[]): Promise<unknown> => {
    const before = appended();
    return original(...args).finally(() => {
      if (appended() !== before) onCommit();
    });
  };
  Object.assign(host, { withTransaction: wrapped, [INSTALLED]: true });
}
