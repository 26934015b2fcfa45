import { describe, expect, it, vi } from 'vitest';
import { stubApi, json, problem, fetchStub } from '../test/fetchStub';
import { HttpClient } from './client';
import { ApiError, ConflictError, describeError, NetworkError, NotFoundError, UnauthorizedError, ValidationError, WorkflowInvalidError } from './errors';
import { versionModel, workflow } from '../test/builders';

describe('HttpClient', () => {
  it('sends the bearer token and JSON body, and parses JSON', async () => {
    const { api, requests } = stubApi({ 'PUT /api/tenants/acme/workflows/wf1': () => json(200, versionModel(workflow([]), { version: 2 })) });
    const saved = await api.workflows.save('acme', 'wf1', workflow([]), 'stamp-1');
    expect(saved.version).toBe(2);
    expect(requests[0]?.headers.Authorization).toBe('Bearer test-token');
    expect(requests[0]?.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(requests[0]?.body ?? '')).toMatchObject({ concurrencyStamp: 'stamp-1', definition: { name: 'Test workflow' } });
  });

  it('omits the Authorization header without a token and encodes query and path', async () => {
    const stub = fetchStub({ 'GET /api/tenants/a%2Fb/instances': () => json(200, { items: [], total: 0 }) });
    const client = new HttpClient({ getToken: () => null, fetch: stub.fetch });
    await client.request('GET', '/api/tenants/a%2Fb/instances', { query: { status: 'Faulted', from: undefined, page: 2 } });
    expect(stub.requests[0]?.headers.Authorization).toBeUndefined();
    expect(stub.requests[0]?.url).toBe('/api/tenants/a%2Fb/instances?status=Faulted&page=2');
  });

  it('returns undefined for 204', async () => {
    const { api } = stubApi({ 'DELETE /api/tenants/acme/workflows/wf1': () => new Response(null, { status: 204 }) });
    await expect(api.workflows.remove('acme', 'wf1')).resolves.toBeUndefined();
  });

  it('turns 409 into ConflictError carrying the current version', async () => {
    const current = versionModel(workflow([]), { version: 5, savedBy: 'bob', concurrencyStamp: 'stamp-9' });
    const { api } = stubApi({ 'PUT /api/tenants/acme/workflows/wf1': () => problem(409, { type: 'https://x/concurrency', title: 'Conflict', current }) });
    const error = await api.workflows.save('acme', 'wf1', workflow([]), 'old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current?.savedBy).toBe('bob');
    expect((error as ConflictError).type).toBe('https://x/concurrency');
  });

  it('turns a workflow-invalid problem into WorkflowInvalidError with per-activity errors', async () => {
    const errors = [{ activityId: 'a1', activityName: 'Tag', activityType: 'SmartRecruiters.ApplyTag', input: 'tags', line: 1, column: 5, code: 'CS0103', message: 'The name x does not exist' }];
    const { api } = stubApi({ 'POST /api/tenants/acme/workflows/wf1/publish': () => problem(400, { type: 'https://x/workflow-invalid', title: 'Invalid workflow', errors }) });
    const error = await api.workflows.publish('acme', 'wf1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowInvalidError);
    expect((error as WorkflowInvalidError).errors).toEqual(errors);
  });

  it('maps 401, 404 and field validation problems', async () => {
    const { api } = stubApi({
      'GET /api/tenants': () => problem(401, { title: 'Unauthorized' }),
      'GET /api/tenants/acme/mappings/x': () => problem(404, { title: 'Not found', detail: 'No table x' }),
      'PUT /api/tenants/acme/mappings/x': () => problem(400, { title: 'Validation failed', errors: { 'rows[0].key': ['Required'] } }),
    });
    await expect(api.tenants.list()).rejects.toBeInstanceOf(UnauthorizedError);
    const nf = await api.mappings.get('acme', 'x').catch((e: unknown) => e);
    expect(nf).toBeInstanceOf(NotFoundError);
    expect(describeError(nf)).toBe('Not found: No table x');
    const ve = await api.mappings.put('acme', 'x', []).catch((e: unknown) => e);
    expect(ve).toBeInstanceOf(ValidationError);
    expect((ve as ValidationError).fieldErrors).toEqual({ 'rows[0].key': ['Required'] });
  });

  it('calls onUnauthorized on 401', async () => {
    const onUnauthorized = vi.fn();
    const stub = fetchStub({ 'GET /api/activities': () => problem(401, { title: 'Unauthorized' }) });
    const client = new HttpClient({ getToken: () => 't', fetch: stub.fetch, onUnauthorized });
    await expect(client.request('GET', '/api/activities')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('keeps a readable message when the error body is not JSON', async () => {
    const { api } = stubApi({ 'GET /api/activities': () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) });
    const error = await api.activities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(502);
    expect(describeError(error)).toBe('Bad Gateway: <html>Bad gateway</html>');
  });

  it('wraps transport failures in NetworkError', async () => {
    const client = new HttpClient({ getToken: () => null, fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(client.request('GET', '/api/activities')).rejects.toBeInstanceOf(NetworkError);
  });

  it('downloads exports with the file name from Content-Disposition', async () => {
    const { api } = stubApi({ 'GET /api/tenants/acme/workflows/wf1/export': () => new Response('{"name":"x"}', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="sync-jobs.json"' } }) });
    await expect(api.workflows.export('acme', 'wf1')).resolves.toEqual({ text: '{"name":"x"}', fileName: 'sync-jobs.json' });
  });

  it('sends CSV as text/csv for mapping imports', async () => {
    const { api, requests } = stubApi({ 'POST /api/tenants/acme/mappings/dept/import': () => json(200, { name: 'dept', rows: [{ key: 'a', value: 'b' }] }) });
    await api.mappings.importCsv('acme', 'dept', 'a,b\n');
    expect(requests[0]?.headers['Content-Type']).toBe('text/csv');
    expect(requests[0]?.body).toBe('a,b\n');
  });
});
