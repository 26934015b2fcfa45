namespace RulesEngine.Core.Validation;

/// <summary>
/// One thing wrong with a workflow, located by activity and, for scripts, input and line:column.
/// <see cref="IsError"/> problems block publishing and running; warnings (e.g. a kept-but-unsupported option) do not.
/// </summary>
public sealed record WorkflowProblem(string Code, string Message)
{
    public string? ActivityId { get; init; }

    public string? ActivityName { get; init; }

    public string? ActivityType { get; init; }

    public string? Input { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    public bool IsError { get; init; } = true;

    /// <summary>"activity a1 'Send' (Elsa.WriteLine): input 'text' (1:5): message".</summary>
    public override string ToString()
    {
        var where = ActivityId is null ? "workflow" : $"activity {ActivityId} '{ActivityName ?? ActivityId}' ({ActivityType})";
        var input = Input is null ? string.Empty : $"input '{Input}'{(Line is null ? string.Empty : $" ({Line}:{Column})")}: ";
        return $"{where}: {input}{Message}";
    }
}
