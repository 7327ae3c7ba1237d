// Which files `migrate apply` runs (Atlas sql/migrate/migrate.go Executor.Pending),
// with the default linear execution order.
import { compareNames } from './migration-dir';
import { Revision } from './revisions';

export interface PendingCandidate {
  name: string;
  version: string;
  description: string;
  checkpoint: boolean;
}

export interface PendingInput<F extends PendingCandidate> {
  /** All directory files, in Atlas order. */
  files: readonly F[];
  /** Revisions ordered by version (cloud identifier excluded). */
  revisions: readonly Revision[];
  baseline?: string;
  allowDirty?: boolean;
  /** Only consulted on the first run: why the database is not clean, if it isn't. */
  notCleanReason?: string;
}

export interface PendingResult<F extends PendingCandidate> {
  pending: F[];
  /** First run with a baseline: the file to record as a type-1 revision. */
  baselineFile?: F;
}

export class PendingError extends Error {
  override name = 'PendingError';
}

function lastIndex<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return i;
  return -1;
}

const cmp = compareNames;

export function computePending<F extends PendingCandidate>(input: PendingInput<F>): PendingResult<F> {
  const { files: all, revisions: revs, baseline, allowDirty } = input;
  if (baseline && allowDirty) throw new PendingError('baseline and allow-dirty are mutually exclusive');
  const migrations = all.filter((f) => !f.checkpoint);

  if (revs.length === 0) {
    if (input.notCleanReason !== undefined && !allowDirty && !baseline) {
      throw new PendingError(
        `connected database is not clean: ${input.notCleanReason}. baseline version or allow-dirty is required`,
      );
    }
    if (baseline) {
      const i = lastIndex(migrations, (f) => f.version === baseline);
      if (i === -1) throw new PendingError(`baseline version "${baseline}" not found`);
      return { pending: migrations.slice(i + 1), baselineFile: migrations[i] };
    }
    // A fresh database starts at the last checkpoint, if any.
    const ck = lastIndex(all, (f) => f.checkpoint);
    return { pending: ck === -1 ? [...all] : all.slice(ck) };
  }

  const last = revs[revs.length - 1];
  const partially = last.applied !== last.total;
  if (partially && all.length > 0) {
    const i = all.findIndex((f) => f.version === last.version);
    if (i !== -1 && all[i].checkpoint) {
      return { pending: [all[i], ...all.slice(i).filter((f) => !f.checkpoint)] };
    }
  }
  if (migrations.length === 0) return { pending: [] };

  const idx = partially
    ? lastIndex(migrations, (f) => f.version === last.version)
    : lastIndex(migrations, (f) => cmp(f.version, last.version) <= 0);
  if (idx === -1) {
    if (partially) {
      throw new PendingError(
        `missing migration: revision "${last.version}" (${last.description}) is partially applied ` +
          'but its migration file was not found in the directory',
      );
    }
    return { pending: [...migrations] };
  }
  const from = partially ? idx : idx + 1;
  const pending = migrations.slice(from);

  // Files between the first revision and the resume point without a revision were
  // added out of order (a lower version than something already applied).
  const first = migrations.slice(0, from).findIndex((f) => cmp(f.version, revs[0].version) >= 0);
  if (first !== -1 && first < from) {
    const known = new Set(revs.map((r) => r.version));
    const skipped = migrations.slice(first, from).filter((f) => !known.has(f.version));
    if (skipped.length > 0) {
      const names = skipped.map((f) => f.name).join(', ');
      const what = skipped.length === 1 ? `file ${names} was` : `files ${names} were`;
      throw new PendingError(
        `migration ${what} added out of order (its version is lower than the last applied revision ` +
          `"${last.version}"); give it a newer version. See: https://atlasgo.io/versioned/apply#non-linear-error`,
      );
    }
  }
  return { pending };
}
