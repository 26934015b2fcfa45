import { createStore } from 'zustand/vanilla';
import type { Api } from '../api/api';
import { describeError, WorkflowInvalidError } from '../api/errors';
import type { ImportResult, WorkflowProblem, WorkflowSummary, WorkflowVersionModel } from '../api/types';
import { emptyWorkflow } from '../model/workflow';

export interface ImportOutcome { results: ImportResult[] | null; error: string | null; problems: WorkflowProblem[] }

export interface WorkflowsState {
  items: WorkflowSummary[];
  loading: boolean;
  error: string | null;
  load: (tenant: string) => Promise<void>;
  create: (tenant: string, name: string) => Promise<WorkflowVersionModel>;
  remove: (tenant: string, definitionId: string) => Promise<void>;
  importJson: (tenant: string, json: string) => Promise<ImportOutcome>;
}

/** The tenant's workflow list (GET /workflows) and list-level actions. */
export function createWorkflowsStore(api: Api) {
  return createStore<WorkflowsState>()((set, get) => ({
    items: [],
    loading: false,
    error: null,
    async load(tenant) {
      set({ loading: true, error: null });
      try {
        const items = await api.workflows.list(tenant);
        set({ items: [...items].sort((a, b) => a.name.localeCompare(b.name)), loading: false });
      } catch (e) {
        set({ loading: false, error: describeError(e) });
      }
    },
    async create(tenant, name) {
      const model = await api.workflows.create(tenant, emptyWorkflow(name));
      await get().load(tenant);
      return model;
    },
    async remove(tenant, definitionId) {
      await api.workflows.remove(tenant, definitionId);
      set({ items: get().items.filter((w) => w.definitionId !== definitionId) });
    },
    async importJson(tenant, json) {
      try {
        JSON.parse(json);
      } catch (e) {
        return { results: null, error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`, problems: [] };
      }
      try {
        const results = await api.workflows.import(tenant, json);
        await get().load(tenant);
        return { results, error: null, problems: [] };
      } catch (e) {
        return { results: null, error: describeError(e), problems: e instanceof WorkflowInvalidError ? e.errors : [] };
      }
    },
  }));
}

export type WorkflowsStore = ReturnType<typeof createWorkflowsStore>;
