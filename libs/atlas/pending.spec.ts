import { computePending, PendingCandidate } from './pending';
import { Revision } from './revisions';

const f = (name: string, checkpoint = false): PendingCandidate => {
  const stem = name.replace(/\.sql$/, '');
  const i = stem.indexOf('_');
  return { name, version: i === -1 ? stem : stem.slice(0, i), description: i === -1 ? '' : stem.slice(i + 1), checkpoint };
};

const rev = (version: string, applied = 1, total = 1): Revision => ({
  version, description: '', type: 2, applied, total, executedAt: new Date(0), executionTimeNs: 0, error: '',
  errorStmt: '', hash: '', partialHashes: null, operatorVersion: 'test',
});

const names = (r: { pending: PendingCandidate[] }) => r.pending.map((x) => x.name);

// The partial-checkpoint vector: 3 and 5 carry `-- atlas:checkpoint`.
const checkpointDir = [
  f('1_first.sql'), f('2_second.sql'), f('3_checkpoint.sql', true), f('4_fourth.sql'), f('5_checkpoint.sql', true), f('6_sixth.sql'),
];
const plain = [f('1_a.sql'), f('2_b.sql'), f('3_c.sql')];

describe('computePending', () => {
  it('first run on a clean database: everything', () => {
    expect(names(computePending({ files: plain, revisions: [] }))).toEqual(['1_a.sql', '2_b.sql', '3_c.sql']);
  });

  it('first run with checkpoints starts at the last checkpoint', () => {
    expect(names(computePending({ files: checkpointDir, revisions: [] }))).toEqual(['5_checkpoint.sql', '6_sixth.sql']);
  });

  it('first run on a dirty database needs baseline or allow-dirty', () => {
    const dirty = { files: plain, revisions: [], notCleanReason: 'found table "x" in schema "public"' };
    expect(() => computePending(dirty)).toThrow(
      'connected database is not clean: found table "x" in schema "public". baseline version or allow-dirty is required',
    );
    expect(names(computePending({ ...dirty, allowDirty: true }))).toHaveLength(3);
    const b = computePending({ ...dirty, baseline: '2' });
    expect(names(b)).toEqual(['3_c.sql']);
    expect(b.baselineFile?.name).toBe('2_b.sql');
    expect(() => computePending({ ...dirty, baseline: '9' })).toThrow('baseline version "9" not found');
    expect(() => computePending({ ...dirty, baseline: '2', allowDirty: true })).toThrow(/mutually exclusive/);
  });

  it('after complete revisions: the files after the last one; nothing when up to date', () => {
    expect(names(computePending({ files: plain, revisions: [rev('1')] }))).toEqual(['2_b.sql', '3_c.sql']);
    expect(names(computePending({ files: plain, revisions: [rev('1'), rev('2'), rev('3')] }))).toEqual([]);
  });

  it('checkpoints are skipped once the database has history', () => {
    expect(names(computePending({ files: checkpointDir, revisions: [rev('1'), rev('2')] }))).toEqual(['4_fourth.sql', '6_sixth.sql']);
    expect(names(computePending({ files: checkpointDir, revisions: [rev('5'), rev('6')] }))).toEqual([]);
  });

  it('a partially applied last revision resumes at its file', () => {
    expect(names(computePending({ files: plain, revisions: [rev('1'), rev('2', 1, 3)] }))).toEqual(['2_b.sql', '3_c.sql']);
  });

  it('a partially applied checkpoint: it and the later non-checkpoint files', () => {
    expect(names(computePending({ files: checkpointDir, revisions: [rev('5', 1, 3)] }))).toEqual(['5_checkpoint.sql', '6_sixth.sql']);
  });

  it('a partially applied revision whose file is gone: missing migration', () => {
    expect(() => computePending({ files: plain, revisions: [rev('1'), rev('2a', 0, 2)] })).toThrow(/^missing migration: revision "2a"/);
  });

  it('a file added below the last applied version: out of order', () => {
    const files = [f('1_a.sql'), f('2_b.sql'), f('3_c.sql'), f('4_d.sql')];
    expect(() => computePending({ files, revisions: [rev('1'), rev('3')] })).toThrow(/migration file 2_b\.sql was added out of order/);
  });

  it('no file at or below the last revision: all files are pending (Atlas semantics)', () => {
    expect(names(computePending({ files: [f('5_e.sql')], revisions: [rev('1')] }))).toEqual(['5_e.sql']);
  });
});
