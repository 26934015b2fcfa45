using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>A tenant of a test with its own token; requests go to <c>/api/tenants/{Id}/…</c>.</summary>
public sealed record TestTenant(TestHost Host, string Id, string Token)
{
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, object? body = null) =>
        Host.SendAsync(method, $"/api/tenants/{Id}/{relative}", Token, body);

    /// <summary>Sends and returns the body as text, asserting the status code.</summary>
    public async Task<string> TextAsync(HttpMethod method, string relative, object? body = null, int expected = 200)
    {
        using var response = await SendAsync(method, relative, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(expected, text);
        return text;
    }

    public async Task<JsonNode> JsonAsync(HttpMethod method, string relative, object? body = null, int expected = 200)
    {
        var text = await TextAsync(method, relative, body, expected);
        return JsonNode.Parse(text)!;
    }
}
