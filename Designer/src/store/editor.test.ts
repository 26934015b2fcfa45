import { describe, expect, it } from 'vitest';
import { activity, descriptor, versionModel, workflow } from '../test/builders';
import { json, problem, stubApi, type Handler } from '../test/fetchStub';
import { createEditorStore } from './editor';

const pos = (x: number, y: number) => ({ designer: { position: { x, y } } });
const base = () => workflow(
  [activity('a', 'Elsa.Cron', { metadata: pos(0, 0) }), activity('b', 'Elsa.WriteLine', { metadata: pos(300, 0), text: { typeName: 'String', expression: { type: 'Literal', value: 'hi' } } }), activity('u', 'Vendor.Unknown', { metadata: pos(600, 0), weird: { keep: true } })],
  [{ source: { activity: 'a', port: 'Done' }, target: { activity: 'b', port: 'In' } }],
);

function setup(routes: Record<string, Handler> = {}, readOnly = false) {
  const { api, requests } = stubApi(routes);
  const store = createEditorStore({ api, tenant: 'acme', model: versionModel(base()), readOnly });
  return { store, requests };
}

describe('editor store', () => {
  it('loads nodes and edges from the workflow', () => {
    const { store } = setup();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['a', 'b', 'u']);
    expect(store.getState().edges.map((e) => e.id)).toEqual(['a:Done->b:In']);
    expect(store.getState().dirty).toBe(false);
  });

  it('auto-lays out workflows without positions', () => {
    const { api } = stubApi({});
    const w = workflow([activity('x', 'Elsa.Cron'), activity('y', 'Elsa.WriteLine')], [{ source: { activity: 'x', port: 'Done' }, target: { activity: 'y', port: 'In' } }]);
    const store = createEditorStore({ api, tenant: 'acme', model: versionModel(w) });
    const [x, y] = store.getState().nodes;
    expect(y!.position.x).toBeGreaterThan(x!.position.x);
  });

  it('adds a workflow used as an activity with the workflow id and the pinned version', () => {
    const { store } = setup();
    const id = store.getState().addActivity(descriptor('ScoreCandidate', { workflowDefinitionId: 'score-candidate', workflowVersion: 3 }), { x: 0, y: 0 });
    expect(store.getState().nodes.find((n) => n.id === id)?.data.activity).toMatchObject({ type: 'ScoreCandidate', workflowDefinitionId: 'score-candidate', version: 3 });
  });

  it('adds an activity with defaults, selects it, and undo/redo restore the graph', () => {
    const { store } = setup();
    const d = descriptor('SmartRecruiters.ApplyTag', { inputs: [{ name: 'limit', displayName: 'Limit', typeName: 'Int32', uiHint: 'number', defaultValue: 10 }] });
    const id = store.getState().addActivity(d, { x: 50, y: 60 });
    const added = store.getState().nodes.find((n) => n.id === id);
    expect(added?.data.activity).toMatchObject({ type: 'SmartRecruiters.ApplyTag', name: 'ApplyTag', limit: { typeName: 'Int32', expression: { type: 'Literal', value: 10 } } });
    expect(store.getState().selectedId).toBe(id);
    expect(store.getState().dirty).toBe(true);
    store.getState().undo();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['a', 'b', 'u']);
    store.getState().redo();
    expect(store.getState().nodes).toHaveLength(4);
  });

  it('connects by outcome port once and ignores self-loops', () => {
    const { store } = setup();
    store.getState().connect('b', 'Done', 'u');
    store.getState().connect('b', 'Done', 'u');
    store.getState().connect('u', 'Done', 'u');
    expect(store.getState().edges.map((e) => e.id)).toEqual(['a:Done->b:In', 'b:Done->u:In']);
    expect(store.getState().toDefinition().root.connections[1]).toEqual({ source: { activity: 'b', port: 'Done' }, target: { activity: 'u', port: 'In' } });
  });

  it('deletes the selection with its connections as one undo step', () => {
    const { store } = setup();
    store.getState().select('b');
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['a', 'u']);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().edges).toHaveLength(1);
    expect(store.getState().nodes).toHaveLength(3);
  });

  it('coalesces typing into one undo step per input', () => {
    const { store } = setup();
    for (const text of ['h', 'he', 'hel']) {
      store.getState().updateActivity('b', (a) => ({ ...a, text: { typeName: 'String', expression: { type: 'Literal', value: text } } }), 'input:text');
    }
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().nodes[1]?.data.activity.text).toEqual({ typeName: 'String', expression: { type: 'Literal', value: 'hi' } });
  });

  it('records one undo step per drag', () => {
    const { store } = setup();
    store.getState().onNodesChange([{ type: 'position', id: 'a', position: { x: 10, y: 0 }, dragging: true }]);
    store.getState().onNodesChange([{ type: 'position', id: 'a', position: { x: 20, y: 5 }, dragging: true }]);
    store.getState().onNodesChange([{ type: 'position', id: 'a', dragging: false }]);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().toDefinition().root.activities[0]?.metadata).toEqual({ designer: { position: { x: 20, y: 5 } } });
  });

  it('copies and pastes selected activities with fresh ids, unique names and inner connections', () => {
    const { store } = setup();
    store.setState({ nodes: store.getState().nodes.map((n) => ({ ...n, selected: n.id !== 'u' })) });
    store.getState().copy();
    store.getState().paste();
    const { nodes, edges } = store.getState();
    expect(nodes).toHaveLength(5);
    const pasted = nodes.slice(3);
    expect(pasted.map((n) => n.data.activity.name)).toEqual(['a2', 'b2']);
    expect(pasted.every((n) => !['a', 'b'].includes(n.id))).toBe(true);
    expect(edges).toHaveLength(2);
    expect(edges[1]).toMatchObject({ source: pasted[0]!.id, target: pasted[1]!.id, sourceHandle: 'Done' });
    expect(pasted[1]!.data.activity.text).toEqual({ typeName: 'String', expression: { type: 'Literal', value: 'hi' } });
  });

  it('keeps unknown activity types untouched on save', async () => {
    const { store, requests } = setup({ 'PUT /api/tenants/acme/workflows/wf1': () => json(200, versionModel(base(), { version: 2, concurrencyStamp: 'stamp-2' })) });
    store.getState().connect('b', 'Done', 'u');
    expect(await store.getState().save()).toBe(true);
    const sent = JSON.parse(requests[0]!.body!) as { definition: { root: { activities: unknown[] } }; concurrencyStamp: string };
    expect(sent.concurrencyStamp).toBe('stamp-1');
    expect(sent.definition.root.activities[2]).toEqual(base().root.activities[2]);
    expect(store.getState()).toMatchObject({ dirty: false, version: 2, concurrencyStamp: 'stamp-2' });
  });

  it('on 409 keeps the edits and exposes who saved', async () => {
    const current = versionModel(base(), { version: 3, savedBy: 'bob', savedAt: '2026-11-02T09:30:00Z', concurrencyStamp: 'stamp-3' });
    const { store } = setup({ 'PUT /api/tenants/acme/workflows/wf1': () => problem(409, { title: 'Conflict', current }) });
    store.getState().select('b');
    store.getState().deleteSelection();
    expect(await store.getState().save()).toBe(false);
    expect(store.getState().conflict?.savedBy).toBe('bob');
    expect(store.getState().message?.text).toContain('saved by bob');
    expect(store.getState().dirty).toBe(true);
    store.getState().reload(current);
    expect(store.getState()).toMatchObject({ dirty: false, conflict: null, concurrencyStamp: 'stamp-3', version: 3 });
    expect(store.getState().nodes).toHaveLength(3);
  });

  it('publish saves pending edits first and lists problems on failure', async () => {
    const errors = [{ activityId: 'u', activityName: 'u', activityType: 'Vendor.Unknown', input: null, line: null, column: null, code: 'unknown-type', message: 'Unknown type' }];
    const { store, requests } = setup({
      'PUT /api/tenants/acme/workflows/wf1': () => json(200, versionModel(base(), { concurrencyStamp: 'stamp-2' })),
      'POST /api/tenants/acme/workflows/wf1/publish': () => problem(400, { type: 'https://x/workflow-invalid', title: 'Invalid', errors }),
    });
    store.getState().layout();
    expect(await store.getState().publish()).toBe(false);
    expect(requests.map((r) => r.method)).toEqual(['PUT', 'POST']);
    expect(store.getState().problems).toEqual(errors);
    store.getState().focusInput('u', null);
    expect(store.getState().selectedId).toBe('u');
    expect(store.getState().focus?.activityId).toBe('u');
  });

  it('refuses edits when read-only', () => {
    const { store } = setup({}, true);
    store.getState().select('a');
    store.getState().deleteSelection();
    store.getState().connect('b', 'Done', 'u');
    store.getState().addActivity(descriptor('X'), { x: 0, y: 0 });
    expect(store.getState().nodes).toHaveLength(3);
    expect(store.getState().edges).toHaveLength(1);
    expect(store.getState().dirty).toBe(false);
  });
});
