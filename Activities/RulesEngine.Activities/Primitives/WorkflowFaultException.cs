using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.Primitives;

/// <summary>Raised by <see cref="Fault"/>: the workflow faults on purpose, with a code.</summary>
public sealed class WorkflowFaultException(string? code, string message) : Exception(message), IHasErrorCode
{
    public string? ErrorCode { get; } = code;
}
