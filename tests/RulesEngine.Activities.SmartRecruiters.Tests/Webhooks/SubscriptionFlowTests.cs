using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Tests.Support;
using RulesEngine.Activities.SmartRecruiters.Webhooks;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Webhooks;

public sealed class SubscriptionFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_Activate_Rotate_ThenOurOwnWriteArrivesSigned_AndIsRecognisedAsOurEcho()
    {
        await using var h = await ConnectorHarness.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var manager = h.Services.GetRequiredService<WebhookSubscriptionManager>();

        var sub = await manager.CreateAsync(h.Connection, receiver.Url, ["candidate.updated", "application.status.updated"], null, Ct);
        sub.IsActive.ShouldBeFalse();
        await manager.ActivateAsync(h.Connection, sub.Id, Ct);
        (await manager.GetAsync(h.Connection, sub.Id, Ct)).IsActive.ShouldBeTrue();
        var key = await manager.RotateSecretKeyAsync(h.Connection, sub.Id, Ct);

        var candidateId = (await h.StateAsync())["candidates"]![0]!["id"]!.ToString();
        var run = await h.RunAsync(new TestFlow().Add("tag", "SmartRecruiters.ApplyTag", ("candidateId", candidateId), ("tags", "webhook-test")),
            new StartOptions { TenantId = "tenant-a", InstanceId = "run-123" });
        run.Status.ShouldBe(WorkflowStatus.Finished, run.Fault?.Message);

        var delivery = await receiver.NextAsync("candidate.updated");
        WebhookSignatureVerifier.Verify([key], delivery.Body, delivery.Headers).ShouldBeTrue();
        WebhookSignatureVerifier.Verify(["some-other-key"], delivery.Body, delivery.Headers).ShouldBeFalse();
        WebhookSignatureVerifier.Verify([key], delivery.Body.Replace(candidateId, "someone-else", StringComparison.Ordinal), delivery.Headers).ShouldBeFalse();
        delivery.Headers[SmartRecruitersOrigin.HeaderName].ShouldBe("rulesengine;tenant=tenant-a;instance=run-123");

        var parsed = SmartRecruitersDelivery.From(JsonNode.Parse(delivery.Body), delivery.Headers);
        parsed.CandidateId.ShouldBe(candidateId);
        parsed.IsOwnChange.ShouldBeTrue();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { Events = ["candidate.updated"] }, parsed).ShouldBeFalse();
        SmartRecruitersEventFilter.Matches(new SmartRecruitersEventFilterSettings { Events = ["candidate.updated"], IgnoreOwnChanges = false }, parsed).ShouldBeTrue();
    }

    [Fact]
    public async Task Activate_CallbackThatDoesNotEcho_FailsClearly()
    {
        await using var h = await ConnectorHarness.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.EchoSecret = false;
        var manager = h.Services.GetRequiredService<WebhookSubscriptionManager>();
        var sub = await manager.CreateAsync(h.Connection, receiver.Url, ["job.created"], null, Ct);

        var ex = await Should.ThrowAsync<SmartRecruitersApiException>(() => manager.ActivateAsync(h.Connection, sub.Id, Ct));

        ((int)ex.StatusCode!).ShouldBe(424);
        (await manager.GetAsync(h.Connection, sub.Id, Ct)).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task List_ReadsEveryPage_AndDeleteRemoves()
    {
        await using var h = await ConnectorHarness.StartAsync(client: o => o.PageSize = 2);
        var manager = h.Services.GetRequiredService<WebhookSubscriptionManager>();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await manager.CreateAsync(h.Connection, new Uri($"https://hooks.example.com/{i}"), ["job.created"], null, Ct)).Id);
        }

        var listed = await manager.ListAsync(h.Connection, Ct);
        listed.Select(s => s.Id).ShouldBe(created, ignoreOrder: true);

        await manager.DeleteAsync(h.Connection, created[0], Ct);
        (await manager.ListAsync(h.Connection, Ct)).Select(s => s.Id).ShouldBe(created.Skip(1), ignoreOrder: true);
        var missing = await Should.ThrowAsync<SmartRecruitersApiException>(() => manager.DeleteAsync(h.Connection, created[0], Ct));
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
