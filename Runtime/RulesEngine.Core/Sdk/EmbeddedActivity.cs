using System.Text.Json.Nodes;

namespace RulesEngine.Core.Sdk;

/// <summary>An activity embedded in another's JSON: the slot (port name) it is scheduled by, and its JSON.</summary>
public sealed record EmbeddedActivity(string Slot, JsonObject Json);
