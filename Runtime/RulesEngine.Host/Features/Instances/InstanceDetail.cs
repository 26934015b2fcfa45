using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Persistence.Instances;
using JournalEntry = RulesEngine.Persistence.Journal.JournalEntry;

namespace RulesEngine.Host.Features.Instances;

/// <summary>An instance (its summary fields at the top level) with what the designer's run view needs.</summary>
public sealed record InstanceDetail(
    string Id, string DefinitionId, int Version, string? Name, string Status, string? CorrelationId, string? TriggerKind,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, string? Error,
    JsonObject Variables,
    JsonObject Outputs,
    IReadOnlyList<InstanceBookmark> Bookmarks,
    IReadOnlyList<InstanceJournalEntry> Journal,
    JsonObject? Fault)
{
    public static InstanceDetail From(WorkflowInstance instance, WorkflowState? state, IReadOnlyList<JournalEntry> entries) => new(
        instance.Id, instance.DefinitionId, instance.Version, instance.Name, instance.Status.ToString(), instance.CorrelationId, instance.TriggerKind,
        instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt, instance.Error,
        ToObject(state?.Variables),
        ToObject(state?.Output),
        state?.Bookmarks.Select(b => new InstanceBookmark(b.Id, b.ActivityId, b.Name, b.ResumeAt)).ToList() ?? [],
        entries.Select(InstanceJournalEntry.From).ToList(),
        state?.Fault is null ? null : new JsonObject
        {
            ["message"] = state.Fault.Message,
            ["activityId"] = state.Fault.ActivityId,
            ["activityType"] = state.Fault.ActivityType,
            ["code"] = state.Fault.Code,
        });

    private static JsonObject ToObject(Dictionary<string, object?>? values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values ?? [])
        {
            o[k] = ValueConverter.ToNode(v)?.DeepClone();
        }

        return o;
    }
}
