import { describe, expect, it } from 'vitest';
import type { InstanceDetail, JournalEntry } from '../api/types';
import { descriptor, versionModel, workflow } from '../test/builders';
import { json, problem, stubApi } from '../test/fetchStub';
import { createCatalogStore, groupDescriptors } from './catalog';
import { activityStates, createRunsStore } from './runs';
import { createSessionStore, TENANT_KEY, TOKEN_KEY, type KeyValueStorage } from './session';
import { createWorkflowsStore } from './workflows';
import { createApi } from '../api/api';
import { fetchStub } from '../test/fetchStub';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => { data[k] = v; }, removeItem: (k) => { delete data[k]; } };
}

describe('session store', () => {
  const tenants = [{ id: 'acme', name: 'Acme' }, { id: 'globex', name: 'Globex' }];

  function setup(storage: ReturnType<typeof memoryStorage>, status = 200) {
    const stub = fetchStub({ 'GET /api/tenants': () => (status === 200 ? json(200, tenants) : problem(status, { title: 'Unauthorized' })) });
    // The API reads the token from the store it serves, as in the app.
    let store: ReturnType<typeof createSessionStore> | null = null;
    const api = createApi({ getToken: () => store?.getState().token ?? null, fetch: stub.fetch });
    store = createSessionStore(() => api, storage);
    return { store, requests: stub.requests };
  }

  it('signs in with a token, keeps it in session storage and picks the first tenant', async () => {
    const storage = memoryStorage();
    const { store, requests } = setup(storage);
    expect(await store.getState().signIn('  secret  ')).toBe(true);
    expect(requests[0]?.headers.Authorization).toBe('Bearer secret');
    expect(storage.data[TOKEN_KEY]).toBe('secret');
    expect(store.getState()).toMatchObject({ token: 'secret', tenant: 'acme', tenants });
  });

  it('keeps a previously chosen tenant and switches tenants', async () => {
    const storage = memoryStorage({ [TENANT_KEY]: 'globex' });
    const { store } = setup(storage);
    await store.getState().signIn('t');
    expect(store.getState().tenant).toBe('globex');
    store.getState().setTenant('acme');
    expect(storage.data[TENANT_KEY]).toBe('acme');
  });

  it('rejects a bad token without storing it', async () => {
    const storage = memoryStorage();
    const { store } = setup(storage, 401);
    expect(await store.getState().signIn('bad')).toBe(false);
    expect(store.getState().token).toBeNull();
    expect(store.getState().error).toBe('Unauthorized');
    expect(storage.data[TOKEN_KEY]).toBeUndefined();
  });

  it('signs out and forgets the token', async () => {
    const storage = memoryStorage();
    const { store } = setup(storage);
    await store.getState().signIn('t');
    store.getState().signOut('expired');
    expect(store.getState()).toMatchObject({ token: null, error: 'expired' });
    expect(storage.data[TOKEN_KEY]).toBeUndefined();
  });
});

describe('workflows store', () => {
  const summary = (id: string, name: string) => ({ definitionId: id, name, latestVersion: 1, publishedVersion: null, status: 'Draft', triggers: [], lastRun: null, updatedAt: '2026-01-01T00:00:00Z' });

  it('loads sorted by name and removes', async () => {
    const { api } = stubApi({
      'GET /api/tenants/acme/workflows': () => json(200, [summary('b', 'Beta'), summary('a', 'Alpha')]),
      'DELETE /api/tenants/acme/workflows/a': () => new Response(null, { status: 204 }),
    });
    const store = createWorkflowsStore(api);
    await store.getState().load('acme');
    expect(store.getState().items.map((w) => w.name)).toEqual(['Alpha', 'Beta']);
    await store.getState().remove('acme', 'a');
    expect(store.getState().items.map((w) => w.name)).toEqual(['Beta']);
  });

  it('creates an empty flowchart workflow', async () => {
    const { api, requests } = stubApi({
      'POST /api/tenants/acme/workflows': (req) => json(201, versionModel({ ...JSON.parse(req.body!), definitionId: 'new' })),
      'GET /api/tenants/acme/workflows': () => json(200, []),
    });
    const model = await createWorkflowsStore(api).getState().create('acme', 'New flow');
    expect(JSON.parse(requests[0]!.body!)).toMatchObject({ name: 'New flow', root: { type: 'Elsa.Flowchart', activities: [], connections: [] } });
    expect(model.definition.definitionId).toBe('new');
  });

  it('reports invalid JSON locally and server import reports per activity', async () => {
    const report = { unknownTypes: 1, unsupportedExpressions: 0, items: [{ activityId: 'x', activityName: 'X', activityType: 'Old.Thing', problem: 'Unknown type' }] };
    const { api, requests } = stubApi({
      'POST /api/tenants/acme/workflows/import': () => json(201, [{ definitionId: 'w', version: 1, report }]),
      'GET /api/tenants/acme/workflows': () => json(200, []),
    });
    const store = createWorkflowsStore(api);
    const bad = await store.getState().importJson('acme', '{ nope');
    expect(bad.error).toMatch(/^Not valid JSON/);
    expect(requests).toHaveLength(0);
    const ok = await store.getState().importJson('acme', JSON.stringify(workflow([])));
    expect(ok.results?.[0]?.report).toEqual(report);
  });

  it('surfaces per-activity import errors', async () => {
    const errors = [{ activityId: 'x', activityName: 'X', activityType: 'T', input: null, line: 3, column: 4, code: 'bad', message: 'Broken' }];
    const { api } = stubApi({ 'POST /api/tenants/acme/workflows/import': () => problem(400, { title: 'Invalid', errors }) });
    const r = await createWorkflowsStore(api).getState().importJson('acme', '{}');
    expect(r.problems).toEqual(errors);
    expect(r.error).toBe('Invalid');
  });
});

describe('catalog store', () => {
  it('loads descriptors once and indexes them by type', async () => {
    const { api, requests } = stubApi({ 'GET /api/activities': () => json(200, [descriptor('Elsa.Cron'), descriptor('Elsa.Delay')]) });
    const store = createCatalogStore(api);
    await store.getState().load();
    await store.getState().load();
    expect(requests).toHaveLength(1);
    expect(store.getState().byType.get('Elsa.Delay')?.typeName).toBe('Elsa.Delay');
  });

  it('loads the tenant list, with its workflows usable as activities, again when the tenant changes', async () => {
    const child = descriptor('ScoreCandidate', { category: 'Workflows', workflowDefinitionId: 'score-candidate', workflowVersion: 3 });
    const { api, requests } = stubApi({
      'GET /api/tenants/acme/activities': () => json(200, [descriptor('Elsa.Cron'), child]),
      'GET /api/tenants/beta/activities': () => json(200, [descriptor('Elsa.Cron')]),
    });
    const store = createCatalogStore(api);
    await store.getState().load('acme');
    await store.getState().load('acme');
    expect(store.getState().byType.get('ScoreCandidate')?.workflowDefinitionId).toBe('score-candidate');
    await store.getState().load('beta');
    expect(requests).toHaveLength(2);
    expect(store.getState().byType.has('ScoreCandidate')).toBe(false);
    expect(store.getState().tenant).toBe('beta');
  });

  it('groups by category and filters by search text', () => {
    const ds = [descriptor('SmartRecruiters.ApplyTag', { category: 'SmartRecruiters', displayName: 'Apply tag' }), descriptor('Elsa.Cron', { category: 'Scheduling', displayName: 'Cron' }), descriptor('SmartRecruiters.FetchJobs', { category: 'SmartRecruiters', displayName: 'Fetch jobs' })];
    expect(groupDescriptors(ds, '').map(([c, items]) => [c, items.map((d) => d.displayName)])).toEqual([['Scheduling', ['Cron']], ['SmartRecruiters', ['Apply tag', 'Fetch jobs']]]);
    expect(groupDescriptors(ds, 'tag').map(([c]) => c)).toEqual(['SmartRecruiters']);
  });
});

describe('runs store', () => {
  const entry = (sequence: number, activityId: string, extra: Partial<JournalEntry> = {}): JournalEntry => ({
    sequence, activityId, activityType: 'T', activityName: activityId, outcomes: ['Done'], startedAt: '2026-01-01T00:00:00Z', durationMs: 5, error: null, inputs: {}, outputs: {}, ...extra,
  });

  it('colours activities from the journal and bookmarks', () => {
    const detail: Pick<InstanceDetail, 'journal' | 'bookmarks' | 'status'> = {
      status: 'Suspended',
      journal: [entry(1, 'a'), entry(2, 'b', { error: 'boom' }), entry(3, 'b'), entry(4, 'c', { error: 'fail' })],
      bookmarks: [{ activityId: 'd', name: 'Delay' }],
    };
    expect(activityStates(detail, ['a', 'b', 'c', 'd', 'e'])).toEqual({ a: 'finished', b: 'finished', c: 'faulted', d: 'waiting', e: 'notRun' });
  });

  it('loads instances with filters as query parameters and runs a workflow', async () => {
    const { api, requests } = stubApi({
      'GET /api/tenants/acme/instances': () => json(200, { items: [], total: 0 }),
      'POST /api/tenants/acme/workflows/wf1/run': () => json(202, { instanceId: 'i1' }),
    });
    const store = createRunsStore(api);
    store.getState().setFilter({ status: 'Faulted', from: '2026-01-01T00:00:00.000Z' });
    await store.getState().load('acme');
    expect(requests[0]?.url).toBe('/api/tenants/acme/instances?page=1&pageSize=50&status=Faulted&from=2026-01-01T00%3A00%3A00.000Z');
    await expect(store.getState().runNow('acme', 'wf1', { x: 1 })).resolves.toBe('i1');
    expect(JSON.parse(requests[1]!.body!)).toEqual({ input: { x: 1 } });
  });
});
