using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Persistence.Triggers;

namespace RulesEngine.Host.Features.Runs;

/// <summary>
/// Writes the trigger index of a published version: one entry per trigger activity, keyed by what matches it
/// (cron expression, webhook path, SmartRecruiters event names), replaced atomically; then brings the definition's
/// Quartz cron jobs in line with it.
/// </summary>
internal sealed class TriggerIndexer(ITriggerIndexStore store, Schedules.CronJobs cronJobs) : ITriggerIndexer
{
    public async Task ReindexAsync(string tenantId, string definitionId, WorkflowBlueprint? published, CancellationToken cancellationToken)
    {
        if (published is null)
        {
            await store.RemoveAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await store.ReplaceAsync(tenantId, definitionId, Registrations(published), cancellationToken).ConfigureAwait(false);
        }

        // A crash before this line leaves Quartz one publish behind: the reconcile at the next start repairs it.
        await cronJobs.SyncAsync(tenantId, definitionId, cancellationToken).ConfigureAwait(false);
    }

    private static List<TriggerRegistration> Registrations(WorkflowBlueprint published)
    {
        return published.Triggers.Select(t =>
        {
            var settings = new JsonObject();
            foreach (var (name, input) in t.Node.Inputs)
            {
                settings[name] = input.Expression.Value?.DeepClone();
            }

            return new TriggerRegistration(published.Definition.Version, t.Id, KindOf(t.Node.Type), KeyOf(t), settings.ToJsonString());
        }).ToList();
    }

    private static string KindOf(string type) => type switch
    {
        "Elsa.Cron" => TriggerKinds.Cron,
        "Elsa.HttpEndpoint" => TriggerKinds.Http,
        "Elsa.Timer" => TriggerKinds.Timer,
        "SmartRecruiters.Event" => TriggerKinds.SmartRecruiters,
        _ => type,
    };

    private static string KeyOf(BlueprintNode trigger)
    {
        if (trigger.Node.Type == "Elsa.HttpEndpoint")
        {
            return RulesEngine.Activities.Http.HttpEndpoint.NormalizePath(trigger.Node.Inputs.TryGetValue("path", out var path) ? path.Expression.ValueText : null);
        }

        foreach (var name in (string[])["path", "cronExpression", "interval", "events", "eventName"])
        {
            if (trigger.Node.Inputs.TryGetValue(name, out var input) && input.Expression.ValueText is { } text)
            {
                return text;
            }
        }

        return trigger.Id;
    }
}
