import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../api/types';
import { groupImportItems, importKindLabel, summarizeImportReport } from './importReport';

const report: ImportReport = {
  unknownTypes: 1,
  unsupportedExpressions: 1,
  unsupportedOptions: 2,
  items: [
    { activityId: 'crm', activityName: 'SyncCrm', activityType: 'Acme.Crm.SyncContact', problem: "unknown activity type 'Acme.Crm.SyncContact'", kind: 'unknown-type' },
    { activityId: 'py', activityName: 'Python', activityType: 'Elsa.WriteLine', problem: "expression type 'Python' is not supported", kind: 'unsupported-expression', property: 'text' },
    { activityId: null, problem: 'activation strategy is not implemented', kind: 'unsupported-option', property: 'activationStrategyType' },
    { activityId: 'crm', activityName: 'SyncCrm', activityType: 'Acme.Crm.SyncContact', problem: 'runAsynchronously is not implemented', kind: 'unsupported-option', property: 'runAsynchronously' },
  ],
};

describe('import report', () => {
  it('summarizes the counts with plurals, preferring the host summary', () => {
    expect(summarizeImportReport(report)).toBe('1 unknown type, 1 unsupported expression, 2 unsupported options');
    expect(summarizeImportReport({ unknownTypes: 0, unsupportedExpressions: 0, items: [] })).toBe('0 unknown types, 0 unsupported expressions, 0 unsupported options');
    expect(summarizeImportReport({ ...report, summary: 'from host' })).toBe('from host');
  });

  it('groups items per activity with workflow options first', () => {
    const groups = groupImportItems(report.items);
    expect(groups.map((g) => g.activity)).toEqual(['Workflow', 'SyncCrm', 'Python']);
    expect(groups[1]!.items.map(importKindLabel)).toEqual(['Unknown type', 'Unsupported option']);
    expect(importKindLabel({ activityId: 'x', problem: 'p', kind: 'missing-input' })).toBe('missing-input');
  });
});
