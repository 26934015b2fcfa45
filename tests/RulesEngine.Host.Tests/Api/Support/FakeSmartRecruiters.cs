using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// A loopback HTTP server that answers SmartRecruiters' <c>GET /users/me</c> like the real API: 200 with the user for
/// the one valid <c>X-SmartToken</c>, 401 otherwise. Counts the requests so tests know the check really went out.
/// </summary>
public sealed class FakeSmartRecruiters : IAsyncDisposable
{
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
            return request.Headers["X-SmartToken"] == validKey
                ? Results.Ok(new { id = "u1", firstName = "Ada", lastName = "Admin" })
                : Results.Json(new { message = "Unauthorized" }, statusCode: 401);
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
