using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Webhooks;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Webhooks;

public sealed class EventFilterTests
{
    private static SmartRecruitersDelivery Application(string eventName = "application.status.updated", string? origin = null) =>
        SmartRecruitersDelivery.From(new JsonObject { ["job_id"] = "job-1", ["candidate_id"] = "cand-1", ["application_id"] = "app-1" },
            origin is null
                ? new Dictionary<string, string> { ["event-name"] = eventName }
                : new Dictionary<string, string> { ["event-name"] = eventName, [SmartRecruitersOrigin.HeaderName] = origin });

    [Fact]
    public void Delivery_ApplicationEvent_ExposesItsIds()
    {
        var d = Application();
        (d.JobId, d.CandidateId, d.ApplicationId).ShouldBe(("job-1", "cand-1", "app-1"));
        SmartRecruitersDelivery.From(new JsonObject { ["id"] = "job-9" }, new Dictionary<string, string> { ["event-name"] = "job.updated" }).JobId.ShouldBe("job-9");
    }

    [Theory]
    [InlineData("application.status.updated", true)]
    [InlineData("application.*", true)]
    [InlineData("candidate.updated", false)]
    [InlineData("*", true)]
    public void Matches_EventName(string pattern, bool expected) =>
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { Events = [pattern] }, Application()).ShouldBe(expected);

    [Fact]
    public void Matches_OwnEcho_IsIgnoredUnlessAsked()
    {
        var echo = Application(origin: SmartRecruitersOrigin.Format("t1", "run-1"));
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings(), echo).ShouldBeFalse();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { IgnoreOwnChanges = false }, echo).ShouldBeTrue();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings(), Application(origin: "someone-else")).ShouldBeTrue();
    }

    [Fact]
    public void Matches_JobAndStatusFilters_UseTheApplicationState()
    {
        var interview = new JsonObject { ["status"] = "INTERVIEW", ["subStatus"] = "Scheduled" };
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { JobId = "job-2" }, Application()).ShouldBeFalse();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { JobId = "job-1", Status = "INTERVIEW" }, Application(), interview).ShouldBeTrue();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { Status = "INTERVIEW", SubStatus = "Feedback pending" }, Application(), interview).ShouldBeFalse();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { Status = "INTERVIEW" }, Application()).ShouldBeFalse("without the state a status filter cannot match");
    }
}
