using System.Text.Json.Nodes;

namespace RulesEngine.Activities.Http;

/// <summary>The response a workflow wrote for the request that started it.</summary>
public sealed record HttpResponseData(int StatusCode, JsonNode? Content, string ContentType, Dictionary<string, string> Headers);
