using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Activities;

/// <summary>ExportCandidate without a job: the candidate goes to the talent pool (Hellohire's interview registrations).</summary>
public sealed class ExportCandidateTalentPoolTests
{
    private static TestFlow Export(string email, params (string Name, object? Value)[] extra) => new TestFlow()
        .Add("export", "SmartRecruiters.ExportCandidate", [("firstName", "Mary"), ("lastName", "Jackson"), ("email", email), .. extra]);

    [Fact]
    public async Task WithoutJob_CreatesInTheTalentPool_WithoutApplications_AndASecondRunGetsTheSameCandidate()
    {
        await using var h = await ConnectorHarness.StartAsync();
        const string email = "mary.jackson@example.org";

        var first = await h.RunAsync(Export(email));
        var second = await h.RunAsync(Export(email));

        first.Status.ShouldBe(WorkflowStatus.Finished, first.Fault?.Message);
        second.Status.ShouldBe(WorkflowStatus.Finished, second.Fault?.Message);
        ValueConverter.ToNode(first.State.ActivityOutputs["export"]["created"])!.GetValue<bool>().ShouldBeTrue();
        // SmartRecruiters' search lists only candidates with an application, so the second run cannot find the first one
        // by e-mail; the create call itself de-duplicates by e-mail and hands back the same candidate.
        var state = await h.StateAsync();
        var candidate = state["candidates"]!.AsArray().Single(c => c!["email"]!.ToString() == email)!;
        ValueConverter.ToNode(second.State.ActivityOutputs["export"]["candidateId"])!.ToString().ShouldBe(candidate["id"]!.ToString());
        state["applications"]!.AsArray().Count(a => a!["candidateId"]!.ToString() == candidate["id"]!.ToString()).ShouldBe(0);
    }

    [Fact]
    public async Task WithoutJob_WithACv_FaultsBeforeAnyCall()
    {
        await using var h = await ConnectorHarness.StartAsync();

        var result = await h.RunAsync(Export("x@example.org", ("cvBase64", Convert.ToBase64String("cv"u8.ToArray()))));

        result.Status.ShouldBe(WorkflowStatus.Faulted);
        result.Fault!.Code.ShouldBe("MISSING_INPUT");
        result.Fault.Message.ShouldContain("jobId");
        h.Client.Statistics.Attempts.ShouldBe(0);
    }
}
