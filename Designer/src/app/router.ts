import { useSyncExternalStore } from 'react';

// A tiny history-API router: the app has five screens, so a routing library would add more than it saves.
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, replace = false): void {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, () => window.location.pathname + window.location.search);
  const url = new URL(href, 'http://x');
  return { path: url.pathname, query: url.searchParams };
}

export type Route =
  | { name: 'workflows' }
  | { name: 'editor'; id: string; version: number | null }
  | { name: 'instances' }
  | { name: 'instance'; id: string }
  | { name: 'settings' }
  | { name: 'notFound' };

export function matchRoute(path: string, query: URLSearchParams): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0 || (parts[0] === 'workflows' && parts.length === 1)) return { name: 'workflows' };
  if (parts[0] === 'workflows' && parts[1]) {
    const v = query.get('version');
    return { name: 'editor', id: parts[1], version: v ? Number(v) : null };
  }
  if (parts[0] === 'instances' && parts.length === 1) return { name: 'instances' };
  if (parts[0] === 'instances' && parts[1]) return { name: 'instance', id: parts[1] };
  if (parts[0] === 'settings') return { name: 'settings' };
  return { name: 'notFound' };
}

