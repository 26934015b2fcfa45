using System.Net.Http.Json;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class RateLimitTests
{
    private static readonly string[] RateHeaders = ["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Concurrent-Limit", "X-RateLimit-Concurrent-Remaining"];

    [Fact]
    public async Task Burst_Of20ConcurrentRequests_GetsSome429WithRetryAfterAndHeadersEverywhere()
    {
        await using var host = await SandboxHost.StartAsync(limits: true);
        var id = "00000000-0000-0000-0000-000000000000";
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.Client.GetAsync($"jobs/{id}", TestContext.Current.CancellationToken)));
        try
        {
            var limited = responses.Where(r => (int)r.StatusCode == 429).ToList();
            // Exactly 10 when all 20 land within one second (TimeTests pins that with a fake clock); a loaded machine may spread them.
            limited.Count.ShouldBeGreaterThan(0);
            responses.Count(r => (int)r.StatusCode == 404).ShouldBeGreaterThan(0);
            foreach (var r in responses)
            {
                foreach (var h in RateHeaders)
                {
                    r.Headers.Contains(h).ShouldBeTrue(h);
                }
            }

            var first = limited[0];
            first.Headers.RetryAfter.ShouldNotBeNull();
            var (_, body) = await SandboxHost.ReadAsync(first);
            SandboxHost.ErrorCode(body).ShouldBe("TOO_MANY_REQUESTS");
            responses.First(r => (int)r.StatusCode == 404).Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("10");
        }
        finally
        {
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task CandidateSearch_AllowsOneInFlight_SecondConcurrentGets429()
    {
        await using var host = await SandboxHost.StartAsync(limits: true);
        using (var faults = await host.Anonymous.PostAsJsonAsync("_sandbox/faults", new { latencyMs = 600 }, TestContext.Current.CancellationToken))
        {
            faults.EnsureSuccessStatusCode();
        }

        // Both start together; whichever gets the slot holds it for the injected 600 ms.
        var pair = await Task.WhenAll(host.Client.GetAsync("candidates", TestContext.Current.CancellationToken), host.Client.GetAsync("candidates", TestContext.Current.CancellationToken));
        using var ok = pair.Single(r => (int)r.StatusCode == 200);
        using var second = pair.Single(r => (int)r.StatusCode == 429);
        second.Headers.GetValues("X-RateLimit-Concurrent-Limit").Single().ShouldBe("1");
        second.Headers.GetValues("X-RateLimit-Concurrent-Remaining").Single().ShouldBe("0");
        second.Headers.RetryAfter.ShouldNotBeNull();

        // Once the first search is done, the slot is free again.
        using var third = await host.Client.GetAsync("candidates", TestContext.Current.CancellationToken);
        ((int)third.StatusCode).ShouldBe(200);
    }

    [Fact]
    public async Task DisabledLimits_LetBurstsThrough()
    {
        await using var host = await SandboxHost.StartAsync(limits: false);
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.Client.GetAsync("jobs?limit=1", TestContext.Current.CancellationToken)));
        responses.ShouldAllBe(r => (int)r.StatusCode == 200);
        responses.ShouldAllBe(r => r.Headers.Contains("X-RateLimit-Remaining"));
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
