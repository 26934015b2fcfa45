using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>One request a template sent to a vendor endpoint, as the Sandbox's recorder saw it.</summary>
internal sealed record VendorCall(string Method, string Path, JsonObject Body)
{
    /// <summary>The calls one run made, oldest first: the sync templates mark each call with the run's <c>X-Import-Id</c>.</summary>
    public static async Task<List<VendorCall>> OfRunAsync(DemoHost demo, string vendor, string instanceId) =>
        [.. (await demo.VendorCallsAsync(vendor))
            .Where(c => c.GetProperty("headers").TryGetProperty("X-Import-Id", out var run) && run.GetString() == instanceId)
            .Select(c => new VendorCall(
                c.GetProperty("method").GetString()!,
                c.GetProperty("path").GetString()!,
                c.GetProperty("body").GetString() is { Length: > 0 } body ? JsonNode.Parse(body)!.AsObject() : []))];
}
