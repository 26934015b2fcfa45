// Compile-time contract between the hand-written client types (types.ts) and the host's OpenAPI document (schema.d.ts,
// generated). Every property the Designer reads must exist in the host's schema: a renamed or removed field breaks
// `tsc` (npm run build) here instead of failing quietly in the browser. Types only; nothing of this reaches the bundle.
import type { components } from './schema';
import type * as T from './types';

type S = components['schemas'];

/** The property names of a hand-written type that the generated one lacks; `never` when they agree. */
type Missing<Hand, Generated> = Exclude<keyof Hand, keyof Generated>;
type Expect<Names extends never> = Names;

export type ClientTypesMatchTheHost = [
  Expect<Missing<T.ActivityDescriptor, S['ActivityDescriptor']>>,
  Expect<Missing<T.InputDescriptor, S['InputDescriptor']>>,
  Expect<Missing<T.OutputDescriptor, S['OutputDescriptor']>>,
  Expect<Missing<T.Tenant, S['TenantModel']>>,
  Expect<Missing<T.WorkflowSummary, S['WorkflowSummary']>>,
  Expect<Missing<T.TriggerSummary, S['WorkflowTrigger']>>,
  Expect<Missing<T.LastRun, S['WorkflowLastRun']>>,
  Expect<Missing<T.WorkflowVersionModel, S['WorkflowVersionModel']>>,
  Expect<Missing<T.VersionInfo, S['WorkflowVersionInfo']>>,
  Expect<Missing<T.ImportResult, S['ImportedWorkflow']>>,
  Expect<Missing<T.ImportReport, S['ImportReport']>>,
  Expect<Missing<T.ImportReportItem, S['ImportReportItem']>>,
  Expect<Missing<T.InstanceSummary, S['InstanceSummary']>>,
  Expect<Missing<T.InstancePage, S['InstanceList']>>,
  Expect<Missing<T.InstanceDetail, S['InstanceDetail']>>,
  Expect<Missing<T.JournalEntry, S['InstanceJournalEntry']>>,
  Expect<Missing<T.Connection, S['ConnectionModel']>>,
  Expect<Missing<T.SecretState, S['SecretState']>>,
  Expect<Missing<T.ConnectionTestResult, S['ConnectionTestResult']>>,
  Expect<Missing<T.SmartRecruitersOptions, S['SmartRecruitersOptions']>>,
  Expect<Missing<T.MappingTableSummary, S['MappingTableSummary']>>,
  Expect<Missing<T.MappingTable, S['MappingTableModel']>>,
  Expect<Missing<T.MappingRow, S['MappingRowModel']>>,
  Expect<Missing<T.ScriptDiagnostic, S['ScriptDiagnosticModel']>>,
];
