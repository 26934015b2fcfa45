using System.Text.Json.Nodes;

namespace RulesEngine.Core.Sdk;

/// <summary>
/// Asks the engine to suspend the activity until a stimulus arrives. <see cref="Name"/> says what kind of stimulus
/// (e.g. <c>Elsa.Delay</c>, <c>Elsa.Event</c>), <see cref="Key"/> narrows it (event name, correlation, HTTP path),
/// <see cref="ResumeAt"/> makes it a timer.
/// </summary>
public sealed record BookmarkRequest(string Name)
{
    public string? Key { get; init; }

    public DateTimeOffset? ResumeAt { get; init; }

    public JsonNode? Data { get; init; }

    public string? CorrelationId { get; init; }
}
