using RulesEngine.Core.Execution;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Where an inline run stopped.</summary>
public sealed record InstanceOutcome(string InstanceId, WorkflowState? State);
