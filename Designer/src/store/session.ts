import { createStore } from 'zustand/vanilla';
import type { Api } from '../api/api';
import { describeError } from '../api/errors';
import type { Tenant } from '../api/types';

export interface SessionState {
  token: string | null;
  tenant: string | null;
  tenants: Tenant[];
  signingIn: boolean;
  error: string | null;
  signIn: (token: string) => Promise<boolean>;
  signOut: (reason?: string) => void;
  setTenant: (tenant: string) => void;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const TOKEN_KEY = 'rulesengine.token';
export const TENANT_KEY = 'rulesengine.tenant';

/**
 * Auth + tenant. The token lives in sessionStorage (closing the tab signs out); the API is passed in as a
 * factory because the API itself reads the token from this store.
 */
export function createSessionStore(getApi: () => Api, storage: KeyValueStorage) {
  return createStore<SessionState>()((set, get) => ({
    token: storage.getItem(TOKEN_KEY),
    tenant: storage.getItem(TENANT_KEY),
    tenants: [],
    signingIn: false,
    error: null,
    async signIn(token) {
      const trimmed = token.trim();
      if (!trimmed) {
        set({ error: 'Enter a token.' });
        return false;
      }
      set({ token: trimmed, signingIn: true, error: null });
      try {
        const tenants = await getApi().tenants.list();
        const stored = get().tenant;
        const tenant = tenants.some((t) => t.id === stored) ? stored : (tenants[0]?.id ?? null);
        storage.setItem(TOKEN_KEY, trimmed);
        if (tenant) storage.setItem(TENANT_KEY, tenant);
        set({ tenants, tenant, signingIn: false });
        return true;
      } catch (e) {
        storage.removeItem(TOKEN_KEY);
        set({ token: null, signingIn: false, error: describeError(e) });
        return false;
      }
    },
    signOut(reason) {
      storage.removeItem(TOKEN_KEY);
      set({ token: null, tenants: [], error: reason ?? null });
    },
    setTenant(tenant) {
      storage.setItem(TENANT_KEY, tenant);
      set({ tenant });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
