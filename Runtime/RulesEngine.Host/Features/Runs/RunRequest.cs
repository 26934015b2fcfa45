using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Runs;

/// <summary>What starts a run: workflow input, the trigger payload (body, headers, query) and the trigger activity.</summary>
public sealed record RunRequest
{
    public IReadOnlyDictionary<string, object?>? Input { get; init; }

    public JsonNode? Body { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public IReadOnlyDictionary<string, string>? Query { get; init; }

    /// <summary>The trigger activity that fired (null for "run now").</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>cron, http, smartrecruiters, timer or manual.</summary>
    public string TriggerKind { get; init; } = "manual";

    public string? CorrelationId { get; init; }
}
