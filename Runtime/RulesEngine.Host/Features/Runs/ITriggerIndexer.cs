using RulesEngine.Core.Execution;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Rebuilds a workflow's trigger index (cron schedules, webhook paths, SmartRecruiters events) from its published version.</summary>
public interface ITriggerIndexer
{
    /// <summary>Indexes the triggers of <paramref name="published"/>, or removes them all when it is null (retracted or deleted).</summary>
    Task ReindexAsync(string tenantId, string definitionId, WorkflowBlueprint? published, CancellationToken cancellationToken);
}
