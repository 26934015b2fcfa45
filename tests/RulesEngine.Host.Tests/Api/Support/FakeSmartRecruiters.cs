using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// A loopback HTTP server that answers SmartRecruiters' <c>GET /users/me</c> like the real API: 200 with the user for
/// the one valid <c>X-SmartToken</c> (or the bearer token its OAuth client-credentials endpoint issues), 401 otherwise. Counts the requests so tests know the check really went out.
/// </summary>
public sealed class FakeSmartRecruiters : IAsyncDisposable
{
    /// <summary>The OAuth client id the fake accepts (with the valid key as client secret).</summary>
    public const string ClientId = "rulesengine-client";

    private const string AccessToken = "oauth-access-token-1";
    private readonly WebApplication _app;
    private int _requests;

    private FakeSmartRecruiters(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public int Requests => _requests;

    public static async Task<FakeSmartRecruiters> StartAsync(string validKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSmartRecruiters(app);
        app.MapGet("/users/me", (HttpRequest request) =>
        {
            Interlocked.Increment(ref fake._requests);
            return request.Headers["X-SmartToken"] == validKey || request.Headers.Authorization == $"Bearer {AccessToken}"
                ? Results.Ok(new { id = "u1", firstName = "Ada", lastName = "Admin" })
                : Results.Json(new { message = "Unauthorized" }, statusCode: 401);
        });
        app.MapPost("/identity/oauth/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            return form["grant_type"] == "client_credentials" && form["client_id"] == ClientId && form["client_secret"] == validKey
                ? Results.Ok(new { access_token = AccessToken, token_type = "Bearer", expires_in = 1800 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        app.MapGet("/", () => Results.Ok(new { status = "up" }));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
