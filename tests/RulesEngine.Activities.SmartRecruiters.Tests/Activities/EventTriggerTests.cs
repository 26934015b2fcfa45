using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Activities;

public sealed class EventTriggerTests
{
    private static JsonNode? Output(RunResult result, string activityId, string output) =>
        ValueConverter.ToNode(result.State.ActivityOutputs[activityId][output]);

    [Fact]
    public async Task AsTriggerOfTheRun_ReadsTheDelivery_AndFetchesTheApplication()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var (candidateId, jobId, _, app) = await h.SeedApplicationAsync();
        var flow = new TestFlow()
            .Add("event", "SmartRecruiters.Event", ("events", "application.status.updated"), ("fetch", "application"))
            .Add("log", "Elsa.WriteLine", ("text", "triggered"))
            .Trigger("event")
            .Connect("event", "log");

        var result = await h.RunAsync(flow, new StartOptions
        {
            Trigger = new TriggerState
            {
                ActivityId = "event",
                Body = new JsonObject { ["job_id"] = jobId, ["candidate_id"] = candidateId, ["application_id"] = app["id"]!.ToString() },
                Headers = new() { ["event-name"] = "application.status.updated", ["event-id"] = "evt-1", [RulesEngine.Activities.SmartRecruiters.Client.SmartRecruitersOrigin.HeaderName] = "vendor" },
            },
        });

        result.Status.ShouldBe(WorkflowStatus.Finished, result.Fault?.Message);
        h.Console.Lines.ShouldBe(["triggered"]);
        Output(result, "event", "eventName")!.ToString().ShouldBe("application.status.updated");
        Output(result, "event", "eventId")!.ToString().ShouldBe("evt-1");
        Output(result, "event", "candidateId")!.ToString().ShouldBe(candidateId);
        Output(result, "event", "isOwnChange")!.GetValue<bool>().ShouldBeFalse();
        Output(result, "event", "resource")!["status"]!.ToString().ShouldBe(app["status"]!.ToString());
    }

    [Fact]
    public async Task InsideAFlow_WaitsOnABookmark_AndResumesWithTheDelivery()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var candidateId = (await h.StateAsync())["candidates"]![0]!["id"]!.ToString();
        var json = new TestFlow()
            .Add("start", "Elsa.WriteLine", ("text", "waiting"))
            .Add("event", "SmartRecruiters.Event", ("events", TestFlow.Json(new JsonArray("candidate.updated"))), ("fetch", "candidate"))
            .Add("done", "Elsa.WriteLine", ("text", "resumed"))
            .Connect("start", "event").Connect("event", "done").ToString();

        var suspended = await h.RunAsync(json);

        suspended.Status.ShouldBe(WorkflowStatus.Suspended);
        var bookmark = suspended.Bookmarks.Single();
        bookmark.Name.ShouldBe("SmartRecruiters.Event");

        var blueprint = h.Services.GetRequiredService<WorkflowLoader>().Load(h.Services.GetRequiredService<WorkflowJsonReader>().Read(json));
        var payload = new JsonObject
        {
            ["body"] = new JsonObject { ["id"] = candidateId },
            ["headers"] = new JsonObject { ["event-name"] = "candidate.updated", ["event-id"] = "evt-2" },
        };
        var resumed = await h.Services.GetRequiredService<WorkflowRunner>().ResumeAsync(blueprint, suspended.State, bookmark.Id, payload, cancellationToken: TestContext.Current.CancellationToken);

        resumed.Status.ShouldBe(WorkflowStatus.Finished, resumed.Fault?.Message);
        h.Console.Lines.ShouldBe(["waiting", "resumed"]);
        Output(resumed, "event", "resource")!["id"]!.ToString().ShouldBe(candidateId);
    }

    [Fact]
    public async Task FilterSettings_AreReadFromTheWorkflowDefinition()
    {
        await using var h = await ConnectorHarness.StartAsync();
        var definition = h.Services.GetRequiredService<WorkflowJsonReader>().Read(new TestFlow()
            .Add("event", "SmartRecruiters.Event", ("events", "application.created, application.status.updated"), ("jobId", "job-7"), ("status", "INTERVIEW"), ("ignoreOwnChanges", false))
            .ToString());

        var settings = SmartRecruitersEventFilterSettings.FromActivity(definition.Root.Activities.Single());

        settings.Events.ShouldBe(["application.created", "application.status.updated"]);
        settings.JobId.ShouldBe("job-7");
        settings.Status.ShouldBe("INTERVIEW");
        settings.IgnoreOwnChanges.ShouldBeFalse();
        settings.NeedsApplicationState.ShouldBeTrue();
    }
}
