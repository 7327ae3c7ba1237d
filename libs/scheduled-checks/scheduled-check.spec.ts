import { announceEach, checkTime, ScheduledCheck } from './scheduled-check';

describe('scheduled checks: helpers', () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ id: `id-${i}` }));
  const keyset = (afterId: string | undefined, size: number) => {
    const start = afterId === undefined ? 0 : rows.findIndex((r) => r.id === afterId) + 1;
    return Promise.resolve(rows.slice(start, start + size));
  };

  it('walks every candidate once across batch boundaries and counts only the announced ones', async () => {
    const seen: string[] = [];
    const asked: (string | undefined)[] = [];
    const count = await announceEach(
      (afterId, size) => {
        asked.push(afterId);
        return keyset(afterId, size);
      },
      async (row) => {
        seen.push(row.id);
        return row.id !== 'id-1';
      },
      2,
    );
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(asked).toEqual([undefined, 'id-1', 'id-3']);
    expect(count).toBe(4);
  });

  it('asks once more after a full last batch and stops on the empty one', async () => {
    const asked: (string | undefined)[] = [];
    await announceEach((afterId, size) => (asked.push(afterId), keyset(afterId, size)), async () => true, 5);
    expect(asked).toEqual([undefined, 'id-4']);
  });

  it('counts the calendar day in Europe/Berlin', () => {
    expect(checkTime(new Date('2026-10-24T22:30:00Z')).today).toBe('2026-10-25');
    expect(checkTime(new Date('2026-12-31T22:59:59Z')).today).toBe('2026-12-31');
    expect(checkTime(new Date('2026-12-31T23:00:00Z')).today).toBe('2027-01-01');
  });

  it('refuses a badly named check or interval', () => {
    expect(() => ScheduledCheck({ name: 'Funding Deadlines', everyMinutes: 60 })).toThrow(/<context>.<what>/);
    expect(() => ScheduledCheck({ name: 'funding.deadlines', everyMinutes: 0 })).toThrow(/1 to 1440/);
  });
});
