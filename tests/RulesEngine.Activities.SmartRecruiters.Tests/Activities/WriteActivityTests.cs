using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Activities;

/// <summary>The writing activities, each run through a real workflow; results checked in the sandbox's state.</summary>
public sealed class WriteActivityTests
{
    private static JsonNode? Output(RunResult result, string activityId, string output) =>
        ValueConverter.ToNode(result.State.ActivityOutputs[activityId][output]);

    private static async Task<string> PublicJobAsync(ConnectorHarness h, string? department = null) =>
        (await h.StateAsync())["jobs"]!.AsArray().First(j => j!["postingStatus"]!.ToString() == "PUBLIC"
            && (department is null || j["department"]?["label"]?.ToString() == department))!["id"]!.ToString();

    private static TestFlow Export(string jobId, string email, string cvBase64) => new TestFlow()
        .Add("export", "SmartRecruiters.ExportCandidate",
            ("jobId", jobId),
            ("firstName", "Ada"),
            ("lastName", "Lovelace"),
            ("email", email),
            ("phoneNumber", "+44 20 7946 0000"),
            ("tags", "imported,vendor-x"),
            ("education", TestFlow.Json(new JsonArray(new JsonObject { ["institution"] = "University of London", ["degree"] = "BSc", ["major"] = "Mathematics" }))),
            ("experience", TestFlow.Json(new JsonArray(new JsonObject { ["title"] = "Analyst", ["company"] = "Analytical Engines Ltd", ["current"] = true }))),
            ("sourceDetails", TestFlow.Json(new JsonObject { ["sourceTypeId"] = "JOB_BOARDS", ["sourceId"] = "indeed" })),
            ("cvBase64", cvBase64),
            ("cvFileName", "ada-cv.pdf"));

    [Fact]
    public async Task ExportCandidate_Twice_OneCandidateOneApplicationOneCv()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var jobId = await PublicJobAsync(h);
        var cv = Convert.ToBase64String(Encoding.UTF8.GetBytes("%PDF-1.4 Ada's CV"));
        const string email = "ada.lovelace@example.org";

        var first = await h.RunAsync(Export(jobId, email, cv));
        var second = await h.RunAsync(Export(jobId, email, cv));

        first.Status.ShouldBe(WorkflowStatus.Finished, first.Fault?.Message);
        second.Status.ShouldBe(WorkflowStatus.Finished, second.Fault?.Message);
        Output(first, "export", "created")!.GetValue<bool>().ShouldBeTrue();
        Output(second, "export", "created")!.GetValue<bool>().ShouldBeFalse();
        Output(second, "export", "addedToJob")!.GetValue<bool>().ShouldBeFalse();
        Output(second, "export", "uploadedAttachments")!.AsArray().Count.ShouldBe(0);
        Output(second, "export", "skippedAttachments")!.AsArray().Select(x => x!.ToString()).ShouldBe(["ada-cv.pdf"]);

        var state = await h.StateAsync();
        var candidates = state["candidates"]!.AsArray().Where(c => c!["email"]!.ToString() == email).ToList();
        candidates.Count.ShouldBe(1);
        var id = candidates[0]!["id"]!.ToString();
        Output(first, "export", "candidateId")!.ToString().ShouldBe(id);
        state["applications"]!.AsArray().Count(a => a!["candidateId"]!.ToString() == id).ShouldBe(1);
        state["attachments"]!.AsArray().Count(a => a!["candidateId"]!.ToString() == id).ShouldBe(1);
        var candidate = candidates[0]!;
        candidate["phoneNumber"]!.ToString().ShouldBe("+44 20 7946 0000");
        candidate["education"]!.AsArray().Count.ShouldBe(1);
        candidate["experience"]!.AsArray().Count.ShouldBe(1);
        candidate["tags"]!.AsArray().Select(t => t!.ToString()).ShouldBe(["imported", "vendor-x"], ignoreOrder: true);
        state["applications"]!.AsArray().First(a => a!["candidateId"]!.ToString() == id)!["sourceId"]!.ToString().ShouldBe("indeed");
    }

    [Fact]
    public async Task ExportCandidate_ExistingCandidateOnAnotherJob_IsAddedToTheJob_WithACvFromAUrl()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var (candidateId, existingJob, email, _) = await h.SeedApplicationAsync();
        var jobs = (await h.StateAsync())["jobs"]!.AsArray();
        var otherJob = jobs.First(j => j!["postingStatus"]!.ToString() == "PUBLIC" && j["id"]!.ToString() != existingJob)!["id"]!.ToString();

        // The sandbox's own attachment download serves as the "vendor URL" of a CV.
        var cvUrl = h.Sandbox.BaseUrl + "/_vendor/cvs/grace-cv.txt";
        var result = await h.RunAsync(new TestFlow().Add("export", "SmartRecruiters.ExportCandidate",
            ("jobId", otherJob), ("firstName", "Someone"), ("lastName", "Else"), ("email", email), ("cvUrl", cvUrl)));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        Output(result, "export", "candidateId")!.ToString().ShouldBe(candidateId);
        Output(result, "export", "created")!.GetValue<bool>().ShouldBeFalse();
        Output(result, "export", "addedToJob")!.GetValue<bool>().ShouldBeTrue();
        var state = await h.StateAsync();
        state["applications"]!.AsArray().Count(a => a!["candidateId"]!.ToString() == candidateId && a["jobId"]!.ToString() == otherJob).ShouldBe(1);
        state["attachments"]!.AsArray().Count(a => a!["candidateId"]!.ToString() == candidateId && a["name"]!.ToString() == "grace-cv.txt").ShouldBe(1);
    }

    [Fact]
    public async Task ExportCandidate_MissingEmail_FaultsBeforeAnyCall()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var result = await h.RunAsync(new TestFlow().Add("export", "SmartRecruiters.ExportCandidate", ("jobId", "j"), ("firstName", "A"), ("lastName", "B")));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("MISSING_INPUT");
        h.Client.Statistics.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task ApplyTag_KeepsExistingTags_AndIsIdempotent()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var tagged = (await h.StateAsync())["candidates"]!.AsArray().First(c => c!["tags"]!.AsArray().Count >= 2)!;
        var id = tagged["id"]!.ToString();
        var before = tagged["tags"]!.AsArray().Select(t => t!.ToString()).ToList();

        var flow = new TestFlow().Add("tag", "SmartRecruiters.ApplyTag", ("candidateId", id), ("tags", TestFlow.Json(new JsonArray("exported-to-vendor", before[0]))));
        var first = await h.RunAsync(flow);
        var attemptsAfterFirst = h.Client.Statistics.Attempts;
        var second = await h.RunAsync(flow);

        first.Status.ShouldBe(WorkflowStatus.Finished, first.Fault?.Message);
        Output(first, "tag", "added")!.AsArray().Select(t => t!.ToString()).ShouldBe(["exported-to-vendor"]);
        Output(second, "tag", "added")!.AsArray().Count.ShouldBe(0);
        (h.Client.Statistics.Attempts - attemptsAfterFirst).ShouldBe(1, "the second run only reads the tags");
        var after = (await h.StateAsync())["candidates"]!.AsArray().First(c => c!["id"]!.ToString() == id)!["tags"]!.AsArray().Select(t => t!.ToString()).ToList();
        after.ShouldBe([.. before, "exported-to-vendor"], ignoreOrder: true);
    }

    [Fact]
    public async Task ApplyTag_TagOver50Characters_FaultsBeforeAnyCall()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var id = (await h.StateAsync())["candidates"]![0]!["id"]!.ToString();

        var result = await h.RunAsync(new TestFlow().Add("tag", "SmartRecruiters.ApplyTag", ("candidateId", id), ("tags", "ok," + new string('x', 51))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("TAG_TOO_LONG");
        result.Fault.Message.ShouldContain("(51)");
        h.Client.Statistics.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task UpdateCandidate_PatchesOnlyTheGivenFields()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var candidate = (await h.StateAsync())["candidates"]![0]!;
        var id = candidate["id"]!.ToString();

        var result = await h.RunAsync(new TestFlow().Add("update", "SmartRecruiters.UpdateCandidate", ("candidateId", id), ("firstName", "Renamed")));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        var after = (await h.StateAsync())["candidates"]!.AsArray().First(c => c!["id"]!.ToString() == id)!;
        after["firstName"]!.ToString().ShouldBe("Renamed");
        after["lastName"]!.ToString().ShouldBe(candidate["lastName"]!.ToString());
        after["email"]!.ToString().ShouldBe(candidate["email"]!.ToString());
    }

    [Fact]
    public async Task MoveStage_ValidSubStatus_MovesThenIsUnchanged()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var engineering = state["jobs"]!.AsArray().Where(j => j!["hiringProcessId"]!.ToString() == "hp-engineering").Select(j => j!["id"]!.ToString()).ToHashSet();
        var (candidateId, jobId, _, _) = await h.SeedApplicationAsync(a => engineering.Contains(a["jobId"]!.ToString()) && a["status"]!.ToString() != "INTERVIEW");
        var flow = new TestFlow()
            .Add("move", "SmartRecruiters.MoveStage", ("candidateId", candidateId), ("jobId", jobId), ("status", "INTERVIEW"), ("subStatus", "System design"), ("hiringProcessId", "hp-engineering"))
            .Add("moved", "Elsa.WriteLine", ("text", "moved"))
            .Add("same", "Elsa.WriteLine", ("text", "unchanged"))
            .Connect("move", "moved", "Moved").Connect("move", "same", "Unchanged");

        var first = await h.RunAsync(flow);
        var second = await h.RunAsync(flow);

        first.Status.ShouldBe(WorkflowStatus.Finished, first.Fault?.Message);
        second.Status.ShouldBe(WorkflowStatus.Finished, second.Fault?.Message);
        h.Console.Lines.ShouldBe(["moved", "unchanged"]);
        var app = (await h.StateAsync())["applications"]!.AsArray().First(a => a!["candidateId"]!.ToString() == candidateId && a["jobId"]!.ToString() == jobId)!;
        app["status"]!.ToString().ShouldBe("INTERVIEW");
        app["subStatus"]!.ToString().ShouldBe("System design");
    }

    [Fact]
    public async Task MoveStage_SubStatusNotInTheHiringProcess_FaultsListingTheValidOnes_WithoutWriting()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var engineering = state["jobs"]!.AsArray().Where(j => j!["hiringProcessId"]!.ToString() == "hp-engineering").Select(j => j!["id"]!.ToString()).ToHashSet();
        var (candidateId, jobId, _, app) = await h.SeedApplicationAsync(a => engineering.Contains(a["jobId"]!.ToString()) && a["status"]!.ToString() != "INTERVIEW");

        var result = await h.RunAsync(new TestFlow().Add("move", "SmartRecruiters.MoveStage",
            ("candidateId", candidateId), ("jobId", jobId), ("status", "INTERVIEW"), ("subStatus", "Scheduled"), ("hiringProcessId", "hp-engineering")));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("INVALID_SUB_STATUS");
        result.Fault.Message.ShouldContain("Technical interview, System design, Culture fit");
        var after = (await h.StateAsync())["applications"]!.AsArray().First(a => a!["candidateId"]!.ToString() == candidateId && a["jobId"]!.ToString() == jobId)!;
        after["status"]!.ToString().ShouldBe(app["status"]!.ToString());
    }

    [Fact]
    public async Task MoveStage_WithoutHiringProcessId_ServerRejection_ListsValidSubStatusesPerProcess()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var engineering = state["jobs"]!.AsArray().Where(j => j!["hiringProcessId"]!.ToString() == "hp-engineering").Select(j => j!["id"]!.ToString()).ToHashSet();
        var (candidateId, jobId, _, _) = await h.SeedApplicationAsync(a => engineering.Contains(a["jobId"]!.ToString()) && a["status"]!.ToString() != "INTERVIEW");

        // "Scheduled" exists in hp-default, so only the server (which knows the job's process) can refuse it.
        var result = await h.RunAsync(new TestFlow().Add("move", "SmartRecruiters.MoveStage",
            ("candidateId", candidateId), ("jobId", jobId), ("status", "INTERVIEW"), ("subStatus", "Scheduled")));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("INVALID_SUB_STATUS");
        result.Fault.Message.ShouldContain("hp-engineering: Technical interview, System design, Culture fit");
    }

    [Fact]
    public async Task MoveStage_Rejected_WithReason()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var state = await h.StateAsync();
        var reason = state["rejectionReasons"]![0]!["id"]!.ToString();
        var (candidateId, jobId, _, _) = await h.SeedApplicationAsync(a => a["status"]!.ToString() is "NEW" or "IN_REVIEW");

        var result = await h.RunAsync(new TestFlow().Add("move", "SmartRecruiters.MoveStage",
            ("candidateId", candidateId), ("jobId", jobId), ("status", "REJECTED"), ("reason", reason)));

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        Output(result, "move", "application")!["status"]!.ToString().ShouldBe("REJECTED");
    }
}
