using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Connections;

/// <summary>
/// Creates or updates a connection. Secrets are write-only and merged: an omitted or null secret keeps the stored
/// value, an empty string removes it. <c>webhookSecretKeys</c> is an array of strings.
/// </summary>
public sealed record UpsertConnectionRequest(string? Kind, Dictionary<string, string?>? Settings, Dictionary<string, JsonNode?>? Secrets);
