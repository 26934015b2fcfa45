using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace SmartRecruiters.Sandbox.Tests;

/// <summary>Behaviour that depends on the injected clock.</summary>
public sealed class TimeTests
{
    [Fact]
    public async Task RateWindow_FreesUpWhenTheClockMovesOneSecond()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(limits: true, time: time);
        for (var i = 0; i < 10; i++)
        {
            using var ok = await host.Client.GetAsync("configuration/sources", TestContext.Current.CancellationToken);
            ((int)ok.StatusCode).ShouldBe(200);
            ok.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe((9 - i).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        using (var limited = await host.Client.GetAsync("configuration/sources", TestContext.Current.CancellationToken))
        {
            ((int)limited.StatusCode).ShouldBe(429);
            limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        }

        // Another endpoint has its own budget.
        using (var other = await host.Client.GetAsync("configuration/hiring-processes", TestContext.Current.CancellationToken))
        {
            ((int)other.StatusCode).ShouldBe(200);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var again = await host.Client.GetAsync("configuration/sources", TestContext.Current.CancellationToken);
        ((int)again.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task OAuthToken_ExpiresAfterItsLifetime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(time: time);
        using var tokenResponse = await host.Anonymous.PostAsync("identity/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "sandbox-client", ["client_secret"] = "sandbox-secret",
        }), TestContext.Current.CancellationToken);
        var token = (await SandboxHost.ReadAsync(tokenResponse)).Body.GetProperty("access_token").GetString();

        async Task<int> CallAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "jobs?limit=1");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
            return (int)response.StatusCode;
        }

        (await CallAsync()).ShouldBe(200);
        time.Advance(TimeSpan.FromMinutes(31));
        (await CallAsync()).ShouldBe(401);
    }

    [Fact]
    public async Task RotatedSecretKey_OldKeyKeepsSigningFor24Hours()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(time: time);
        await using var receiver = await WebhookReceiver.StartAsync();
        const string subscriptions = "webhooks-api/v201907/subscriptions";
        using var created = await host.Client.PostAsJsonAsync(subscriptions, new { callbackUrl = receiver.Url, events = new[] { "job.created" } }, TestContext.Current.CancellationToken);
        var id = (await SandboxHost.ReadAsync(created)).Body.GetProperty("id").GetString();
        using (var activate = await host.Client.PutAsync($"{subscriptions}/{id}/activation", null, TestContext.Current.CancellationToken))
        {
            activate.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 2; i++)
        {
            using var key = await host.Client.PostAsync($"{subscriptions}/{id}/secret-key", null, TestContext.Current.CancellationToken);
            key.EnsureSuccessStatusCode();
        }

        async Task<string> SignatureOfNextJobAsync()
        {
            using var job = await host.Anonymous.PostAsJsonAsync("_sandbox/jobs", new { title = "Signed" }, TestContext.Current.CancellationToken);
            job.EnsureSuccessStatusCode();
            return (await receiver.NextAsync("job.created")).Headers["smartrecruiters-signature"];
        }

        (await SignatureOfNextJobAsync()).Split(';').Length.ShouldBe(2);
        time.Advance(TimeSpan.FromHours(25));
        var after = await SignatureOfNextJobAsync();
        after.Split(';').Length.ShouldBe(1);
        after.ShouldStartWith("v1=");
    }
}
