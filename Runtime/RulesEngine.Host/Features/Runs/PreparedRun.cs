using RulesEngine.Core.Execution;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Runs;

/// <summary>A new instance built in memory (state and row, leased by this node) before it is stored.</summary>
internal sealed record PreparedRun(string TenantId, WorkflowVersion Version, WorkflowBlueprint Blueprint, WorkflowState State, WorkflowInstance Instance, string TriggerKind)
{
    public string InstanceId => State.InstanceId;
}
