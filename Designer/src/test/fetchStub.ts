import { createApi } from '../api/api';
import type { FetchFn } from '../api/client';

export interface RecordedRequest { method: string; url: string; headers: Record<string, string>; body: string | undefined }

export type Handler = (req: RecordedRequest) => Response | Promise<Response>;

/** A local fetch function answering from a route table: no network. Keys are "METHOD /path" (query ignored). */
export function fetchStub(routes: Record<string, Handler>): { fetch: FetchFn; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchFn = async (input, init) => {
    const req: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: input,
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    requests.push(req);
    const path = input.split('?')[0];
    const handler = routes[`${req.method} ${path}`];
    if (!handler) return problem(404, { title: 'Not Found', detail: `No stub for ${req.method} ${path}` });
    return handler(req);
  };
  return { fetch, requests };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

export function stubApi(routes: Record<string, Handler>, token = 'test-token') {
  const stub = fetchStub(routes);
  return { api: createApi({ getToken: () => token, fetch: stub.fetch }), requests: stub.requests };
}
