namespace RulesEngine.Host.Features.Workflows;

/// <summary>One thing an import kept but cannot run (or another problem), by activity; null activity: the workflow's options.</summary>
public sealed record ImportReportItem(string? ActivityId, string? ActivityName, string? ActivityType, string Problem)
{
    /// <summary>unknown-type, unsupported-expression, unsupported-option, or the problem code of anything else.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The input or option concerned, when there is one.</summary>
    public string? Property { get; init; }
}
