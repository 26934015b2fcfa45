using System.Text.Json.Nodes;

namespace RulesEngine.Core.Execution;

/// <summary>A waiting point of a suspended instance: the runtime indexes it by name/key and resumes it on a stimulus.</summary>
public sealed class BookmarkState
{
    public required string Id { get; init; }

    public required string ContextId { get; init; }

    public required string ActivityId { get; init; }

    /// <summary>Kind of stimulus, usually the activity type (Elsa.Delay, Elsa.Event, Elsa.HttpEndpoint …).</summary>
    public required string Name { get; init; }

    public string? Key { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset? ResumeAt { get; init; }

    public JsonNode? Data { get; init; }
}
