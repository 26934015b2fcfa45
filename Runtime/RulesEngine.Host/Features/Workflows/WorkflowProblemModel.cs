namespace RulesEngine.Host.Features.Workflows;

/// <summary>One problem of a workflow, located by activity and, for scripts, by input and line:column.</summary>
public sealed record WorkflowProblemModel(
    string? ActivityId,
    string? ActivityName,
    string? ActivityType,
    string? Input,
    int? Line,
    int? Column,
    string Code,
    string Message);
