import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('matchRoute', () => {
  const q = (s = '') => new URLSearchParams(s);
  it('maps client routes', () => {
    expect(matchRoute('/', q())).toEqual({ name: 'workflows' });
    expect(matchRoute('/workflows', q())).toEqual({ name: 'workflows' });
    expect(matchRoute('/workflows/sync%20jobs', q())).toEqual({ name: 'editor', id: 'sync jobs', version: null });
    expect(matchRoute('/workflows/wf1', q('version=3'))).toEqual({ name: 'editor', id: 'wf1', version: 3 });
    expect(matchRoute('/instances', q())).toEqual({ name: 'instances' });
    expect(matchRoute('/instances/i1', q())).toEqual({ name: 'instance', id: 'i1' });
    expect(matchRoute('/settings', q())).toEqual({ name: 'settings' });
    expect(matchRoute('/nope', q())).toEqual({ name: 'notFound' });
  });
});
