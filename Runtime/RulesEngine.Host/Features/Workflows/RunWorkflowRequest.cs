using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Workflows;

/// <summary>"Run now": workflow inputs and an optional trigger payload (what <c>Trigger</c> reads in scripts).</summary>
public sealed record RunWorkflowRequest(JsonObject? Input, JsonNode? Payload);
