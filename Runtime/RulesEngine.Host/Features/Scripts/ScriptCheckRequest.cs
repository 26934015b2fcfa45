using System.Text.Json.Nodes;

namespace RulesEngine.Host.Features.Scripts;

/// <summary>The workflow whose expressions the designer wants checked (it need not be saved).</summary>
public sealed record ScriptCheckRequest(JsonObject? Definition);
