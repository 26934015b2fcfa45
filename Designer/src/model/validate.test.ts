import { describe, expect, it } from 'vitest';
import { activity, descriptor, input, workflow } from '../test/builders';
import { completionsFor } from './scriptGlobals';
import { validateWorkflow } from './validate';

describe('validateWorkflow', () => {
  const tag = descriptor('SmartRecruiters.ApplyTag', { inputs: [input('tags', { required: true, displayName: 'Tags' })] });
  const byType = new Map([[tag.typeName, tag]]);

  it('reports unknown types, missing required inputs and dangling connections', () => {
    const w = workflow(
      [activity('a', 'SmartRecruiters.ApplyTag', { name: 'Tag' }), activity('b', 'Old.Thing', { name: 'Legacy' })],
      [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'zzz', port: 'In' } }],
    );
    expect(validateWorkflow(w, byType).map((i) => [i.code, i.activityId, i.input])).toEqual([
      ['input-required', 'a', 'tags'],
      ['unknown-type', 'b', null],
      ['dangling-connection', 'a', null],
    ]);
  });

  it('accepts a complete workflow and warns about undeclared ports', () => {
    const w = workflow(
      [activity('a', 'SmartRecruiters.ApplyTag', { tags: { expression: { type: 'Object', value: ['x'] } } }), activity('c', 'SmartRecruiters.ApplyTag', { tags: { expression: { type: 'CSharp', value: 'Input.Tags' } } })],
      [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'c', port: 'In' } }],
    );
    expect(validateWorkflow(w, byType)).toEqual([]);
    w.root.connections[0]!.source.port = 'Nope';
    expect(validateWorkflow(w, byType).map((i) => [i.code, i.severity])).toEqual([['unknown-port', 'warning']]);
  });
});

describe('completionsFor', () => {
  const w = workflow([activity('a', 'X', { name: 'FetchJobs' })], [], {
    variables: [{ id: '1', name: 'Jobs', typeName: 'Object' }], inputs: [{ name: 'Since', type: 'DateTimeOffset' }],
  });

  it('offers the script globals at the start of an expression', () => {
    expect(completionsFor('', w).map((c) => c.label)).toEqual(['Variables', 'Input', 'Trigger', 'Output', 'Mappings', 'Tenant', 'Now']);
  });

  it('offers declared names after Variables. / Input. and activity names after Output.', () => {
    expect(completionsFor('x + Variables.', w).map((c) => c.label)).toEqual(['Jobs']);
    expect(completionsFor('Input.Si', w).map((c) => c.label)).toEqual(['Since']);
    expect(completionsFor('Output.', w).map((c) => c.insertText)).toEqual(['From("FetchJobs")']);
  });
});
