import type { ImportReport, ImportReportItem } from '../api/types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 unknown types, 1 unsupported expression, 5 unsupported options" (the host's wording, also for older hosts without a summary). */
export function summarizeImportReport(report: ImportReport): string {
  return report.summary
    ?? `${plural(report.unknownTypes, 'unknown type')}, ${plural(report.unsupportedExpressions, 'unsupported expression')}, ${plural(report.unsupportedOptions ?? 0, 'unsupported option')}`;
}

const kindLabels: Record<string, string> = {
  'unknown-type': 'Unknown type',
  'unsupported-expression': 'Unsupported expression',
  'unsupported-option': 'Unsupported option',
};

/** A readable label for an item's kind; other problems keep their code. */
export function importKindLabel(item: ImportReportItem): string {
  return item.kind ? kindLabels[item.kind] ?? item.kind : 'Problem';
}

/** Items grouped by activity (workflow options first, under "Workflow"), in the order they came. */
export function groupImportItems(items: ImportReportItem[]): { activity: string; type: string | null; items: ImportReportItem[] }[] {
  const groups = new Map<string, { activity: string; type: string | null; items: ImportReportItem[] }>();
  for (const item of [...items].sort((a, b) => Number(a.activityId !== null) - Number(b.activityId !== null))) {
    const key = item.activityId ?? '';
    const group = groups.get(key) ?? { activity: item.activityId === null ? 'Workflow' : item.activityName ?? item.activityId, type: item.activityType ?? null, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
