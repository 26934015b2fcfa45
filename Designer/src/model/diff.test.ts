import { describe, expect, it } from 'vitest';
import { activity, workflow } from '../test/builders';
import { diffWorkflows, isEmptyDiff, stableStringify } from './diff';

const lit = (value: unknown) => ({ typeName: 'String', expression: { type: 'Literal', value } });

describe('diffWorkflows', () => {
  const v1 = workflow(
    [activity('a', 'Elsa.Cron', { cronExpression: lit('0 * * * * ?') }), activity('b', 'Elsa.WriteLine', { text: lit('hi') }), activity('c', 'Elsa.Delay')],
    [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'b', port: 'In' } }],
  );

  it('reports added, removed and changed activities by id', () => {
    const v2 = workflow(
      [activity('a', 'Elsa.Cron', { cronExpression: lit('0 0 * * * ?') }), activity('b', 'Elsa.WriteLine', { text: lit('hi') }), activity('d', 'SmartRecruiters.ApplyTag')],
      [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'd', port: 'In' } }],
    );
    const d = diffWorkflows(v1, v2);
    expect(d.added).toEqual([{ id: 'd', name: 'd', type: 'SmartRecruiters.ApplyTag' }]);
    expect(d.removed).toEqual([{ id: 'c', name: 'c', type: 'Elsa.Delay' }]);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({ id: 'a', changes: [{ property: 'cronExpression', before: lit('0 * * * * ?'), after: lit('0 0 * * * ?') }] });
    expect(d.connectionsAdded).toEqual(['a [Done] → d']);
    expect(d.connectionsRemoved).toEqual(['a [Done] → b']);
  });

  it('ignores moved activities and key order', () => {
    const moved = structuredClone(v1);
    moved.root.activities[0]!.metadata = { designer: { position: { x: 500, y: 500 } } };
    moved.root.activities[1] = { text: lit('hi'), type: 'Elsa.WriteLine', name: 'b', id: 'b' };
    expect(isEmptyDiff(diffWorkflows(v1, moved))).toBe(true);
  });

  it('reports renamed activities, removed inputs and workflow-level changes', () => {
    const v2 = structuredClone(v1);
    v2.root.activities[1] = activity('b', 'Elsa.WriteLine', { name: 'Log' });
    v2.variables = [{ id: 'x', name: 'Count', typeName: 'Int32' }];
    const d = diffWorkflows(v1, v2);
    expect(d.changed[0]?.changes.map((c) => c.property)).toEqual(['name', 'text']);
    expect(d.workflowChanges.map((c) => c.property)).toEqual(['variables']);
  });

  it('stableStringify sorts keys at every level', () => {
    expect(stableStringify({ b: 1, a: { d: 1, c: [{ y: 1, x: 2 }] } })).toBe('{"a":{"c":[{"x":2,"y":1}],"d":1},"b":1}');
  });
});
