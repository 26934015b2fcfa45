using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Workflows;

/// <summary>A designer save: the workflow JSON and the concurrency stamp of the version the designer loaded.</summary>
public sealed record SaveWorkflowRequest(JsonObject? Definition, string? ConcurrencyStamp);
