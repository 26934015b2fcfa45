using Microsoft.Extensions.Time.Testing;
using RulesEngine.Activities.SmartRecruiters.Client.Http;
using SmartRecruiters.Sandbox;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Client;

public sealed class OAuthTokenTests
{
    /// <summary>Counts what reaches the sandbox's token endpoint (a test probe at the HTTP boundary, not a mock).</summary>
    private sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task Token_IsFetchedOnceForConcurrentCallers_AndRenewedBeforeItExpires()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxServerOptions(), TestContext.Current.CancellationToken);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var counting = new CountingHandler();
        using var tokens = new OAuthTokenSource(new HttpMessageInvoker(counting), new Uri(sandbox.BaseUrl + "/identity/oauth/token"),
            "sandbox-client", "sandbox-secret", clock, TimeSpan.FromSeconds(60));

        var first = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => tokens.GetTokenAsync(TestContext.Current.CancellationToken).AsTask()));

        first.Distinct().Count().ShouldBe(1);
        counting.Count.ShouldBe(1);

        // The sandbox issues 30-minute tokens: still cached at 28 minutes, renewed within the last minute.
        clock.Advance(TimeSpan.FromMinutes(28));
        (await tokens.GetTokenAsync(TestContext.Current.CancellationToken)).ShouldBe(first[0]);
        counting.Count.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(1.5));
        await tokens.GetTokenAsync(TestContext.Current.CancellationToken);
        counting.Count.ShouldBe(2);
    }
}
