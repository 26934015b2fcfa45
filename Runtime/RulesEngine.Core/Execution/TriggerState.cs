using System.Text.Json.Nodes;
using RulesEngine.Core.Expressions;

namespace RulesEngine.Core.Execution;

/// <summary>The serialisable form of the trigger payload.</summary>
public sealed class TriggerState
{
    public JsonNode? Body { get; init; }

    public Dictionary<string, string>? Headers { get; init; }

    public Dictionary<string, string>? Query { get; init; }

    /// <summary>The trigger activity that started the run, if any.</summary>
    public string? ActivityId { get; init; }

    public TriggerData ToTriggerData() => new(Body, Headers, Query);
}
