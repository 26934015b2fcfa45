using System.Text.Json.Nodes;
using RulesEngine.Core.Model;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>What a <c>SmartRecruiters.Event</c> trigger listens to.</summary>
public sealed record SmartRecruitersEventFilterSettings
{
    /// <summary>Event names (<c>application.status.updated</c>, or a prefix like <c>application.*</c>); empty = every event.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public string? JobId { get; init; }

    /// <summary>Application status the delivery's application must have now (needs the application's current state).</summary>
    public string? Status { get; init; }

    public string? SubStatus { get; init; }

    /// <summary>Skip deliveries caused by our own writes (default true), so that a workflow does not trigger itself.</summary>
    public bool IgnoreOwnChanges { get; init; } = true;

    /// <summary>True when <see cref="SmartRecruitersEventFilter.Matches"/> needs the application's current state.</summary>
    public bool NeedsApplicationState => !string.IsNullOrEmpty(Status) || !string.IsNullOrEmpty(SubStatus);

    /// <summary>Reads the literal inputs of a trigger node in a workflow definition (expressions other than literals are ignored).</summary>
    public static SmartRecruitersEventFilterSettings FromActivity(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        string? Text(string name) => node.Inputs.TryGetValue(name, out var v) && v.Expression.Type is Expression.Literal or Expression.Object or Expression.Json
            ? v.Expression.ValueText is { Length: > 0 } t ? t.Trim() : null
            : null;

        var events = new List<string>();
        if (node.Inputs.TryGetValue("events", out var raw) && raw.Expression.Type is Expression.Literal or Expression.Object or Expression.Json)
        {
            var value = raw.Expression.Value;
            if (value is JsonValue jv && jv.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('['))
            {
                value = JsonNode.Parse(s);
            }

            events.AddRange(value switch
            {
                JsonArray a => a.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0),
                JsonValue v when v.TryGetValue<string>(out var text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                _ => [],
            });
        }

        return new SmartRecruitersEventFilterSettings
        {
            Events = events,
            JobId = Text("jobId"),
            Status = Text("status"),
            SubStatus = Text("subStatus"),
            IgnoreOwnChanges = !bool.TryParse(Text("ignoreOwnChanges"), out var ignore) || ignore,
        };
    }

    public JsonObject ToJson() => new()
    {
        ["events"] = new JsonArray([.. Events.Select(e => (JsonNode)e)]),
        ["jobId"] = JobId,
        ["status"] = Status,
        ["subStatus"] = SubStatus,
        ["ignoreOwnChanges"] = IgnoreOwnChanges,
    };
}
