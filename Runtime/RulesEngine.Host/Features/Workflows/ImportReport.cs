namespace RulesEngine.Host.Features.Workflows;

/// <summary>What an import found: unknown activity types and unsupported expressions (kept, but block publishing), one item per problem.</summary>
public sealed record ImportReport(int UnknownTypes, int UnsupportedExpressions, IReadOnlyList<ImportReportItem> Items);
