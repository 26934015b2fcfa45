import { createStore } from 'zustand/vanilla';
import type { Api } from '../api/api';
import { describeError } from '../api/errors';
import type { InstanceDetail, InstanceQuery, InstanceSummary, JournalEntry } from '../api/types';

export type ActivityRunState = 'finished' | 'faulted' | 'waiting' | 'running' | 'notRun';

export interface RunsState {
  filter: InstanceQuery;
  items: InstanceSummary[];
  total: number;
  loading: boolean;
  error: string | null;
  detail: InstanceDetail | null;
  setFilter: (patch: Partial<InstanceQuery>) => void;
  load: (tenant: string) => Promise<void>;
  open: (tenant: string, id: string) => Promise<InstanceDetail | null>;
  runNow: (tenant: string, definitionId: string, input: unknown) => Promise<string>;
  cancel: (tenant: string, id: string) => Promise<void>;
  retry: (tenant: string, id: string) => Promise<void>;
}

/** Instances list with filters, and the opened instance. */
export function createRunsStore(api: Api) {
  return createStore<RunsState>()((set, get) => ({
    filter: { page: 1, pageSize: 50 },
    items: [],
    total: 0,
    loading: false,
    error: null,
    detail: null,
    setFilter(patch) {
      set({ filter: { ...get().filter, page: 1, ...patch } });
    },
    async load(tenant) {
      set({ loading: true, error: null });
      try {
        const page = await api.instances.list(tenant, get().filter);
        set({ items: page.items, total: page.total, loading: false });
      } catch (e) {
        set({ loading: false, error: describeError(e) });
      }
    },
    async open(tenant, id) {
      set({ error: null });
      try {
        const detail = await api.instances.get(tenant, id);
        set({ detail });
        return detail;
      } catch (e) {
        set({ error: describeError(e), detail: null });
        return null;
      }
    },
    async runNow(tenant, definitionId, input) {
      const { instanceId } = await api.workflows.run(tenant, definitionId, input);
      return instanceId;
    },
    async cancel(tenant, id) {
      await api.instances.cancel(tenant, id);
      await get().open(tenant, id);
    },
    async retry(tenant, id) {
      await api.instances.retry(tenant, id);
      await get().open(tenant, id);
    },
  }));
}

export type RunsStore = ReturnType<typeof createRunsStore>;

/**
 * What happened to each activity of an instance, from its journal and bookmarks: the last journal entry
 * wins (an activity may run several times in a loop); a bookmark means it is waiting.
 */
export function activityStates(detail: Pick<InstanceDetail, 'journal' | 'bookmarks' | 'status'>, activityIds: readonly string[]): Record<string, ActivityRunState> {
  const states: Record<string, ActivityRunState> = {};
  for (const id of activityIds) states[id] = 'notRun';
  const last = lastEntries(detail.journal);
  for (const [id, entry] of last) {
    if (entry.error) states[id] = 'faulted';
    else if (entry.durationMs === null && detail.status === 'Running') states[id] = 'running';
    else states[id] = 'finished';
  }
  for (const b of detail.bookmarks) {
    const id = typeof b.activityId === 'string' ? b.activityId : null;
    if (id) states[id] = 'waiting';
  }
  return states;
}

export function lastEntries(journal: readonly JournalEntry[]): Map<string, JournalEntry> {
  const map = new Map<string, JournalEntry>();
  for (const e of [...journal].sort((a, b) => a.sequence - b.sequence)) map.set(e.activityId, e);
  return map;
}
