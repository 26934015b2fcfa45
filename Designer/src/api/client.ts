import { NetworkError, toApiError } from './errors';
import type { ProblemDetails } from './types';

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /** Prefix for every path; '' means same origin as the page (the host serves both). */
  baseUrl?: string;
  getToken: () => string | null;
  fetch?: FetchFn;
  /** Called on 401 so the session can sign out. */
  onUnauthorized?: () => void;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body (e.g. CSV text) sent as-is with this content type. */
  rawBody?: { content: string; contentType: string };
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

/** Thin fetch wrapper: bearer token, JSON in/out, problem details → typed errors. */
export class HttpClient {
  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.options = options;
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (text.length === 0) return undefined as T;
    const contentType = response.headers.get('content-type') ?? '';
    return (contentType.includes('json') ? JSON.parse(text) : text) as T;
  }

  /** For downloads: returns the body as text plus the suggested file name. */
  async download(path: string, query?: RequestOptions['query']): Promise<{ text: string; fileName: string | null }> {
    const response = await this.send('GET', path, { query });
    const disposition = response.headers.get('content-disposition') ?? '';
    const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
    return { text: await response.text(), fileName: match?.[1] ? decodeURIComponent(match[1]) : null };
  }

  private async send(method: string, path: string, options: RequestOptions): Promise<Response> {
    const fetchFn = this.options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = this.options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody) {
      headers['Content-Type'] = options.rawBody.contentType;
      body = options.rawBody.content;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetchFn(`${this.options.baseUrl ?? ''}${path}${buildQuery(options.query)}`, {
        method, headers, body, signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new NetworkError(`Could not reach the server (${method} ${path}).`, { cause });
    }
    if (!response.ok) {
      const problem = await readProblem(response);
      if (response.status === 401) this.options.onUnauthorized?.();
      throw toApiError(response.status, problem);
    }
    return response;
  }
}

function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Reads a problem body; falls back to a synthetic one when the server sent HTML or nothing. */
async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        return { status: response.status, ...(parsed as ProblemDetails) };
      }
    } catch {
      // Not JSON: keep a short excerpt as the detail so the user sees something useful.
      return { status: response.status, title: response.statusText || `HTTP ${response.status}`, detail: text.slice(0, 200) };
    }
  }
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}
