using System.Net;
using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Client;

public sealed class ClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAllJobs_MoreThan250Jobs_ReadsEveryPage()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var expected = (await h.StateAsync())["jobs"]!.AsArray().Select(j => j!["id"]!.ToString()).ToHashSet();
        expected.Count.ShouldBeGreaterThan(250);

        var jobs = await h.Client.FetchAllJobsAsync(null, null, null, null, null, Ct);

        jobs.Select(j => j!["id"]!.ToString()).ToHashSet().SetEquals(expected).ShouldBeTrue();
        jobs.Count.ShouldBe(expected.Count);
        h.Client.Statistics.Attempts.ShouldBe((expected.Count + 99) / 100);
    }

    [Fact]
    public async Task FetchAllJobs_Filters_AreSent()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var expected = state["jobs"]!.AsArray().Count(j => j!["postingStatus"]!.ToString() == "PUBLIC" && j["department"]?["label"]?.ToString() == "Engineering");

        var jobs = await h.Client.FetchAllJobsAsync(null, null, "PUBLIC", ["Engineering"], null, Ct);

        jobs.Count.ShouldBe(expected);
        jobs.ShouldAllBe(j => j!["postingStatus"]!.ToString() == "PUBLIC");
    }

    [Fact]
    public async Task FetchAllPostings_IdentifierIsCaseSensitive()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var postings = await h.Client.FetchAllPostingsAsync("AcmeCorp", null, null, null, Ct);
        var wrongCase = await h.Client.FetchAllPostingsAsync("acmecorp", null, null, null, Ct);

        postings.Count.ShouldBeGreaterThan(100, "the seed has more public postings than one page");
        postings.Select(p => p!["id"]!.ToString()).Distinct().Count().ShouldBe(postings.Count);
        wrongCase.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Limiter_Burst50Concurrent_NoThrottling()
    {
        await using var h = await ConnectorHarness.StartAsync(sandbox: o => o.RateLimits.Enabled = true);
        var jobId = (await h.StateAsync())["jobs"]![0]!["id"]!.ToString();
        var started = TimeProvider.System.GetTimestamp();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => h.Client.Jobs.GetJobAsync(jobId, Ct)));

        results.ShouldAllBe(r => r["id"]!.ToString() == jobId);
        h.Client.Statistics.Throttled.ShouldBe(0);
        h.Client.Statistics.Attempts.ShouldBe(50);
        h.Client.Statistics.MaxInFlight.ShouldBeLessThanOrEqualTo(8);

        // 50 calls at 10/s: the first 10 go at once, the other 40 take at least four more windows.
        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThan(TimeSpan.FromSeconds(3.9));
    }

    [Fact]
    public async Task WithoutLimiter_Burst50Concurrent_SandboxAnswers429()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o =>
        {
            o.EnableRateLimiter = false;
            o.MaxRetryAttempts = 0;
        });
        var jobId = (await h.StateAsync())["jobs"]![0]!["id"]!.ToString();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            try
            {
                await h.Client.Jobs.GetJobAsync(jobId, Ct);
                return null;
            }
            catch (SmartRecruitersApiException ex)
            {
                return ex;
            }
        }));

        var throttled = outcomes.Where(e => e is not null).ToList();
        throttled.Count.ShouldBeGreaterThan(0);
        throttled.ShouldAllBe(e => e!.StatusCode == HttpStatusCode.TooManyRequests && e.ErrorCode == "TOO_MANY_REQUESTS");
        h.Client.Statistics.Throttled.ShouldBe(throttled.Count);
    }

    [Fact]
    public async Task InjectedServerErrors_AreRetried_AndEveryPageArrives()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o => o.MaxRetryAttempts = 8);
        await h.SetFaultsAsync(new { errorRatio = 0.4, errorStatus = 503 });

        var jobs = await h.Client.FetchAllJobsAsync(null, null, null, null, null, Ct);

        jobs.Count.ShouldBe((await h.StateAsync())["jobs"]!.AsArray().Count);
        h.Client.Statistics.ServerErrors.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Injected429Burst_IsRetriedAfterRetryAfter()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var jobId = (await h.StateAsync())["jobs"]![0]!["id"]!.ToString();
        await h.SetFaultsAsync(new { tooManyRequestsBurst = 2 });
        var started = TimeProvider.System.GetTimestamp();

        var job = await h.Client.Jobs.GetJobAsync(jobId, Ct);

        job["id"]!.ToString().ShouldBe(jobId);
        h.Client.Statistics.Throttled.ShouldBe(2);
        h.Client.Statistics.Attempts.ShouldBe(3);
        TimeProvider.System.GetElapsedTime(started).ShouldBeGreaterThan(TimeSpan.FromSeconds(1.9), "Retry-After: 1 is honoured on each 429");
    }

    [Fact]
    public async Task PersistentServerErrors_StopAfterTheRetryBudget()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o => o.MaxRetryAttempts = 3);
        await h.SetFaultsAsync(new { errorRatio = 1.0, errorStatus = 502 });

        var ex = await Should.ThrowAsync<SmartRecruitersApiException>(() => h.Client.Jobs.GetJobAsync("anything", Ct));

        ex.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        ex.ErrorCode.ShouldBe("INTERNAL_ERROR");
        h.Client.Statistics.Attempts.ShouldBe(4);
    }

    [Fact]
    public async Task SlowServer_StopsWithinTheTotalBudget_WithATimeoutCode()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(1.5);
            o.MaxRetryAttempts = 10;
        });
        await h.SetFaultsAsync(new { latencyMs = 5000 });
        var started = TimeProvider.System.GetTimestamp();

        var ex = await Should.ThrowAsync<SmartRecruitersApiException>(() => h.Client.Jobs.ListHiringProcessesAsync(Ct));

        ex.ErrorCode.ShouldBe("TIMEOUT");
        ex.StatusCode.ShouldBeNull();
        TimeProvider.System.GetElapsedTime(started).ShouldBeLessThan(TimeSpan.FromSeconds(4));
        h.Client.Statistics.Attempts.ShouldBeGreaterThan(1, "attempt timeouts are retried until the total budget is spent");
    }

    [Fact]
    public async Task WrongApiKey_Is401WithoutRetry_AndTheKeyIsNotInTheMessage()
    {
        const string wrongKey = "wrong-key-s3cr3t";
        await using var h = await ConnectorHarness.StartAsync(connection: url => new SmartRecruitersConnection { BaseUrl = url, ApiKey = wrongKey });

        var ex = await Should.ThrowAsync<SmartRecruitersApiException>(() => h.Client.Jobs.GetJobAsync("x", Ct));

        ex.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ex.ErrorCode.ShouldBe("UNAUTHORIZED");
        ex.Message.ShouldContain("401");
        ex.Message.ShouldNotContain(wrongKey);
        ex.ToString().ShouldNotContain(wrongKey);
        h.Client.Statistics.Attempts.ShouldBe(1);
        h.Connection.ToString().ShouldNotContain(wrongKey);
    }

    [Fact]
    public async Task OAuthClient_GetsATokenOnce_AndCallsWithIt()
    {
        await using var h = await ConnectorHarness.StartAsync(connection: url => new SmartRecruitersConnection
        {
            BaseUrl = url, ClientId = "sandbox-client", ClientSecret = "sandbox-secret",
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.Client.Jobs.ListHiringProcessesAsync(Ct)));

        results.ShouldAllBe(r => r["content"]!.AsArray().Count > 0);
        h.Connection.ToString().ShouldNotContain("sandbox-secret");
    }

    [Fact]
    public async Task OAuthClient_WrongSecret_IsAClearError()
    {
        await using var h = await ConnectorHarness.StartAsync(connection: url => new SmartRecruitersConnection
        {
            BaseUrl = url, ClientId = "sandbox-client", ClientSecret = "not-the-secret",
        });

        var ex = await Should.ThrowAsync<SmartRecruitersApiException>(() => h.Client.Jobs.ListHiringProcessesAsync(Ct));

        ((int)ex.StatusCode!).ShouldBeInRange(400, 401);
        ex.Message.ShouldNotContain("not-the-secret");
    }

    [Fact]
    public async Task Factory_SameCredential_SharesOneClient()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var twin = new SmartRecruitersConnection { BaseUrl = h.Connection.BaseUrl + "/", ApiKey = ConnectorHarness.ApiKey };
        var other = new SmartRecruitersConnection { BaseUrl = h.Connection.BaseUrl, ApiKey = "another" };

        h.Factory.GetClient(twin).ShouldBeSameAs(h.Client);
        h.Factory.GetClient(other).ShouldNotBeSameAs(h.Client);
    }

    [Fact]
    public async Task CandidateSearch_AllPages_RunOneAtATime()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o => o.PageSize = 7);
        var state = await h.StateAsync();
        var withApplications = state["applications"]!.AsArray().Select(a => a!["candidateId"]!.ToString()).Distinct().Count();

        var searches = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => h.Client.SearchAllCandidatesAsync(null, null, null, null, null, null, Ct)));

        searches.ShouldAllBe(s => s.Count == withApplications);
        h.Client.Statistics.Throttled.ShouldBe(0, "only one GET /candidates is in flight per credential");
    }
}
