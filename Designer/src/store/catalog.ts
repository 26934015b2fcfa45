import { createStore } from 'zustand/vanilla';
import type { Api } from '../api/api';
import { describeError } from '../api/errors';
import type { ActivityDescriptor } from '../api/types';

export interface CatalogState {
  descriptors: ActivityDescriptor[];
  byType: ReadonlyMap<string, ActivityDescriptor>;
  loaded: boolean;
  error: string | null;
  /** The tenant the descriptors were loaded for (its workflows usable as activities are among them). */
  tenant: string | null;
  load: (tenant?: string | null) => Promise<void>;
  setDescriptors: (descriptors: ActivityDescriptor[]) => void;
}

/** Activity descriptors (GET /api/tenants/{t}/activities, else GET /api/activities): the palette and every node's ports and inputs come from here. */
export function createCatalogStore(api: Api) {
  return createStore<CatalogState>()((set, get) => ({
    descriptors: [],
    byType: new Map(),
    loaded: false,
    error: null,
    tenant: null,
    async load(tenant = null) {
      if (get().loaded && get().tenant === tenant) return;
      try {
        const descriptors = tenant ? await api.tenantActivities(tenant) : await api.activities();
        get().setDescriptors(descriptors);
        set({ tenant });
      } catch (e) {
        set({ error: describeError(e) });
      }
    },
    setDescriptors(descriptors) {
      set({ descriptors, byType: new Map(descriptors.map((d) => [d.typeName, d])), loaded: true, error: null });
    },
  }));
}

export type CatalogStore = ReturnType<typeof createCatalogStore>;

/** Palette grouping: category → descriptors sorted by display name, filtered by a search text. */
export function groupDescriptors(descriptors: readonly ActivityDescriptor[], search: string): Array<[string, ActivityDescriptor[]]> {
  const q = search.trim().toLowerCase();
  const groups = new Map<string, ActivityDescriptor[]>();
  for (const d of descriptors) {
    if (q && !`${d.displayName} ${d.typeName} ${d.category} ${d.description ?? ''}`.toLowerCase().includes(q)) continue;
    const list = groups.get(d.category) ?? [];
    list.push(d);
    groups.set(d.category, list);
  }
  for (const list of groups.values()) list.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}
