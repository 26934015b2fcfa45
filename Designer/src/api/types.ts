// Hand-written mirror of docs/api.md (v1). Replace with openapi-typescript output once the host
// publishes /openapi/v1.json at build time.
import type { WorkflowDefinition } from '../model/workflow';

export type UiHint =
  | 'singleline' | 'multiline' | 'checkbox' | 'number' | 'dropdown' | 'json' | 'code'
  | 'cron' | 'timespan' | 'list' | 'variable' | 'outcomes';

export type ActivityKind = 'Action' | 'Trigger' | 'Flow' | 'Container';
export type ExpressionSyntax = 'Literal' | 'Object' | 'CSharp' | 'Variable';

export interface InputDescriptor {
  name: string;
  displayName: string;
  typeName: string;
  description?: string;
  uiHint: UiHint | string;
  options?: string[];
  defaultValue?: unknown;
  isSecret?: boolean;
  required?: boolean;
  order?: number;
  defaultSyntax?: ExpressionSyntax;
}

export interface OutputDescriptor {
  name: string;
  displayName: string;
  typeName: string;
  description?: string;
}

export interface ActivityDescriptor {
  typeName: string;
  category: string;
  displayName: string;
  description?: string;
  kind: ActivityKind;
  isTrigger: boolean;
  isContainer: boolean;
  inputs: InputDescriptor[];
  outputs: OutputDescriptor[];
  outcomes: string[];
  dynamicOutcomesInput?: string | null;
  /** Set for a published workflow used as an activity: nodes of this type run that workflow. */
  workflowDefinitionId?: string | null;
  /** The version such a node pins (the published one when the node is added). */
  workflowVersion?: number | null;
}

export interface Tenant { id: string; name: string; createdAt?: string }

export type WorkflowStatus = 'Draft' | 'Published' | 'Retracted';

export interface TriggerSummary { activityId: string; type: string; summary: string }

export interface LastRun { instanceId: string; status: string; finishedAt: string | null }

export interface WorkflowSummary {
  definitionId: string;
  name: string;
  description?: string | null;
  latestVersion: number;
  publishedVersion: number | null;
  status: WorkflowStatus;
  triggers: TriggerSummary[];
  lastRun: LastRun | null;
  updatedAt: string;
}

export interface WorkflowVersionModel {
  definition: WorkflowDefinition;
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  publishedVersion: number | null;
  concurrencyStamp: string;
  savedBy: string;
  savedAt: string;
}

export interface VersionInfo {
  version: number;
  isPublished: boolean;
  isLatest: boolean;
  savedBy: string;
  savedAt: string;
  publishedAt: string | null;
}

export interface WorkflowProblem {
  activityId: string;
  activityName?: string | null;
  activityType?: string | null;
  input: string | null;
  line: number | null;
  column: number | null;
  code: string;
  message: string;
}

/** kind: unknown-type, unsupported-expression, unsupported-option, or another problem code; no activityId: a workflow option. */
export interface ImportReportItem { activityId: string | null; activityName?: string | null; activityType?: string | null; problem: string; kind?: string; property?: string | null }

export interface ImportReport { unknownTypes: number; unsupportedExpressions: number; unsupportedOptions?: number; summary?: string; items: ImportReportItem[] }

export interface ImportResult { definitionId: string; version: number; report: ImportReport }

export type InstanceStatus = 'Running' | 'Suspended' | 'Finished' | 'Faulted' | 'Cancelled' | string;

export interface InstanceSummary {
  id: string;
  definitionId: string;
  version: number;
  name: string;
  status: InstanceStatus;
  correlationId: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface InstancePage { items: InstanceSummary[]; total: number }

export interface JournalEntry {
  sequence: number;
  activityId: string;
  activityType: string;
  activityName: string;
  outcomes: string[];
  startedAt: string;
  durationMs: number | null;
  error: string | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  outputs: Record<string, unknown>;
  bookmarks: Array<{ activityId?: string; name?: string; [key: string]: unknown }>;
  journal: JournalEntry[];
}

export interface InstanceQuery {
  definitionId?: string;
  status?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface SecretState { hasValue: boolean }

export interface Connection {
  name: string;
  kind: 'smartrecruiters' | 'http' | string;
  settings: Record<string, unknown>;
  secrets: Record<string, SecretState>;
  updatedAt?: string;
}

export interface ConnectionUpdate {
  kind: string;
  settings: Record<string, unknown>;
  /** Write-only: omitted or null keeps the stored value. */
  secrets: Record<string, unknown>;
}

export interface ConnectionTestResult { ok: boolean; message: string }

export interface SmartRecruitersOptions {
  statuses: string[];
  subStatuses: Record<string, string[]>;
  jobs: Array<{ id: string; title: string }>;
}

export interface MappingTableSummary { name: string; rowCount: number }
export interface MappingRow { key: string; value: string }
export interface MappingTable { name: string; rows: MappingRow[] }

export interface ScriptDiagnostic {
  activityId: string;
  inputName: string;
  line: number;
  column: number;
  severity: 'Error' | 'Warning' | 'Info' | string;
  code: string;
  message: string;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: WorkflowProblem[] | Record<string, string[]>;
  current?: WorkflowVersionModel;
  [key: string]: unknown;
}
