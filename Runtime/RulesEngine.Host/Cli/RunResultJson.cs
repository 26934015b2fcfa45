using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;

namespace RulesEngine.Host.Cli;

/// <summary>The JSON printed by <c>rulesengine run</c>: status, outputs, variables, error, bookmarks and journal.</summary>
internal static class RunResultJson
{
    public static JsonObject Write(RunResult result)
    {
        var state = result.State;
        var journal = new JsonArray();
        foreach (var e in state.Journal)
        {
            var entry = new JsonObject
            {
                ["activityId"] = e.ActivityId,
                ["type"] = e.ActivityType,
                ["name"] = e.ActivityName,
                ["status"] = e.Status,
                ["outcomes"] = new JsonArray([.. e.Outcomes.Select(o => (JsonNode)o)]),
                ["startedAt"] = e.StartedAt,
                ["durationMs"] = Math.Round(e.DurationMs, 3),
            };
            if (e.Error is not null)
            {
                entry["error"] = e.Error;
            }

            journal.Add(entry);
        }

        return new JsonObject
        {
            ["instanceId"] = state.InstanceId,
            ["status"] = state.Status.ToString(),
            ["outputs"] = ToObject(state.Output),
            ["variables"] = ToObject(state.Variables),
            ["error"] = state.Fault is null ? null : new JsonObject
            {
                ["message"] = state.Fault.Message,
                ["activityId"] = state.Fault.ActivityId,
                ["activityType"] = state.Fault.ActivityType,
                ["code"] = state.Fault.Code,
            },
            ["bookmarks"] = new JsonArray([.. state.Bookmarks.Select(b => (JsonNode)new JsonObject
            {
                ["id"] = b.Id,
                ["activityId"] = b.ActivityId,
                ["name"] = b.Name,
                ["resumeAt"] = b.ResumeAt,
            })]),
            ["journal"] = journal,
        };
    }

    private static JsonObject ToObject(Dictionary<string, object?> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values)
        {
            o[k] = ValueConverter.ToNode(v)?.DeepClone();
        }

        return o;
    }
}
