using System.Text.Json;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class JobsTests
{
    [Fact]
    public async Task ListJobs_PagingByPageId_ReturnsEveryJobOnce()
    {
        await using var host = await SandboxHost.StartAsync();
        var seen = new List<string>();
        var url = "jobs?limit=100&sort=job_id";
        var pages = 0;
        int totalFound = 0;
        while (true)
        {
            using var response = await host.Client.GetAsync(url, TestContext.Current.CancellationToken);
            var (status, page) = await SandboxHost.ReadAsync(response);
            status.ShouldBe(200);
            pages++;
            totalFound = page.GetProperty("totalFound").GetInt32();
            seen.AddRange(page.GetProperty("content").EnumerateArray().Select(j => j.GetProperty("id").GetString()!));
            if (!page.TryGetProperty("nextPageId", out var next))
            {
                response.Headers.Contains("Link").ShouldBeFalse();
                break;
            }

            var link = string.Join(",", response.Headers.GetValues("Link"));
            link.ShouldContain("rel=\"next\"");
            link.ShouldContain("pageId=" + next.GetString());
            url = $"jobs?limit=100&sort=job_id&pageId={next.GetString()}";
        }

        totalFound.ShouldBeGreaterThanOrEqualTo(250);
        seen.Count.ShouldBe(totalFound);
        seen.Distinct().Count().ShouldBe(seen.Count);
        pages.ShouldBe((totalFound + 99) / 100);
        seen.ShouldBe(seen.OrderBy(id => id, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task ListJobs_Filters_ApplyStatusPostingStatusAndDepartment()
    {
        await using var host = await SandboxHost.StartAsync();
        var page = await host.GetJsonAsync("jobs?limit=100&status=SOURCING&postingStatus=PUBLIC&department=Engineering");
        var jobs = page.GetProperty("content").EnumerateArray().ToList();
        jobs.ShouldNotBeEmpty();
        jobs.ShouldAllBe(j => j.GetProperty("status").GetString() == "SOURCING"
            && j.GetProperty("postingStatus").GetString() == "PUBLIC"
            && j.GetProperty("department").GetProperty("label").GetString() == "Engineering");

        // department is a case-sensitive label
        (await host.GetJsonAsync("jobs?department=engineering")).GetProperty("totalFound").GetInt32().ShouldBe(0);

        var hidden = await host.GetJsonAsync("jobs?limit=100&postingStatus=NOT_PUBLISHED");
        hidden.GetProperty("totalFound").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ListJobs_InvalidParameters_AnswerSmartRecruitersErrors()
    {
        await using var host = await SandboxHost.StartAsync();
        using var noSort = await host.Client.GetAsync("jobs?pageId=abc", TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(noSort);
        status.ShouldBe(400);
        SandboxHost.ErrorCode(body).ShouldBe("INVALID_PAGE_ID");
        body.GetProperty("message").GetString().ShouldNotBeNullOrEmpty();

        using var tooMany = await host.Client.GetAsync("jobs?limit=101", TestContext.Current.CancellationToken);
        ((int)tooMany.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task GetJob_ReturnsDetailShape_AndUnknownIs404()
    {
        await using var host = await SandboxHost.StartAsync();
        var id = await host.PublicJobIdAsync();
        var job = await host.GetJsonAsync($"jobs/{id}");
        job.GetProperty("id").GetString().ShouldBe(id);
        job.GetProperty("jobAd").GetProperty("sections").GetProperty("jobDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
        job.GetProperty("actions").GetProperty("details").GetProperty("url").GetString().ShouldBe($"{host.Server.BaseUrl}/jobs/{id}");
        job.GetProperty("location").GetProperty("city").ValueKind.ShouldBe(JsonValueKind.String);

        using var missing = await host.Client.GetAsync("jobs/nope", TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(missing);
        status.ShouldBe(404);
        SandboxHost.ErrorCode(body).ShouldBe("JOB_NOT_FOUND");
    }

    [Fact]
    public async Task Configuration_HiringProcessesAndSources_HaveDocumentedShapes()
    {
        await using var host = await SandboxHost.StartAsync();
        var processes = await host.GetJsonAsync("configuration/hiring-processes");
        var first = processes.GetProperty("content")[0];
        first.GetProperty("subStatuses").GetProperty("IN_REVIEW").GetArrayLength().ShouldBeGreaterThan(0);
        (await host.GetJsonAsync($"configuration/hiring-processes/{first.GetProperty("id").GetString()}")).GetProperty("name").GetString().ShouldNotBeNull();

        var types = await host.GetJsonAsync("configuration/sources");
        types.GetProperty("totalFound").GetInt32().ShouldBe(types.GetProperty("content").GetArrayLength());
        var values = await host.GetJsonAsync("configuration/sources/OTHER/values?limit=10&offset=25");
        values.GetProperty("totalFound").GetInt32().ShouldBe(30);
        values.GetProperty("offset").GetInt32().ShouldBe(25);
        values.GetProperty("content").GetArrayLength().ShouldBe(5);
    }
}
