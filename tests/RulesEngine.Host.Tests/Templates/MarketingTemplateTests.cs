using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>
/// <c>workflows/marketing-postings-sync.json</c> and <c>workflows/marketing-candidates-sync.json</c> through
/// <c>serve --demo</c>: the recruitment-marketing careers site's jobs and CRM candidates kept in sync.
/// </summary>
public sealed class MarketingTemplateTests
{
    private const string Postings = "marketing-postings-sync";
    private const string Candidates = "marketing-candidates-sync";

    /// <summary>Rows of <c>workflows/mappings/marketing-hidden-jobs.csv</c> (reference numbers of seeded PUBLIC jobs).</summary>
    private static readonly string[] HiddenByMapping = ["REF-1000", "REF-1003"];

    [Fact]
    public async Task PostingsSync_PublishesPublicPostingsMinusHiddenJobs_ThenOnlyChanges_AndUnpublishesGoneOrNewlyHiddenJobs()
    {
        await using var demo = await DemoHost.StartAsync();
        await demo.DisableSchedulesAsync(Postings);
        await demo.KeepFirstSandboxJobsAsync(40);
        var jobs = await JobsAsync(demo);
        var publicJobs = jobs.Where(j => j["postingStatus"]!.GetValue<string>() == "PUBLIC").ToList();
        var hidden = publicJobs.Where(j => HiddenByMapping.Contains(j["refNumber"]!.GetValue<string>())).ToList();
        var visible = publicJobs.Except(hidden).ToList();
        hidden.Count.ShouldBe(2);
        visible.Count.ShouldBeGreaterThan(5);
        jobs.ShouldContain(j => j["postingStatus"]!.GetValue<string>() == "INTERNAL");

        // First sync: one job page per public posting; hidden jobs (criteria) and internal or private postings never go out.
        var first = await RunAsync(demo, Postings);
        first.ShouldAllBe(c => c.Method == "PUT");
        first.Select(c => c.Path).ShouldBe(visible.Select(j => "/jobs/" + j["postingId"]), ignoreOrder: true);
        var job = visible[0];
        var page = first.Single(c => c.Path == "/jobs/" + job["postingId"]).Body;
        page["jobId"]!.GetValue<string>().ShouldBe(job["id"]!.GetValue<string>());
        page["title"]!.GetValue<string>().ShouldBe(job["title"]!.GetValue<string>());
        page["department"]!.GetValue<string>().ShouldBe(job["department"]!["label"]!.GetValue<string>());
        page["sections"]!["jobDescription"]!["text"]!.GetValue<string>().ShouldContain(job["description"]!.GetValue<string>());
        page["applyUrl"]!.GetValue<string>().ShouldBe($"https://jobs.smartrecruiters.com/AcmeCorp/{job["postingId"]}?oga=true");

        // A company identifier in the wrong case lists no posting: the run faults and leaves the careers site alone.
        var wrongCase = await demo.WaitForInstanceAsync(await demo.RunNowAsync(Postings, new { CompanyIdentifier = "acmecorp" }));
        wrongCase.GetProperty("status").GetString().ShouldBe("Faulted");
        wrongCase.ToString().ShouldContain("NO_POSTINGS");
        (await VendorCall.OfRunAsync(demo, "marketing", wrongCase.GetProperty("id").GetString()!)).ShouldBeEmpty();

        // Nothing changed: nothing is sent.
        (await RunAsync(demo, Postings)).ShouldBeEmpty();

        // A job renamed so that the criteria hides it, one renamed, one unpublished, one new public job.
        var (nowHidden, renamed, unpublished) = (visible[1], visible[2], visible[3]);
        await UpsertJobAsync(demo, new { id = nowHidden["id"]!.GetValue<string>(), title = "Confidential: Head of Secret Projects" });
        await UpsertJobAsync(demo, new { id = renamed["id"]!.GetValue<string>(), title = "Careers Site Gardener" });
        await UpsertJobAsync(demo, new { id = unpublished["id"]!.GetValue<string>(), postingStatus = "NOT_PUBLISHED" });
        var createdId = await UpsertJobAsync(demo, new { title = "Employer Brand Lead", status = "SOURCING", postingStatus = "PUBLIC" });
        var created = (await JobsAsync(demo)).Single(j => j["id"]!.GetValue<string>() == createdId);

        var third = await RunAsync(demo, Postings);
        third.Where(c => c.Method == "DELETE").Select(c => c.Path).ShouldBe([$"/jobs/{nowHidden["postingId"]}", $"/jobs/{unpublished["postingId"]}"], ignoreOrder: true);
        third.Where(c => c.Method == "PUT").Select(c => c.Path).ShouldBe([$"/jobs/{renamed["postingId"]}", $"/jobs/{created["postingId"]}"], ignoreOrder: true);
        third.Single(c => c.Path == $"/jobs/{renamed["postingId"]}" && c.Method == "PUT").Body["title"]!.GetValue<string>().ShouldBe("Careers Site Gardener");
        (await RunAsync(demo, Postings)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CandidatesSync_SendsCandidatesUpdatedSinceTheLastRun_KnownOnesUnlessImportingUnknown_WithResumesOnlyWhenAsked()
    {
        await using var demo = await DemoHost.StartAsync();
        await demo.DisableSchedulesAsync(Candidates);
        var state = JsonNode.Parse((await demo.SandboxStateAsync()).GetRawText())!;
        var candidates = state["candidates"]!.AsArray().OfType<JsonObject>().ToList();
        JsonObject ByEmail(string email) => candidates.Single(c => c["email"]!.GetValue<string>() == email);
        // Known in the CRM (workflows/mappings/marketing-crm-profiles.csv); Ada and Margaret applied with a résumé.
        var (ada, grace, margaret) = (ByEmail("ada.lovelace0@example.com"), ByEmail("grace.thompson1@example.com"), ByEmail("margaret.allen4@example.com"));
        var dennis = ByEmail("dennis.wirth5@example.com");
        var margaretResume = state["attachments"]!.AsArray().OfType<JsonObject>()
            .Single(a => a["candidateId"]!.GetValue<string>() == Id(margaret) && a["type"]!.GetValue<string>() == "RESUME");

        // First run (defaults: no unknown candidates, no résumés): the candidates with a CRM profile, with their data.
        var first = await RunAsync(demo, Candidates);
        first.ShouldAllBe(c => c.Method == "PUT");
        first.Select(c => c.Path).ShouldBe([$"/candidates/{Id(ada)}", $"/candidates/{Id(grace)}", $"/candidates/{Id(margaret)}"], ignoreOrder: true);
        var sent = first.Single(c => c.Path == $"/candidates/{Id(ada)}").Body;
        sent["profileId"]!.GetValue<string>().ShouldBe("crm-10001");
        sent["firstName"]!.GetValue<string>().ShouldBe("Ada");
        sent["lastName"]!.GetValue<string>().ShouldBe("Lovelace");
        sent["email"]!.GetValue<string>().ShouldBe("ada.lovelace0@example.com");
        sent["phone"]!.GetValue<string>().ShouldBe(ada["phoneNumber"]!.GetValue<string>());
        sent["location"]!["city"]!.GetValue<string>().ShouldBe(ada["location"]!["city"]!.GetValue<string>());
        sent["education"]![0]!["institution"]!.GetValue<string>().ShouldBe(ada["education"]![0]!["institution"]!.GetValue<string>());
        sent["experience"]![0]!["company"]!.GetValue<string>().ShouldBe(ada["experience"]![0]!["company"]!.GetValue<string>());
        sent["applications"]!.AsArray().Select(a => $"{a!["jobId"]}:{a["status"]}").ShouldBe(
            state["applications"]!.AsArray().Where(a => a!["candidateId"]!.GetValue<string>() == Id(ada)).Select(a => $"{a!["jobId"]}:{a["status"]}"), ignoreOrder: true);
        sent["documents"]!.AsArray().ShouldBeEmpty(); // her only document is a résumé, and résumés are off
        first.Single(c => c.Path == $"/candidates/{Id(margaret)}").Body["documents"]!.AsArray().ShouldBeEmpty();

        // Nothing updated since: nothing sent.
        (await RunAsync(demo, Candidates)).ShouldBeEmpty();

        // Ada (known) and Dennis (unknown) updated: only Ada goes, with her new phone number.
        await PatchCandidateAsync(demo, Id(ada), new { phoneNumber = "+44 20 7946 0001" });
        await PatchCandidateAsync(demo, Id(dennis), new { phoneNumber = "+44 20 7946 0002" });
        var third = await RunAsync(demo, Candidates);
        third.Select(c => c.Path).ShouldBe([$"/candidates/{Id(ada)}"]);
        third[0].Body["phone"]!.GetValue<string>().ShouldBe("+44 20 7946 0001");

        // With "import unknown candidates" and "sync application resumes": Dennis and Margaret, updated since, go;
        // Margaret with her résumé file; Ada, not updated since the last run, does not.
        await PatchCandidateAsync(demo, Id(dennis), new { phoneNumber = "+44 20 7946 0003" });
        await PatchCandidateAsync(demo, Id(margaret), new { phoneNumber = "+44 20 7946 0004" });
        var fourth = await RunAsync(demo, Candidates, new { ImportUnknownCandidates = true, SyncApplicationResumes = true });
        fourth.Select(c => c.Path).ShouldBe([$"/candidates/{Id(dennis)}", $"/candidates/{Id(margaret)}"], ignoreOrder: true);
        var unknown = fourth.Single(c => c.Path == $"/candidates/{Id(dennis)}").Body;
        unknown["profileId"].ShouldBeNull();
        unknown["phone"]!.GetValue<string>().ShouldBe("+44 20 7946 0003");
        var resume = fourth.Single(c => c.Path == $"/candidates/{Id(margaret)}").Body["documents"]!.AsArray().Single()!;
        resume["type"]!.GetValue<string>().ShouldBe("RESUME");
        resume["name"]!.GetValue<string>().ShouldBe(margaretResume["name"]!.GetValue<string>());
        resume["contentBase64"]!.GetValue<string>().ShouldBe(margaretResume["contentBase64"]!.GetValue<string>());

        // The sync only reads SmartRecruiters: the candidates are as the recruiters left them.
        var after = JsonNode.Parse((await demo.SandboxStateAsync()).GetRawText())!["candidates"]!.AsArray().OfType<JsonObject>().ToList();
        after.Count.ShouldBe(candidates.Count);
        after.Single(c => Id(c) == Id(margaret))["phoneNumber"]!.GetValue<string>().ShouldBe("+44 20 7946 0004");
    }

    private static string Id(JsonObject node) => node["id"]!.GetValue<string>();

    private static async Task<List<JsonObject>> JobsAsync(DemoHost demo) =>
        [.. JsonNode.Parse((await demo.SandboxStateAsync()).GetProperty("jobs").GetRawText())!.AsArray().OfType<JsonObject>()];

    private static async Task<string> UpsertJobAsync(DemoHost demo, object job)
    {
        using var response = await demo.Public.PostAsJsonAsync("/sandbox/_sandbox/jobs", job, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();
    }

    /// <summary>A recruiter's edit through the SmartRecruiters API (it moves the candidate's updatedOn).</summary>
    private static async Task PatchCandidateAsync(DemoHost demo, string candidateId, object change)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/sandbox/candidates/{candidateId}") { Content = JsonContent.Create(change) };
        request.Headers.Add("X-SmartToken", "sandbox-key");
        using var response = await demo.Public.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<List<VendorCall>> RunAsync(DemoHost demo, string workflow, object? input = null)
    {
        var run = await demo.RunToEndAsync(workflow, input);
        return await VendorCall.OfRunAsync(demo, "marketing", run.GetProperty("id").GetString()!);
    }
}
