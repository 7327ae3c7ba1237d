import { boundFor, compareDesc, mergeTimeline, TimelineEntry, TimelinePosition } from './timeline.rules';

const at = (occurredAt: string, kind: 'activity' | 'change', id: string): TimelinePosition => ({ occurredAt: `2026-11-26T10:00:${occurredAt}Z`, kind, id });
const entry = (p: TimelinePosition): TimelineEntry<string> => ({ position: p, value: `${p.kind}:${p.id}` });

describe('timeline order', () => {
  it('is newest first, changes before activities at the same instant, then id descending', () => {
    const positions = [at('01.000000', 'activity', 'a'), at('02.000000', 'activity', 'b'), at('02.000000', 'change', 'c'), at('02.000000', 'change', 'd')];
    expect([...positions].sort(compareDesc).map((p) => p.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('merges two sorted sources and cuts at the limit with a cursor to the last item', () => {
    const activities = [at('05.000000', 'activity', 'a5'), at('03.000000', 'activity', 'a3'), at('01.000000', 'activity', 'a1')].map(entry);
    const changes = [at('04.000000', 'change', 'c4'), at('03.000000', 'change', 'c3')].map(entry);
    const page = mergeTimeline(activities, changes, 3);
    expect(page.items.map((i) => i.value)).toEqual(['activity:a5', 'change:c4', 'change:c3']);
    expect(page.next).toEqual(at('03.000000', 'change', 'c3'));
    expect(mergeTimeline(activities, changes, 5).next).toBeNull();
  });

  it('bounds each source strictly after the cursor in the total order', () => {
    const cursor = at('03.000000', 'change', 'c3');
    expect(boundFor('change', cursor)).toEqual({ occurredAt: cursor.occurredAt, id: 'c3', inclusive: false });
    // activities at the cursor's instant come after every change of that instant: still to show
    expect(boundFor('activity', cursor)).toEqual({ occurredAt: cursor.occurredAt, inclusive: true });
    const activityCursor = at('03.000000', 'activity', 'a3');
    // changes at that instant were shown before it: exclude the instant
    expect(boundFor('change', activityCursor)).toEqual({ occurredAt: activityCursor.occurredAt, inclusive: false });
    expect(boundFor('activity', undefined)).toBeUndefined();
  });
});
