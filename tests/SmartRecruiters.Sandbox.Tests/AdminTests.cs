using System.Net.Http.Json;
using System.Text;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class AdminTests
{
    [Fact]
    public async Task VendorCalls_AreRecordedWithoutSecrets_AndAnsweredAsConfigured()
    {
        await using var host = await SandboxHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_vendor/hris/api/employees?source=sr")
        {
            Content = new StringContent("{\"name\":\"Ada\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", "Bearer top-secret");
        request.Headers.Add("X-Trace", "t1");
        using var response = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("{\"ok\":true}");

        var recorded = await host.GetJsonAsync("_sandbox/vendor/hris", host.Anonymous);
        recorded.GetArrayLength().ShouldBe(1);
        var call = recorded[0];
        call.GetProperty("method").GetString().ShouldBe("POST");
        call.GetProperty("path").GetString().ShouldBe("/api/employees");
        call.GetProperty("query").GetString().ShouldBe("?source=sr");
        call.GetProperty("body").GetString().ShouldBe("{\"name\":\"Ada\"}");
        call.GetProperty("headers").GetProperty("X-Trace").GetString().ShouldBe("t1");
        call.GetProperty("headers").TryGetProperty("Authorization", out _).ShouldBeFalse();
        call.GetRawText().ShouldNotContain("top-secret");

        using (var set = await host.Anonymous.PostAsJsonAsync("_sandbox/vendor/hris/response", new { status = 503 }, TestContext.Current.CancellationToken))
        {
            set.EnsureSuccessStatusCode();
        }

        using var failing = await host.Anonymous.GetAsync("_vendor/hris/anything", TestContext.Current.CancellationToken);
        ((int)failing.StatusCode).ShouldBe(503);

        using (var reset = await host.Anonymous.PostAsync("_sandbox/reset", null, TestContext.Current.CancellationToken))
        {
            reset.EnsureSuccessStatusCode();
        }

        (await host.GetJsonAsync("_sandbox/vendor/hris", host.Anonymous)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Reset_RestoresTheSeed()
    {
        await using var host = await SandboxHost.StartAsync();
        var id = (await host.CreateCandidateAsync(await host.PublicJobIdAsync(), "reset@example.com")).GetProperty("id").GetString();
        (await host.StateAsync()).GetProperty("candidates").GetArrayLength().ShouldBe(51);

        using (var reset = await host.Anonymous.PostAsync("_sandbox/reset", null, TestContext.Current.CancellationToken))
        {
            reset.EnsureSuccessStatusCode();
        }

        var state = await host.StateAsync();
        state.GetProperty("candidates").GetArrayLength().ShouldBe(50);
        state.GetProperty("jobs").GetArrayLength().ShouldBeGreaterThanOrEqualTo(250);
        using var gone = await host.Client.GetAsync($"candidates/{id}", TestContext.Current.CancellationToken);
        ((int)gone.StatusCode).ShouldBe(404);
    }

    [Fact]
    public async Task Faults_ErrorRatioOne_Fails_ApiButNotAdmin_AndClears()
    {
        await using var host = await SandboxHost.StartAsync();
        using (var set = await host.Anonymous.PostAsJsonAsync("_sandbox/faults", new { errorRatio = 1.0 }, TestContext.Current.CancellationToken))
        {
            set.EnsureSuccessStatusCode();
        }

        using (var failing = await host.Client.GetAsync("jobs", TestContext.Current.CancellationToken))
        {
            var (status, body) = await SandboxHost.ReadAsync(failing);
            status.ShouldBe(503);
            SandboxHost.ErrorCode(body).ShouldBe("INTERNAL_ERROR");
        }

        (await host.StateAsync()).GetProperty("jobs").GetArrayLength().ShouldBeGreaterThan(0);

        using (var half = await host.Anonymous.PostAsJsonAsync("_sandbox/faults", new { errorRatio = 0.5 }, TestContext.Current.CancellationToken))
        {
            half.EnsureSuccessStatusCode();
        }

        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var r = await host.Client.GetAsync("configuration/sources", TestContext.Current.CancellationToken);
            statuses.Add((int)r.StatusCode);
        }

        statuses.ShouldContain(503);
        statuses.ShouldContain(200);

        using (var burst = await host.Anonymous.PostAsJsonAsync("_sandbox/faults", new { tooManyRequestsBurst = 2 }, TestContext.Current.CancellationToken))
        {
            burst.EnsureSuccessStatusCode();
        }

        var burstStatuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var r = await host.Client.GetAsync("configuration/sources", TestContext.Current.CancellationToken);
            burstStatuses.Add((int)r.StatusCode);
        }

        burstStatuses.ShouldBe([429, 429, 200]);
    }

    [Fact]
    public async Task Seed_FromFileAndFromPost_ReplacesState()
    {
        await using var host = await SandboxHost.StartAsync();
        var dump = (await host.StateAsync()).GetRawText();
        var file = Path.Combine(Path.GetTempPath(), $"sandbox-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, dump.Replace("\"AcmeCorp\"", "\"GlobexInc\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        try
        {
            await using var seeded = await SandboxServer.StartAsync(new SandboxServerOptions { SeedFile = file }, TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri(seeded.BaseUrl + "/") };
            var postings = await host.GetJsonAsync($"{seeded.BaseUrl}/v1/companies/GlobexInc/postings", client);
            postings.GetProperty("totalFound").GetInt32().ShouldBeGreaterThan(0);
        }
        finally
        {
            File.Delete(file);
        }

        using var posted = await host.Anonymous.PostAsync("_sandbox/seed", new StringContent("{\"company\":{\"identifier\":\"Tiny\",\"name\":\"Tiny\"},\"jobs\":[]}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        posted.EnsureSuccessStatusCode();
        (await host.GetJsonAsync("jobs")).GetProperty("totalFound").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Mounting_UnderABasePath_PrefixesRoutesAndLinks()
    {
        await using var host = await SandboxHost.StartAsync(basePath: "/sandbox");
        host.Server.BaseUrl.ShouldEndWith("/sandbox");
        var page = await host.GetJsonAsync("jobs?limit=1");
        page.GetProperty("content")[0].GetProperty("actions").GetProperty("details").GetProperty("url").GetString()!
            .ShouldStartWith(host.Server.BaseUrl + "/jobs/");
    }
}
