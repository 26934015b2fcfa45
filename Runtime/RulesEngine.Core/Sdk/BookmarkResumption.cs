using System.Text.Json.Nodes;

namespace RulesEngine.Core.Sdk;

/// <summary>What resumed a bookmark: its name, the activity-defined data stored with it and the stimulus payload.</summary>
public sealed record BookmarkResumption(string BookmarkId, string Name, JsonNode? Data, JsonNode? Payload);
