import { describe, expect, it } from 'vitest';
import { descriptor } from '../test/builders';
import { fromGraph, toGraph } from './graph';
import { outcomePorts } from './ports';
import type { WorkflowDefinition } from './workflow';

const sample: WorkflowDefinition = {
  id: 'v3', definitionId: 'sync', tenantId: 'acme', name: 'Sync', version: 3, isLatest: true, isPublished: false,
  variables: [{ id: 'v1', name: 'Jobs', typeName: 'Object', value: null, storageDriverTypeName: 'Workflow' }],
  inputs: [], outputs: [], options: { usableAsActivity: false, autoUpdateConsumingWorkflows: false },
  customRootProperty: { elsaVersion: '3.2' },
  root: {
    id: 'flow', type: 'Elsa.Flowchart', version: 1, nodeId: 'Workflow1:flow', metadata: { zoom: 0.8 },
    activities: [
      { id: 'a', type: 'Elsa.Cron', name: 'Cron', version: 1, customProperties: { canStartWorkflow: true, source: 'x.cs' }, metadata: { designer: { position: { x: 10, y: 20 }, size: { width: 200 } } }, cronExpression: { typeName: 'String', expression: { type: 'Literal', value: '0 0 * * * ?' } } },
      { id: 'b', type: 'Elsa.FlowFork', name: 'Fork', version: 1, metadata: { designer: { position: { x: 300, y: 20 } } }, branches: { typeName: 'String[]', expression: { type: 'Object', value: ['Left', 'Right'] } } },
      { id: 'c', type: 'Vendor.Unknown', name: 'Mystery', version: 7, metadata: { designer: { position: { x: 600, y: 0 } } }, strange: { nested: [1, { deep: true }] }, flag: 3 },
      { id: 'd', type: 'Elsa.WriteLine', name: 'Log', version: 1, metadata: { designer: { position: { x: 600, y: 200 } } }, text: { typeName: 'String', expression: { type: 'CSharp', value: 'Variables.Jobs.ToString()' } }, result: { typeName: 'Object', memoryReference: { id: 'v1' } } },
    ],
    connections: [
      { source: { activity: 'a', port: 'Done' }, target: { activity: 'b', port: 'In' } },
      { source: { activity: 'b', port: 'Left' }, target: { activity: 'c', port: 'In' }, vertices: [{ x: 1, y: 2 }] },
      { source: { activity: 'b', port: 'Right' }, target: { activity: 'd', port: 'In' } },
    ],
  },
};

describe('toGraph / fromGraph', () => {
  it('round-trips a workflow without losing anything (unknown properties, unknown types, positions, connections)', () => {
    const graph = toGraph(structuredClone(sample));
    expect(graph.needsLayout).toBe(false);
    expect(fromGraph(graph.shell, graph.nodes, graph.edges)).toEqual(sample);
  });

  it('maps activities to nodes at their stored positions and connections to edges by port', () => {
    const { nodes, edges } = toGraph(sample);
    expect(nodes.map((n) => [n.id, n.position])).toEqual([['a', { x: 10, y: 20 }], ['b', { x: 300, y: 20 }], ['c', { x: 600, y: 0 }], ['d', { x: 600, y: 200 }]]);
    expect(edges.map((e) => `${e.source}.${e.sourceHandle}->${e.target}`)).toEqual(['a.Done->b', 'b.Left->c', 'b.Right->d']);
  });

  it('keeps the unknown activity verbatim in node data', () => {
    const { nodes } = toGraph(sample);
    expect(nodes.find((n) => n.id === 'c')?.data.activity).toEqual(sample.root.activities[2]);
  });

  it('writes moved positions back into metadata.designer.position and keeps sibling metadata', () => {
    const graph = toGraph(sample);
    const moved = graph.nodes.map((n) => (n.id === 'a' ? { ...n, position: { x: 111.6, y: 222.2 } } : n));
    const out = fromGraph(graph.shell, moved, graph.edges);
    expect(out.root.activities[0]?.metadata).toEqual({ designer: { position: { x: 112, y: 222 }, size: { width: 200 } } });
  });

  it('flags workflows without positions for auto-layout', () => {
    const w = structuredClone(sample);
    delete w.root.activities[1]!.metadata;
    expect(toGraph(w).needsLayout).toBe(true);
  });

  it('reads legacy flat connections and writes Elsa 3 connections', () => {
    const w = structuredClone(sample);
    (w.root as { connections: unknown[] }).connections = [{ source: 'a', target: 'b', sourcePort: 'Done' }, { source: 'b', target: 'c' }];
    const g = toGraph(w);
    expect(g.edges.map((e) => e.id)).toEqual(['a:Done->b:In', 'b:Done->c:In']);
    expect(fromGraph(g.shell, g.nodes, g.edges).root.connections[0]).toEqual({ source: { activity: 'a', port: 'Done' }, target: { activity: 'b', port: 'In' } });
  });

  it('drops edges whose node was deleted', () => {
    const g = toGraph(sample);
    const out = fromGraph(g.shell, g.nodes.filter((n) => n.id !== 'b'), g.edges);
    expect(out.root.connections).toEqual([]);
  });
});

describe('outcomePorts', () => {
  const fork = descriptor('Elsa.FlowFork', { outcomes: [], dynamicOutcomesInput: 'branches' });
  const sw = descriptor('Elsa.FlowSwitch', { outcomes: ['Default'], dynamicOutcomesInput: 'cases' });

  it('lists dynamic FlowFork branches as ports', () => {
    expect(outcomePorts(sample.root.activities[1]!, fork)).toEqual(['Left', 'Right']);
  });

  it('lists FlowSwitch case labels after the static outcomes', () => {
    const a = { id: 's', type: 'Elsa.FlowSwitch', cases: { typeName: 'Object', expression: { type: 'Object', value: [{ label: 'Hired', condition: {} }, { label: 'Rejected' }] } } };
    expect(outcomePorts(a, sw)).toEqual(['Default', 'Hired', 'Rejected']);
  });

  it('accepts branches as lines or JSON text', () => {
    expect(outcomePorts({ id: 'f', type: 'Elsa.FlowFork', branches: { expression: { type: 'Literal', value: 'A\nB, C' } } }, fork)).toEqual(['A', 'B', 'C']);
    expect(outcomePorts({ id: 'f', type: 'Elsa.FlowFork', branches: { expression: { type: 'Literal', value: '["X","Y"]' } } }, fork)).toEqual(['X', 'Y']);
  });

  it('keeps ports used by connections for unknown types and stale outcomes', () => {
    const unknown = sample.root.activities[2]!;
    expect(outcomePorts(unknown, undefined, [{ source: { activity: 'c', port: 'Weird' }, target: { activity: 'd' } }])).toEqual(['Weird']);
    expect(outcomePorts(unknown, undefined)).toEqual(['Done']);
  });
});
