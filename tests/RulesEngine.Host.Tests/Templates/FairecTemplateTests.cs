using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>
/// The Fairec templates end to end: <c>serve --demo</c> subscribed to its Sandbox's webhooks, applications moved through the
/// SmartRecruiters API as a recruiter would (no origin header), vendor calls read from the Sandbox's recorder.
/// </summary>
public sealed class FairecTemplateTests : IAsyncLifetime
{
    // Seed data (deterministic) and the demo's mapping rows (workflows/mappings/fairec-*.csv).
    private const string LeadOpsJob = "8e4a3b50-7913-4c20-a9e4-251fe449836f";        // fairec-jobs: IN_REVIEW/Phone screen
    private const string LeadOpsCandidate = "c767ebe4-b271-432e-a34c-3e5ff906f74d";  // there in IN_REVIEW/Assessment sent
    private const string SreJob = "974092fd-cdd1-470a-ad01-c8dcfad0a5be";            // fairec-jobs: IN_REVIEW/Phone screen
    private const string SreCandidate = "2c224b2a-2eb0-44cd-8419-2dc84780e139";      // already in IN_REVIEW/Phone screen
    private const string RecruiterJob = "d0cb9e0e-40bd-4f4d-8bc5-8f0f581b8bb0";      // fairec-jobs: IN_REVIEW/Phone screen
    private const string RecruiterCandidate = "77e4ba25-7b30-4eb5-8f78-ec7567a17932"; // already in IN_REVIEW/Phone screen
    private const string ContentJob = "b05e0b2f-39ee-4101-9efc-cf9f840b34b9";        // fairec-jobs: IN_REVIEW/CV screen (engineering process)
    private const string ContentCandidate = "f50374d1-088a-4008-857b-8c72d656c78e";  // already in IN_REVIEW/CV screen
    private const string UnintegratedJob = "5ff6b797-b244-49cb-9d31-22d2e5bfc21a";   // no row in fairec-jobs (default process)

    private DemoHost _demo = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _demo = await DemoHost.StartAsync();

    public async ValueTask DisposeAsync() => await _demo.DisposeAsync();

    [Fact]
    public async Task Invitation_FirstTimeTheStageIsReached_OneCallWithCandidateAndJob_NeverTwice()
    {
        var candidate = await ApplyAsync(LeadOpsJob, "Ada", "Fairec");
        var other = await ApplyAsync(UnintegratedJob, "Bob", "Fairec");

        // Another sub-stage of the job, then the configured one, away, and back: one invitation only.
        await MoveAndWaitAsync(candidate, LeadOpsJob, "IN_REVIEW", "New review", runs: 1);
        (await InvitationsAsync(candidate)).ShouldBeEmpty();
        await MoveAndWaitAsync(candidate, LeadOpsJob, "IN_REVIEW", "Phone screen", runs: 2);
        await MoveAndWaitAsync(candidate, LeadOpsJob, "INTERVIEW", "To be scheduled", runs: 3);
        await MoveAndWaitAsync(candidate, LeadOpsJob, "IN_REVIEW", "Phone screen", runs: 4);

        // The configured stage on a job that is not integrated: nothing.
        await MoveAndWaitAsync(other, UnintegratedJob, "IN_REVIEW", "Phone screen", runs: 5);

        var runs = await _demo.WaitForRunsAsync("fairec-invitation", 5);
        runs.Select(r => r.GetProperty("status").GetString()).ShouldAllBe(s => s == "Finished");
        var invitation = (await InvitationsAsync(candidate)).ShouldHaveSingleItem();
        invitation.GetProperty("method").GetString().ShouldBe("POST");
        var body = JsonNode.Parse(invitation.GetProperty("body").GetString()!)!;
        body["candidate"]!["id"]!.GetValue<string>().ShouldBe(candidate);
        body["candidate"]!["firstName"]!.GetValue<string>().ShouldBe("Ada");
        body["candidate"]!["email"]!.GetValue<string>().ShouldBe("ada.fairec@example.com");
        body["job"]!["id"]!.GetValue<string>().ShouldBe(LeadOpsJob);
        body["job"]!["title"]!.GetValue<string>().ShouldBe("Lead Operations Coordinator");
        body["stage"]!["subStatus"]!.GetValue<string>().ShouldBe("Phone screen");
        body["applicationId"]!.GetValue<string>().ShouldBe(await ApplicationIdAsync(candidate, LeadOpsJob));
        (await InvitationsAsync(other)).ShouldBeEmpty();
        (await ApplicationAsync(candidate, LeadOpsJob))["subStatus"]!.GetValue<string>().ShouldBe("Phone screen");
    }

    [Fact]
    public async Task Activation_SendsThoseAlreadyInTheStage_ThroughTheSameOnceKeys()
    {
        var run = await _demo.WaitForInstanceAsync(await _demo.RunNowAsync("fairec-activation"));

        run.GetProperty("status").GetString().ShouldBe("Finished");
        run.GetProperty("outputs").GetProperty("Invited").GetInt32().ShouldBe(3);
        (await InvitationsAsync(SreCandidate)).ShouldHaveSingleItem();
        (await InvitationsAsync(RecruiterCandidate)).ShouldHaveSingleItem();
        (await InvitationsAsync(ContentCandidate)).ShouldHaveSingleItem();
        (await InvitationsAsync(LeadOpsCandidate)).ShouldBeEmpty(); // on an integrated job, but in another sub-stage

        // Activating again, and the event path for someone activation already sent, send nothing more.
        var again = await _demo.WaitForInstanceAsync(await _demo.RunNowAsync("fairec-activation", new { JobId = SreJob }));
        again.GetProperty("outputs").GetProperty("Invited").GetInt32().ShouldBe(0);
        await MoveAndWaitAsync(SreCandidate, SreJob, "IN_REVIEW", "New review", runs: 1);
        await MoveAndWaitAsync(SreCandidate, SreJob, "IN_REVIEW", "Phone screen", runs: 2);
        (await _demo.VendorCallsAsync("fairec")).Count(c => c.GetProperty("path").GetString() == "/invitations").ShouldBe(3);

        // A job without integration is refused with the reason.
        var unknown = await _demo.WaitForInstanceAsync(await _demo.RunNowAsync("fairec-activation", new { JobId = UnintegratedJob }));
        unknown.GetProperty("status").GetString().ShouldBe("Faulted");
        unknown.GetProperty("fault").GetProperty("message").GetString()!.ShouldContain("fairec-jobs");
    }

    [Fact]
    public async Task StatusWebhook_MovesToTheMappedStageOnce_AndOurMoveDoesNotCascade()
    {
        using var shortlisted = await _demo.PostHookAsync("fairec/status", new { candidateId = LeadOpsCandidate, jobId = LeadOpsJob, status = "Shortlist" });
        (await JsonAsync(shortlisted))["result"]!.GetValue<string>().ShouldBe("moved");
        var moved = await ApplicationAsync(LeadOpsCandidate, LeadOpsJob);
        moved["status"]!.GetValue<string>().ShouldBe("INTERVIEW");
        moved["subStatus"]!.GetValue<string>().ShouldBe("To be scheduled");

        // A recruiter moves the candidate back; Fairec repeats the status: no second move.
        await MoveAndWaitAsync(LeadOpsCandidate, LeadOpsJob, "IN_REVIEW", "Assessment sent", runs: 1);
        using var repeated = await _demo.PostHookAsync("fairec/status", new { candidateId = LeadOpsCandidate, jobId = LeadOpsJob, status = "Shortlist" });
        (await JsonAsync(repeated))["result"]!.GetValue<string>().ShouldBe("already-synced");
        (await ApplicationAsync(LeadOpsCandidate, LeadOpsJob))["subStatus"]!.GetValue<string>().ShouldBe("Assessment sent");

        // Unmapped status and missing fields are answered, not moved.
        using var unmapped = await _demo.PostHookAsync("fairec/status", new { candidateId = LeadOpsCandidate, jobId = LeadOpsJob, status = "Calibrated" });
        (await JsonAsync(unmapped))["result"]!.GetValue<string>().ShouldBe("ignored");
        using var incomplete = await _demo.PostHookAsync("fairec/status", new { candidateId = LeadOpsCandidate, status = "Shortlist" });
        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A status mapped onto the invitation stage itself: our move lands there, and its echo must not invite.
        await AddMappingRowAsync("fairec-status", $"{LeadOpsJob}:Reconsider", "IN_REVIEW/Phone screen");
        using var reconsider = await _demo.PostHookAsync("fairec/status", new { candidateId = LeadOpsCandidate, jobId = LeadOpsJob, status = "Reconsider" });
        (await JsonAsync(reconsider))["result"]!.GetValue<string>().ShouldBe("moved");
        var echoes = await WaitForOwnDeliveriesAsync(LeadOpsCandidate, count: 2);
        echoes.ShouldAllBe(d => d.GetProperty("lastStatusCode").GetInt32() == 202);

        // A recruiter's move after the echoes is a positive control: its run comes, the echoes' never did.
        await MoveAndWaitAsync(RecruiterCandidate, RecruiterJob, "IN_REVIEW", "New review", runs: 2);
        var runs = await _demo.WaitForRunsAsync("fairec-invitation", 2);
        runs.Length.ShouldBe(2);
        (await InvitationsAsync(LeadOpsCandidate)).ShouldBeEmpty();
        // Only the two recruiter moves started event workflows, whichever templates listen: no workflow ran for an echo.
        var triggered = (await _demo.GetJsonAsync($"/api/tenants/{DemoHost.Tenant}/instances?pageSize=200")).GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("triggerKind").GetString() == "smartrecruiters")
            .GroupBy(i => i.GetProperty("definitionId").GetString()).ToDictionary(g => g.Key!, g => g.Count());
        triggered["fairec-invitation"].ShouldBe(2);
        triggered.Values.ShouldAllBe(n => n <= 2);
        (await ApplicationAsync(LeadOpsCandidate, LeadOpsJob))["subStatus"]!.GetValue<string>().ShouldBe("Phone screen");
    }

    [Fact]
    public async Task PropertySync_RunNow_SendsEachIntegratedJobWithItsCandidatesStatuses_AndRunsHourly()
    {
        await MoveAndWaitAsync(LeadOpsCandidate, LeadOpsJob, "INTERVIEW", "Scheduled", runs: 1);

        var run = await _demo.WaitForInstanceAsync(await _demo.RunNowAsync("fairec-property-sync"));

        run.GetProperty("status").GetString().ShouldBe("Finished");
        run.GetProperty("outputs").GetProperty("Synced").GetInt32().ShouldBe(4);
        var calls = (await _demo.VendorCallsAsync("fairec")).Where(c => c.GetProperty("path").GetString()!.EndsWith("/properties", StringComparison.Ordinal)).ToList();
        calls.Select(c => c.GetProperty("path").GetString()!).Order(StringComparer.Ordinal).ToArray()
            .ShouldBe([.. new[] { ContentJob, LeadOpsJob, SreJob, RecruiterJob }.Select(j => $"/job-posts/{j}/properties").Order(StringComparer.Ordinal)]);
        calls.ShouldAllBe(c => c.GetProperty("method").GetString() == "PUT");
        var leadOps = JsonNode.Parse(calls.Single(c => c.GetProperty("path").GetString()!.Contains(LeadOpsJob)).GetProperty("body").GetString()!)!;
        leadOps["job"]!["title"]!.GetValue<string>().ShouldBe("Lead Operations Coordinator");
        leadOps["job"]!["status"]!.GetValue<string>().ShouldBe("SOURCING");
        var synced = leadOps["candidates"]!.AsArray().ShouldHaveSingleItem()!;
        synced["candidateId"]!.GetValue<string>().ShouldBe(LeadOpsCandidate);
        synced["status"]!.GetValue<string>().ShouldBe("INTERVIEW");
        synced["subStatus"]!.GetValue<string>().ShouldBe("Scheduled");

        var summary = (await _demo.GetJsonAsync($"/api/tenants/{DemoHost.Tenant}/workflows")).EnumerateArray()
            .Single(w => w.GetProperty("definitionId").GetString() == "fairec-property-sync");
        summary.GetProperty("triggers").EnumerateArray().Select(t => t.GetProperty("type").GetString()).ShouldContain("Elsa.Cron");
        summary.GetProperty("triggers").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "Elsa.Cron")
            .GetProperty("summary").GetString()!.ShouldContain("0 * * * *");
    }

    /// <summary>A recruiter adds a candidate to a job through the SmartRecruiters API; returns the candidate id.</summary>
    private async Task<string> ApplyAsync(string jobId, string firstName, string lastName)
    {
        using var response = await SmartRecruitersAsync(HttpMethod.Post, $"jobs/{jobId}/candidates",
            new { firstName, lastName, email = $"{firstName}.{lastName}@example.com".ToLowerInvariant() });
        return (await JsonAsync(response))["id"]!.GetValue<string>();
    }

    /// <summary>A recruiter moves an application (no origin header, so it is no echo); waits for the run it starts.</summary>
    private async Task MoveAndWaitAsync(string candidateId, string jobId, string status, string subStatus, int runs)
    {
        using var response = await SmartRecruitersAsync(HttpMethod.Put, $"candidates/{candidateId}/jobs/{jobId}/status", new { status, subStatus });
        var done = await _demo.WaitForRunsAsync("fairec-invitation", runs);
        done.Length.ShouldBe(runs, $"the move of {candidateId} to {status}/{subStatus} should have started fairec-invitation");
    }

    private async Task<HttpResponseMessage> SmartRecruitersAsync(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, "/sandbox/" + path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-SmartToken", "sandbox-key");
        var response = await _demo.Public.SendAsync(request, Ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        }

        return response;
    }

    private async Task<JsonObject> ApplicationAsync(string candidateId, string jobId)
    {
        var state = await _demo.SandboxStateAsync();
        var application = state.GetProperty("applications").EnumerateArray()
            .Single(a => a.GetProperty("candidateId").GetString() == candidateId && a.GetProperty("jobId").GetString() == jobId);
        return JsonNode.Parse(application.GetRawText())!.AsObject();
    }

    private async Task<string> ApplicationIdAsync(string candidateId, string jobId) => (await ApplicationAsync(candidateId, jobId))["id"]!.GetValue<string>();

    private async Task<List<JsonElement>> InvitationsAsync(string candidateId) =>
        [.. (await _demo.VendorCallsAsync("fairec")).Where(c => c.GetProperty("path").GetString() == "/invitations"
            && JsonNode.Parse(c.GetProperty("body").GetString()!)?["candidate"]?["id"]?.GetValue<string>() == candidateId)];

    /// <summary>Waits until the Sandbox has delivered the echoes of our own moves of the candidate (they carry the origin header).</summary>
    private async Task<List<JsonElement>> WaitForOwnDeliveriesAsync(string candidateId, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var own = (await _demo.SandboxStateAsync()).GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("eventName").GetString() == "application.status.updated"
                    && d.TryGetProperty("origin", out var origin) && origin.GetString()!.StartsWith("rulesengine", StringComparison.Ordinal)
                    && d.GetProperty("body").GetString()!.Contains(candidateId, StringComparison.Ordinal))
                .ToList();
            if ((own.Count >= count && own.All(d => d.GetProperty("status").GetString() != "pending")) || DateTimeOffset.UtcNow > deadline)
            {
                own.Count.ShouldBe(count);
                return own;
            }

            await Task.Delay(100, Ct);
        }
    }

    private async Task AddMappingRowAsync(string table, string key, string value)
    {
        using var content = new StringContent($"{key},{value}\n", Encoding.UTF8, "text/csv");
        using var response = await _demo.Api.PostAsync($"/api/tenants/{DemoHost.Tenant}/mappings/{table}/import?replace=false", content, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.IsSuccessStatusCode.ShouldBeTrue($"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
