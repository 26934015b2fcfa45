using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SmartRecruiters.Sandbox.Tests;

public sealed class WebhooksTests
{
    private const string Subscriptions = "webhooks-api/v201907/subscriptions";

    private static async Task<string> SubscribeAsync(SandboxHost host, WebhookReceiver receiver, params string[] events)
    {
        using var created = await host.Client.PostAsJsonAsync(Subscriptions, new { callbackUrl = receiver.Url, events }, TestContext.Current.CancellationToken);
        var (status, body) = await SandboxHost.ReadAsync(created);
        status.ShouldBe(201);
        body.GetProperty("status").GetString().ShouldBe("inactive");
        body.GetProperty("events")[0].GetProperty("version").GetString().ShouldBe("v1");
        return body.GetProperty("id").GetString()!;
    }

    private static string Hmac(string key, string payload) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public async Task Activation_Handshake_ThenSignedDeliveryWithOriginEcho()
    {
        await using var host = await SandboxHost.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var subId = await SubscribeAsync(host, receiver, "candidate.created", "application.created");

        using (var activate = await host.Client.PutAsync($"{Subscriptions}/{subId}/activation", null, TestContext.Current.CancellationToken))
        {
            ((int)activate.StatusCode).ShouldBe(204);
        }

        (await host.GetJsonAsync($"{Subscriptions}/{subId}")).GetProperty("status").GetString().ShouldBe("active");

        using var keyResponse = await host.Client.PostAsync($"{Subscriptions}/{subId}/secret-key", null, TestContext.Current.CancellationToken);
        var (keyStatus, keyBody) = await SandboxHost.ReadAsync(keyResponse);
        keyStatus.ShouldBe(201);
        var secretKey = keyBody.GetProperty("secretKey").GetString()!;

        using var template = new HttpRequestMessage();
        template.Headers.Add("X-RulesEngine-Origin", "run-42");
        var jobId = await host.PublicJobIdAsync();
        var candidate = await host.CreateCandidateAsync(jobId, "hook@example.com", template);
        var candidateId = candidate.GetProperty("id").GetString();

        ReceivedDelivery delivery;
        try
        {
            delivery = await receiver.NextAsync("candidate.created");
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException("No delivery; state: " + (await host.StateAsync()).GetProperty("deliveries").GetRawText());
        }

        JsonDocument.Parse(delivery.Body).RootElement.GetProperty("id").GetString().ShouldBe(candidateId);
        delivery.Headers["event-version"].ShouldBe("v1");
        delivery.Headers["X-RulesEngine-Origin"].ShouldBe("run-42");
        delivery.Headers["Link"].ShouldBe($"<{host.Server.BaseUrl}/candidates/{candidateId}>; rel=self");

        var expected = Hmac(secretKey, string.Join('.', delivery.Headers["smartrecruiters-timestamp"], delivery.Body,
            delivery.Headers["event-id"], delivery.Headers["event-name"], delivery.Headers["event-version"], delivery.Headers["Link"]));
        delivery.Headers["smartrecruiters-signature"].ShouldBe("v1=" + expected);

        // Secrets stay out of the admin state dump.
        (await host.StateAsync()).GetRawText().ShouldNotContain(secretKey);

        var application = await receiver.NextAsync("application.created");
        var payload = JsonDocument.Parse(application.Body).RootElement;
        payload.GetProperty("job_id").GetString().ShouldBe(jobId);
        payload.GetProperty("candidate_id").GetString().ShouldBe(candidateId);
        payload.GetProperty("application_id").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Activation_WhenCallbackDoesNotEcho_Fails424AndStaysInactive()
    {
        await using var host = await SandboxHost.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.EchoSecret = false;
        var subId = await SubscribeAsync(host, receiver, "job.created");
        using var activate = await host.Client.PutAsync($"{Subscriptions}/{subId}/activation", null, TestContext.Current.CancellationToken);
        ((int)activate.StatusCode).ShouldBe(424);
        (await host.GetJsonAsync($"{Subscriptions}/{subId}")).GetProperty("status").GetString().ShouldBe("inactive");
    }

    [Fact]
    public async Task Delivery_Non2xx_IsRetriedWithTheSameEventId()
    {
        await using var host = await SandboxHost.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var subId = await SubscribeAsync(host, receiver, "job.created");
        using (var activate = await host.Client.PutAsync($"{Subscriptions}/{subId}/activation", null, TestContext.Current.CancellationToken))
        {
            activate.EnsureSuccessStatusCode();
        }

        receiver.Plan(500, 503);
        using (var job = await host.Anonymous.PostAsJsonAsync("_sandbox/jobs", new { title = "Webhook job", status = "SOURCING", postingStatus = "PUBLIC" }, TestContext.Current.CancellationToken))
        {
            ((int)job.StatusCode).ShouldBe(201);
        }

        var attempts = new[] { await receiver.NextAsync("job.created"), await receiver.NextAsync("job.created"), await receiver.NextAsync("job.created") };
        attempts.Select(a => a.AnsweredStatus).ShouldBe([500, 503, 202]);
        attempts.Select(a => a.Headers["event-id"]).Distinct().Count().ShouldBe(1);
        attempts.ShouldAllBe(a => !a.Headers.ContainsKey("smartrecruiters-signature"));

        // The dispatcher records the outcome for tests and the callbacks log.
        for (var i = 0; i < 50; i++)
        {
            var deliveries = (await host.StateAsync()).GetProperty("deliveries");
            if (deliveries.GetArrayLength() == 1 && deliveries[0].GetProperty("status").GetString() == "successful")
            {
                deliveries[0].GetProperty("attempts").GetInt32().ShouldBe(3);
                return;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new ShouldAssertException("The delivery was never recorded as successful.");
    }

    [Fact]
    public async Task ListSubscriptions_PagesWithPageIdAndLink()
    {
        await using var host = await SandboxHost.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await SubscribeAsync(host, receiver, "job.updated");
        }

        using var first = await host.Client.GetAsync($"{Subscriptions}?limit=3", TestContext.Current.CancellationToken);
        var (_, page1) = await SandboxHost.ReadAsync(first);
        page1.GetArrayLength().ShouldBe(3);
        var link = first.Headers.GetValues("Link").Single();
        var next = link[1..link.IndexOf('>', StringComparison.Ordinal)];
        var page2 = await host.GetJsonAsync(next);
        page2.GetArrayLength().ShouldBe(2);
        page1.EnumerateArray().Concat(page2.EnumerateArray()).Select(s => s.GetProperty("id").GetString()).Distinct().Count().ShouldBe(5);

        using var unknownEvent = await host.Client.PostAsJsonAsync(Subscriptions, new { callbackUrl = receiver.Url, events = new[] { "nope.created" } }, TestContext.Current.CancellationToken);
        ((int)unknownEvent.StatusCode).ShouldBe(422);
    }
}
