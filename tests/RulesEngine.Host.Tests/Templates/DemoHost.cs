using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Host.Tests.Support;

namespace RulesEngine.Host.Tests.Templates;

/// <summary>
/// <c>rulesengine serve --demo</c> on loopback: the <c>demo</c> tenant with every template of <c>workflows/</c> published,
/// its SmartRecruiters connection on the in-process Sandbox and its vendor endpoints on the Sandbox's recorder.
/// </summary>
public sealed class DemoHost : IAsyncDisposable
{
    public const string Tenant = "demo";

    private DemoHost(RunningHost host)
    {
        Host = host;
        Api = host.Client();
        Public = host.Client(token: null);
    }

    public RunningHost Host { get; }

    /// <summary>Client with the admin token.</summary>
    public HttpClient Api { get; }

    /// <summary>Client without a token (hooks, Sandbox admin).</summary>
    public HttpClient Public { get; }

    public static async Task<DemoHost> StartAsync(IReadOnlyDictionary<string, string?>? configuration = null)
        => new(await RunningHost.StartAsync(configuration: configuration, demo: true));

    /// <summary>POSTs JSON to <c>/hooks/demo/{path}</c>.</summary>
    public Task<HttpResponseMessage> PostHookAsync(string path, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{Tenant}/{path}") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Public.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Starts a published workflow of the demo tenant ("run now") and returns the instance id.</summary>
    public async Task<string> RunNowAsync(string definitionId, object? input = null)
    {
        using var response = await Api.PostAsJsonAsync($"/api/tenants/{Tenant}/workflows/{definitionId}/run", new { input = input ?? new { } }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"run of {definitionId} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("instanceId").GetString()!;
    }

    /// <summary>Waits until the instance is no longer running or waiting to run, and returns its detail.</summary>
    public async Task<JsonElement> WaitForInstanceAsync(string instanceId, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var detail = await GetJsonAsync($"/api/tenants/{Tenant}/instances/{instanceId}");
            var status = detail.GetProperty("status").GetString();
            if (status is "Finished" or "Faulted" or "Cancelled" or "Suspended" || DateTimeOffset.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Instances of one workflow, newest first.</summary>
    public async Task<JsonElement[]> InstancesAsync(string definitionId)
        => [.. (await GetJsonAsync($"/api/tenants/{Tenant}/instances?definitionId={definitionId}&pageSize=200")).GetProperty("items").EnumerateArray()];

    /// <summary>Waits until <paramref name="count"/> instances of the workflow exist and none of them is still going.</summary>
    public async Task<JsonElement[]> WaitForRunsAsync(string definitionId, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var items = await InstancesAsync(definitionId);
            var done = items.Length >= count && items.All(i => i.GetProperty("status").GetString() is "Finished" or "Faulted" or "Cancelled" or "Suspended");
            if (done || DateTimeOffset.UtcNow > deadline)
            {
                var details = new List<JsonElement>();
                foreach (var item in items)
                {
                    details.Add(await GetJsonAsync($"/api/tenants/{Tenant}/instances/{item.GetProperty("id").GetString()}"));
                }

                return [.. details];
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The Sandbox's state dump (company, jobs, candidates, applications, attachments, subscriptions, …).</summary>
    public Task<JsonElement> SandboxStateAsync() => GetJsonAsync("/sandbox/_sandbox/state", Public);

    /// <summary>Requests the templates sent to one vendor's endpoint, oldest first.</summary>
    public async Task<JsonElement[]> VendorCallsAsync(string vendor)
        => [.. (await GetJsonAsync($"/sandbox/_sandbox/vendor/{vendor}", Public)).EnumerateArray()];

    /// <summary>Replaces the Sandbox's state with a state dump (e.g. a trimmed copy of <see cref="SandboxStateAsync"/>).</summary>
    public async Task SeedSandboxAsync(JsonNode state)
    {
        using var response = await Public.PostAsync("/sandbox/_sandbox/seed", new StringContent(state.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await EnsureSuccessAsync(response, "POST /sandbox/_sandbox/seed");
    }

    /// <summary>
    /// Trims the Sandbox to the first <paramref name="jobs"/> jobs of its seed (every status and posting status still
    /// appears), with their applications and documents; every candidate stays. Keeps job-heavy runs short.
    /// </summary>
    public async Task KeepFirstSandboxJobsAsync(int jobs)
    {
        var state = JsonNode.Parse((await SandboxStateAsync()).GetRawText())!.AsObject();
        var kept = state["jobs"]!.AsArray().Take(jobs).Select(j => j!.DeepClone()).ToArray();
        var ids = kept.Select(j => j!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        state["jobs"] = new JsonArray(kept);
        state["applications"] = new JsonArray([.. state["applications"]!.AsArray().Where(a => ids.Contains(a!["jobId"]!.GetValue<string>())).Select(a => a!.DeepClone())]);
        state["attachments"] = new JsonArray([.. state["attachments"]!.AsArray().Where(a => a!["jobId"] is null || ids.Contains(a["jobId"]!.GetValue<string>())).Select(a => a!.DeepClone())]);
        await SeedSandboxAsync(state);
    }

    /// <summary>
    /// Publishes a new version of a template with its cron schedules disabled (export, import, publish: the public API),
    /// so that a scheduled fire cannot run between a test's changes and its own "run now".
    /// </summary>
    public async Task DisableSchedulesAsync(string definitionId)
    {
        var ct = TestContext.Current.CancellationToken;
        var workflow = JsonNode.Parse(await Api.GetStringAsync($"/api/tenants/{Tenant}/workflows/{definitionId}/export", ct))!.AsObject();
        foreach (var cron in workflow["root"]!["activities"]!.AsArray().OfType<JsonObject>().Where(a => a["type"]?.GetValue<string>() == "Elsa.Cron"))
        {
            cron["enabled"] = new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "false" } };
        }

        using (var imported = await Api.PostAsync($"/api/tenants/{Tenant}/workflows/import", new StringContent(workflow.ToJsonString(), Encoding.UTF8, "application/json"), ct))
        {
            await EnsureSuccessAsync(imported, "import of " + definitionId);
        }

        using var published = await Api.PostAsync($"/api/tenants/{Tenant}/workflows/{definitionId}/publish", null, ct);
        await EnsureSuccessAsync(published, "publish of " + definitionId);
    }

    /// <summary>Runs a published workflow now and waits for it to end; fails unless it finished.</summary>
    public async Task<JsonElement> RunToEndAsync(string definitionId, object? input = null, TimeSpan? timeout = null)
    {
        var instanceId = await RunNowAsync(definitionId, input);
        var detail = await WaitForInstanceAsync(instanceId, timeout ?? TimeSpan.FromSeconds(60));
        if (detail.GetProperty("status").GetString() != "Finished")
        {
            throw new InvalidOperationException($"run {instanceId} of {definitionId} ended {detail.GetProperty("status").GetString()}: {detail}");
        }

        return detail;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Api).GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Public.Dispose();
        await Host.DisposeAsync();
    }
}
