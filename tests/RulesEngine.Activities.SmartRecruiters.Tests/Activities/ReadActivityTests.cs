using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Activities;

/// <summary>The reading activities, each run through a real workflow against the sandbox.</summary>
public sealed class ReadActivityTests
{
    private static JsonNode? Output(RunResult result, string activityId, string output) =>
        ValueConverter.ToNode(result.State.ActivityOutputs[activityId][output]);

    [Fact]
    public async Task FetchJobs_InAWorkflow_BindsAllJobsToAVariable()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var total = (await h.StateAsync())["jobs"]!.AsArray().Count;

        var result = await h.RunAsync(new TestFlow()
            .Variable("jobs")
            .Variable("count")
            .Add("fetch", "SmartRecruiters.FetchJobs", ("jobs", TestFlow.Bind("jobs")), ("count", TestFlow.Bind("count")))
            .Add("log", "Elsa.WriteLine", ("text", TestFlow.Expr("Variable", "count", "String")))
            .Connect("fetch", "log"));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        h.Console.Lines.ShouldBe([total.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Output(result, "fetch", "count")!.GetValue<int>().ShouldBe(total);
        ValueConverter.ToNode(result.State.Variables["jobs"])!.AsArray().Count.ShouldBe(total);
    }

    [Fact]
    public async Task FetchJobs_WithStatusFilter_ReturnsOnlyThatStatus()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var expected = (await h.StateAsync())["jobs"]!.AsArray().Count(j => j!["status"]!.ToString() == "SOURCING");

        var result = await h.RunAsync(new TestFlow().Add("fetch", "SmartRecruiters.FetchJobs", ("status", "SOURCING")));

        var jobs = Output(result, "fetch", "jobs")!.AsArray();
        jobs.Count.ShouldBe(expected);
        jobs.ShouldAllBe(j => j!["status"]!.ToString() == "SOURCING");
    }

    [Fact]
    public async Task GetJob_GetApplication_GetCandidate_GetHiringProcess_ReadTheSandbox()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var (candidateId, jobId, email, app) = await h.SeedApplicationAsync();

        var result = await h.RunAsync(new TestFlow()
            .Add("job", "SmartRecruiters.GetJob", ("jobId", jobId))
            .Add("candidate", "SmartRecruiters.GetCandidate", ("candidateId", candidateId))
            .Add("application", "SmartRecruiters.GetApplication", ("candidateId", candidateId), ("jobId", jobId))
            .Add("process", "SmartRecruiters.GetHiringProcess", ("hiringProcessId", "hp-default"))
            .Add("processes", "SmartRecruiters.GetHiringProcess")
            .Connect("job", "candidate").Connect("candidate", "application").Connect("application", "process").Connect("process", "processes"));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        Output(result, "job", "job")!["id"]!.ToString().ShouldBe(jobId);
        Output(result, "candidate", "candidate")!["email"]!.ToString().ShouldBe(email);
        Output(result, "application", "application")!["status"]!.ToString().ShouldBe(app["status"]!.ToString());
        Output(result, "process", "hiringProcess")!["subStatuses"]!["INTERVIEW"]!.AsArray().Count.ShouldBeGreaterThan(0);
        Output(result, "processes", "hiringProcesses")!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task GetCandidate_WithAttachments_ListsEachApplicationsDocuments_AndDownloadsOnlyTheAskedTypes()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var resume = state["attachments"]!.AsArray().OfType<JsonObject>().First(a => a["type"]!.ToString() == "RESUME");
        var candidateId = resume["candidateId"]!.ToString();
        var applications = state["applications"]!.AsArray().OfType<JsonObject>().Count(a => a["candidateId"]!.ToString() == candidateId);

        var result = await h.RunAsync(new TestFlow()
            .Add("plain", "SmartRecruiters.GetCandidate", ("candidateId", candidateId))
            .Add("listed", "SmartRecruiters.GetCandidate", ("candidateId", candidateId), ("includeAttachments", true))
            .Add("downloaded", "SmartRecruiters.GetCandidate", ("candidateId", candidateId), ("includeAttachments", true), ("downloadAttachmentTypes", "RESUME"))
            .Connect("plain", "listed").Connect("listed", "downloaded"));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        applications.ShouldBeGreaterThan(0);
        Output(result, "plain", "candidate")!["attachments"].ShouldBeNull();
        var listed = Output(result, "listed", "candidate")!["attachments"]!.AsArray().Single(a => a!["id"]!.ToString() == resume["id"]!.ToString())!;
        listed["type"]!.ToString().ShouldBe("RESUME");
        listed["name"]!.ToString().ShouldBe(resume["name"]!.ToString());
        listed["jobId"]!.ToString().ShouldBe(resume["jobId"]!.ToString());
        listed["contentBase64"].ShouldBeNull();
        var downloaded = Output(result, "downloaded", "candidate")!["attachments"]!.AsArray().Single(a => a!["id"]!.ToString() == resume["id"]!.ToString())!;
        downloaded["contentBase64"]!.ToString().ShouldBe(resume["contentBase64"]!.ToString());
    }

    [Fact]
    public async Task GetJob_Unknown_FaultsWithTheSmartRecruitersCode()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var result = await h.RunAsync(new TestFlow().Add("job", "SmartRecruiters.GetJob", ("jobId", "no-such-job")));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("JOB_NOT_FOUND");
        result.Fault.Message.ShouldContain("404");
    }

    [Fact]
    public async Task FetchPostings_DefaultsToTheConnectionsCompany_AndFetchesDetails()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var result = await h.RunAsync(new TestFlow()
            .Add("all", "SmartRecruiters.FetchPostings")
            .Add("some", "SmartRecruiters.FetchPostings", ("companyIdentifier", "AcmeCorp"), ("q", "Engineer"), ("includeDetails", true))
            .Add("none", "SmartRecruiters.FetchPostings", ("companyIdentifier", "ACMECORP"))
            .Connect("all", "some").Connect("some", "none"));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        Output(result, "all", "count")!.GetValue<int>().ShouldBeGreaterThan(100);
        var detailed = Output(result, "some", "postings")!.AsArray();
        detailed.Count.ShouldBeGreaterThan(0);
        detailed.ShouldAllBe(p => p!["jobAd"] != null);
        Output(result, "none", "count")!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task SearchCandidates_ByEmail_FindsExactlyThatCandidate()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var (candidateId, jobId, email, _) = await h.SeedApplicationAsync();

        var result = await h.RunAsync(new TestFlow()
            .Add("byEmail", "SmartRecruiters.SearchCandidates", ("email", email.ToUpperInvariant()))
            .Add("byJob", "SmartRecruiters.SearchCandidates", ("jobId", jobId))
            .Connect("byEmail", "byJob"));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        var found = Output(result, "byEmail", "candidates")!.AsArray();
        found.Count.ShouldBe(1);
        found[0]!["id"]!.ToString().ShouldBe(candidateId);
        Output(result, "byJob", "candidates")!.AsArray().Select(c => c!["id"]!.ToString()).ShouldContain(candidateId);
    }
}
