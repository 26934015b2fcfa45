import { useStore } from 'zustand';
import { createApi, type Api } from '../api/api';
import { createCatalogStore } from '../store/catalog';
import { createRunsStore } from '../store/runs';
import { createSessionStore } from '../store/session';
import { createWorkflowsStore } from '../store/workflows';
import type { CatalogState } from '../store/catalog';
import type { RunsState } from '../store/runs';
import type { SessionState } from '../store/session';
import type { WorkflowsState } from '../store/workflows';

// App-wide singletons: one API client and one store per concern. The open-workflow store is not here:
// it is created per editor and provided through context.
export const sessionStore = createSessionStore(() => api, globalThis.sessionStorage);
export const api: Api = createApi({
  getToken: () => sessionStore.getState().token,
  onUnauthorized: () => sessionStore.getState().signOut('Your session expired or the token was rejected. Sign in again.'),
});
export const catalogStore = createCatalogStore(api);
export const workflowsStore = createWorkflowsStore(api);
export const runsStore = createRunsStore(api);

export const useSession = <T,>(selector: (s: SessionState) => T): T => useStore(sessionStore, selector);
export const useCatalog = <T,>(selector: (s: CatalogState) => T): T => useStore(catalogStore, selector);
export const useWorkflows = <T,>(selector: (s: WorkflowsState) => T): T => useStore(workflowsStore, selector);
export const useRuns = <T,>(selector: (s: RunsState) => T): T => useStore(runsStore, selector);
