namespace RulesEngine.Core.Validation;

/// <summary>One thing an import kept but cannot run: <see cref="Kind"/> is unknown-type, unsupported-expression or unsupported-option.</summary>
public sealed record ImportReportItem(string Kind, string Message)
{
    public const string UnknownType = "unknown-type";
    public const string UnsupportedExpression = "unsupported-expression";
    public const string UnsupportedOption = "unsupported-option";

    /// <summary>The activity it concerns; null for workflow-level options.</summary>
    public string? ActivityId { get; init; }

    public string? ActivityName { get; init; }

    public string? ActivityType { get; init; }

    /// <summary>The input or option name.</summary>
    public string? Property { get; init; }

    public override string ToString()
    {
        var where = ActivityId is null ? "workflow" : $"activity {ActivityId} '{ActivityName ?? ActivityId}' ({ActivityType})";
        return $"{where}: {Kind}: {Message}";
    }
}
