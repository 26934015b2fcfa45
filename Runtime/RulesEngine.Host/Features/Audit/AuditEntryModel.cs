using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Audit;

/// <summary>One audit entry: who did what to which target, with JSON details (never secrets).</summary>
public sealed record AuditEntryModel(DateTimeOffset At, string Actor, string Action, string? Target, JsonNode? Details);
