using System.Net.Http.Json;
using System.Text.Json;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class CandidatesTests
{
    [Fact]
    public async Task CreateCandidate_OnJob_IsFoundByQuotedEmail()
    {
        await using var host = await SandboxHost.StartAsync();
        var jobId = await host.PublicJobIdAsync();
        var created = await host.CreateCandidateAsync(jobId, "Jane.Doe+sr@example.com");
        var id = created.GetProperty("id").GetString();
        created.GetProperty("primaryAssignment").GetProperty("job").GetProperty("id").GetString().ShouldBe(jobId);
        created.GetProperty("primaryAssignment").GetProperty("status").GetString().ShouldBe("NEW");

        var found = await host.GetJsonAsync("candidates?q=" + Uri.EscapeDataString("\"jane.doe+sr@example.com\""));
        found.GetProperty("totalFound").GetInt32().ShouldBe(1);
        found.GetProperty("content")[0].GetProperty("id").GetString().ShouldBe(id);

        var byJob = await host.GetJsonAsync($"candidates?jobId={jobId}&limit=100");
        byJob.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain(id);

        var application = await host.GetJsonAsync($"candidates/{id}/jobs/{jobId}");
        application.GetProperty("status").GetString().ShouldBe("NEW");
    }

    [Fact]
    public async Task CreateCandidate_MissingEmailOrUnknownSource_Answers4xx()
    {
        await using var host = await SandboxHost.StartAsync();
        using var missing = await host.Client.PostAsJsonAsync("candidates", new { firstName = "A", lastName = "B" }, TestContext.Current.CancellationToken);
        ((int)missing.StatusCode).ShouldBe(400);

        using var badSource = await host.Client.PostAsJsonAsync("candidates",
            new { firstName = "A", lastName = "B", email = "a@b.example", sourceDetails = new { sourceTypeId = "JOB_BOARDS", sourceId = "nope" } },
            TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(badSource);
        status.ShouldBe(400);
        SandboxHost.ErrorCode(body).ShouldBe("SOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task ListCandidates_PagesWithNextPageIdWithoutDuplicates()
    {
        await using var host = await SandboxHost.StartAsync();
        var ids = new List<string>();
        string? pageId = null;
        do
        {
            var page = await host.GetJsonAsync("candidates?limit=7" + (pageId is null ? "" : "&pageId=" + pageId));
            ids.AddRange(page.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            pageId = page.TryGetProperty("nextPageId", out var next) ? next.GetString() : null;
        }
        while (pageId is not null);

        ids.Count.ShouldBe(50);
        ids.Distinct().Count().ShouldBe(50);
    }

    [Fact]
    public async Task Tags_PostAdds_PutReplaces_LimitsEnforced()
    {
        await using var host = await SandboxHost.StartAsync();
        var candidate = await host.CreateCandidateAsync(await host.PublicJobIdAsync(), "tags@example.com");
        var id = candidate.GetProperty("id").GetString();

        using (var r = await host.Client.PostAsJsonAsync($"candidates/{id}/tags", new { tags = new[] { "a", "b" } }, TestContext.Current.CancellationToken))
        {
            ((int)r.StatusCode).ShouldBe(201);
        }

        using (var r = await host.Client.PostAsJsonAsync($"candidates/{id}/tags", new { tags = new[] { "b", "c" } }, TestContext.Current.CancellationToken))
        {
            var (_, body) = await SandboxHost.ReadAsync(r);
            body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["a", "b", "c"]);
        }

        using (var r = await host.Client.PutAsJsonAsync($"candidates/{id}/tags", new { tags = new[] { "z" } }, TestContext.Current.CancellationToken))
        {
            ((int)r.StatusCode).ShouldBe(201);
        }

        (await host.GetJsonAsync($"candidates/{id}/tags")).GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["z"]);

        using var tooLong = await host.Client.PostAsJsonAsync($"candidates/{id}/tags", new { tags = new[] { new string('x', 51) } }, TestContext.Current.CancellationToken);
        ((int)tooLong.StatusCode).ShouldBe(400);
        using var tooMany = await host.Client.PostAsJsonAsync($"candidates/{id}/tags", new { tags = Enumerable.Range(0, 100).Select(i => $"t{i}").ToArray() }, TestContext.Current.CancellationToken);
        var (status, err) = await SandboxHost.ReadAsync(tooMany);
        status.ShouldBe(400);
        SandboxHost.ErrorCode(err).ShouldBe("TOO_MANY_TAGS");

        var found = await host.GetJsonAsync("candidates?tag=z");
        found.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldContain(id);
    }

    [Fact]
    public async Task UpdateStatus_ValidatesSubStatusAgainstHiringProcess()
    {
        await using var host = await SandboxHost.StartAsync();
        var jobId = await host.PublicJobIdAsync();
        var id = (await host.CreateCandidateAsync(jobId, "status@example.com")).GetProperty("id").GetString();
        var job = (await host.StateAsync()).GetProperty("jobs").EnumerateArray().First(j => j.GetProperty("id").GetString() == jobId);
        var process = await host.GetJsonAsync($"configuration/hiring-processes/{job.GetProperty("hiringProcessId").GetString()}");
        var validSub = process.GetProperty("subStatuses").GetProperty("INTERVIEW")[0].GetString();

        async Task<(int, JsonElement)> PutAsync(object body)
        {
            using var r = await host.Client.PutAsJsonAsync($"candidates/{id}/jobs/{jobId}/status", body, TestContext.Current.CancellationToken);
            return await SandboxHost.ReadAsync(r);
        }

        var (s1, b1) = await PutAsync(new { status = "INTERVIEW" });
        s1.ShouldBe(400);
        SandboxHost.ErrorCode(b1).ShouldBe("REQUIRED_SUB_STATUS_OMITTED");

        var (s2, b2) = await PutAsync(new { status = "INTERVIEW", subStatus = "Made up" });
        s2.ShouldBe(400);
        SandboxHost.ErrorCode(b2).ShouldBe("INVALID_SUB_STATUS");

        var (s3, b3) = await PutAsync(new { status = "INTERVIEW", subStatus = validSub, reason = "rr-skills" });
        s3.ShouldBe(400);
        SandboxHost.ErrorCode(b3).ShouldBe("NO_REASON_SUPPORT_FOR_STATUS");

        (await PutAsync(new { status = "INTERVIEW", subStatus = validSub })).Item1.ShouldBe(204);
        var application = await host.GetJsonAsync($"candidates/{id}/jobs/{jobId}");
        application.GetProperty("status").GetString().ShouldBe("INTERVIEW");
        application.GetProperty("subStatus").GetString().ShouldBe(validSub);

        (await PutAsync(new { status = "REJECTED", reason = "rr-skills" })).Item1.ShouldBe(204);
        var (s4, b4) = await PutAsync(new { status = "REJECTED", reason = "unknown" });
        s4.ShouldBe(400);
        SandboxHost.ErrorCode(b4).ShouldBe("REASON_NOT_FOUND");

        var history = await host.GetJsonAsync($"candidates/{id}/jobs/{jobId}/status/history");
        history.GetProperty("content").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ShouldBe(["NEW", "INTERVIEW", "REJECTED"]);
    }

    [Fact]
    public async Task PatchAndDelete_UpdateAndRemoveTheCandidate()
    {
        await using var host = await SandboxHost.StartAsync();
        var id = (await host.CreateCandidateAsync(await host.PublicJobIdAsync(), "patch@example.com")).GetProperty("id").GetString();
        using (var r = await host.Client.PatchAsJsonAsync($"candidates/{id}", new { firstName = "Renamed" }, TestContext.Current.CancellationToken))
        {
            ((int)r.StatusCode).ShouldBe(200);
        }

        (await host.GetJsonAsync($"candidates/{id}")).GetProperty("firstName").GetString().ShouldBe("Renamed");
        using var deleted = await host.Client.DeleteAsync($"candidates/{id}", TestContext.Current.CancellationToken);
        ((int)deleted.StatusCode).ShouldBe(204);
        using var gone = await host.Client.GetAsync($"candidates/{id}", TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(gone);
        status.ShouldBe(404);
        SandboxHost.ErrorCode(body).ShouldBe("CANDIDATE_NOT_FOUND");
    }
}
