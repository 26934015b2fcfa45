import { HttpClient, type ClientOptions } from './client';
import type {
  ActivityDescriptor, Connection, ConnectionTestResult, ConnectionUpdate, ImportResult, InstanceDetail,
  InstancePage, InstanceQuery, MappingTable, MappingTableSummary, ScriptDiagnostic, SmartRecruitersOptions,
  Tenant, VersionInfo, WorkflowSummary, WorkflowVersionModel,
} from './types';
import type { WorkflowDefinition } from '../model/workflow';

const seg = encodeURIComponent;

/** Typed endpoints of docs/api.md, grouped by resource. */
export function createApi(options: ClientOptions) {
  const http = new HttpClient(options);
  const t = (tenant: string) => `/api/tenants/${seg(tenant)}`;
  return {
    http,
    activities: () => http.request<ActivityDescriptor[]>('GET', '/api/activities'),
    /** The built-in activities plus the tenant's published workflows marked usable as activities. */
    tenantActivities: (tenant: string) => http.request<ActivityDescriptor[]>('GET', `${t(tenant)}/activities`),
    tenants: {
      list: () => http.request<Tenant[]>('GET', '/api/tenants'),
    },
    workflows: {
      list: (tenant: string) => http.request<WorkflowSummary[]>('GET', `${t(tenant)}/workflows`),
      create: (tenant: string, definition: WorkflowDefinition) =>
        http.request<WorkflowVersionModel>('POST', `${t(tenant)}/workflows`, { body: definition }),
      get: (tenant: string, id: string) => http.request<WorkflowVersionModel>('GET', `${t(tenant)}/workflows/${seg(id)}`),
      getVersion: (tenant: string, id: string, version: number) =>
        http.request<WorkflowVersionModel>('GET', `${t(tenant)}/workflows/${seg(id)}/versions/${version}`),
      versions: (tenant: string, id: string) => http.request<VersionInfo[]>('GET', `${t(tenant)}/workflows/${seg(id)}/versions`),
      save: (tenant: string, id: string, definition: WorkflowDefinition, concurrencyStamp: string) =>
        http.request<WorkflowVersionModel>('PUT', `${t(tenant)}/workflows/${seg(id)}`, { body: { definition, concurrencyStamp } }),
      publish: (tenant: string, id: string) =>
        http.request<WorkflowVersionModel>('POST', `${t(tenant)}/workflows/${seg(id)}/publish`),
      retract: (tenant: string, id: string) => http.request<unknown>('POST', `${t(tenant)}/workflows/${seg(id)}/retract`),
      rollback: (tenant: string, id: string, version: number) =>
        http.request<WorkflowVersionModel>('POST', `${t(tenant)}/workflows/${seg(id)}/rollback`, { body: { version } }),
      export: (tenant: string, id: string, version?: number) =>
        http.download(`${t(tenant)}/workflows/${seg(id)}/export`, { version }),
      import: (tenant: string, json: string) =>
        http.request<ImportResult[]>('POST', `${t(tenant)}/workflows/import`, { rawBody: { content: json, contentType: 'application/json' } }),
      remove: (tenant: string, id: string) => http.request<void>('DELETE', `${t(tenant)}/workflows/${seg(id)}`),
      run: (tenant: string, id: string, input: unknown, payload?: unknown) =>
        http.request<{ instanceId: string }>('POST', `${t(tenant)}/workflows/${seg(id)}/run`, { body: { input, payload } }),
    },
    instances: {
      list: (tenant: string, query: InstanceQuery) =>
        http.request<InstancePage>('GET', `${t(tenant)}/instances`, { query: { ...query } }),
      get: (tenant: string, id: string) => http.request<InstanceDetail>('GET', `${t(tenant)}/instances/${seg(id)}`),
      cancel: (tenant: string, id: string) => http.request<unknown>('POST', `${t(tenant)}/instances/${seg(id)}/cancel`),
      retry: (tenant: string, id: string) => http.request<unknown>('POST', `${t(tenant)}/instances/${seg(id)}/retry`),
    },
    connections: {
      list: (tenant: string) => http.request<Connection[]>('GET', `${t(tenant)}/connections`),
      get: (tenant: string, name: string) => http.request<Connection>('GET', `${t(tenant)}/connections/${seg(name)}`),
      put: (tenant: string, name: string, update: ConnectionUpdate) =>
        http.request<Connection>('PUT', `${t(tenant)}/connections/${seg(name)}`, { body: update }),
      test: (tenant: string, name: string) =>
        http.request<ConnectionTestResult>('POST', `${t(tenant)}/connections/${seg(name)}/test`),
      smartRecruitersOptions: (tenant: string, name = 'smartrecruiters') =>
        http.request<SmartRecruitersOptions>('GET', `${t(tenant)}/connections/${seg(name)}/options`),
    },
    mappings: {
      list: (tenant: string) => http.request<MappingTableSummary[]>('GET', `${t(tenant)}/mappings`),
      get: (tenant: string, name: string) => http.request<MappingTable>('GET', `${t(tenant)}/mappings/${seg(name)}`),
      put: (tenant: string, name: string, rows: MappingTable['rows']) =>
        http.request<MappingTable>('PUT', `${t(tenant)}/mappings/${seg(name)}`, { body: { rows } }),
      importCsv: (tenant: string, name: string, csv: string) =>
        http.request<MappingTable>('POST', `${t(tenant)}/mappings/${seg(name)}/import`, { rawBody: { content: csv, contentType: 'text/csv' } }),
    },
    scripts: {
      check: (definition: WorkflowDefinition, signal?: AbortSignal) =>
        http.request<{ diagnostics: ScriptDiagnostic[] }>('POST', '/api/scripts/check', { body: { definition }, signal }),
    },
  };
}

export type Api = ReturnType<typeof createApi>;
