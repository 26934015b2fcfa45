using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Host.Features.Instances;

/// <summary>One activity run in an instance's journal.</summary>
public sealed record InstanceJournalEntry(
    int Sequence, string ActivityId, string ActivityType, string? ActivityName, IReadOnlyList<string> Outcomes,
    DateTimeOffset StartedAt, long? DurationMs, string? Error, JsonNode? Inputs, JsonNode? Outputs)
{
    public static InstanceJournalEntry From(JournalEntry e) => new(
        e.Sequence, e.ActivityId, e.ActivityType, e.ActivityName,
        e.Outcomes is null ? [] : JsonSerializer.Deserialize<List<string>>(e.Outcomes) ?? [],
        e.StartedAt, e.DurationMs, e.Error, Parse(e.InputsJson), Parse(e.OutputsJson));

    // Long payloads are cut by the journal store and are then no longer JSON: show them as text.
    private static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
