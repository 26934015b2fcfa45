namespace RulesEngine.Host.Features.Workflows;

/// <summary>
/// What an import kept but cannot run, by activity, with counts: unknown activity types and unsupported expressions
/// (they block publishing) and unsupported options (ignored); then any other problem of the workflow.
/// </summary>
public sealed record ImportReport(int UnknownTypes, int UnsupportedExpressions, IReadOnlyList<ImportReportItem> Items)
{
    public int UnsupportedOptions { get; init; }

    /// <summary>"2 unknown types, 1 unsupported expression, 0 unsupported options".</summary>
    public string Summary { get; init; } = string.Empty;
}
