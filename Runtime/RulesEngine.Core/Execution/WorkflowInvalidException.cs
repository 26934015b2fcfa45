using RulesEngine.Core.Validation;

namespace RulesEngine.Core.Execution;

/// <summary>The workflow has errors that prevent running it; <see cref="Problems"/> lists each by activity.</summary>
public sealed class WorkflowInvalidException(IReadOnlyList<WorkflowProblem> problems)
    : Exception("the workflow is not valid: " + string.Join("; ", problems.Select(p => p.ToString())))
{
    public IReadOnlyList<WorkflowProblem> Problems { get; } = problems;
}
