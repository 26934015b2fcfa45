using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities.Console;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Serialization;
using SmartRecruiters.Sandbox;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Support;

/// <summary>
/// A real SmartRecruiters sandbox on a loopback port and a real engine with the connector registered, whose
/// "smartrecruiters" connection points at the sandbox. Every test builds its own.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    public const string ApiKey = "connector-test-key";

    private readonly ServiceProvider _services;

    private ConnectorHarness(SandboxServer sandbox, ServiceProvider services, SmartRecruitersConnection connection, ListSink console)
    {
        Sandbox = sandbox;
        Console = console;
        _services = services;
        Connection = connection;
        Admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl + "/_sandbox/") };
    }

    public SandboxServer Sandbox { get; }

    public SmartRecruitersConnection Connection { get; }

    /// <summary>The sandbox's admin API (state, faults).</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _services;

    public ISmartRecruitersClientFactory Factory => _services.GetRequiredService<ISmartRecruitersClientFactory>();

    public ISmartRecruitersClient Client => Factory.GetClient(Connection);

    public ListSink Console { get; }

    public static async Task<ConnectorHarness> StartAsync(
        bool sandboxLimits = true,
        Action<SmartRecruitersClientOptions>? client = null,
        Action<SandboxOptions>? sandbox = null,
        Func<string, SmartRecruitersConnection>? connection = null)
    {
        var server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            ApiKey = ApiKey,
            Configure = o =>
            {
                o.RateLimits.Enabled = sandboxLimits;
                o.Webhooks.AllowHttpCallbacks = true;
                o.Webhooks.RetrySchedule = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)];
                sandbox?.Invoke(o);
            },
        }, TestContext.Current.CancellationToken);

        var conn = connection?.Invoke(server.BaseUrl) ?? new SmartRecruitersConnection { BaseUrl = server.BaseUrl, ApiKey = ApiKey, CompanyIdentifier = "AcmeCorp" };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRulesEngineActivities();
        services.AddSmartRecruitersActivities(o =>
        {
            // Short backoffs keep the suite fast; Retry-After from the sandbox still wins.
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryDelay = TimeSpan.FromSeconds(2);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(60);
            client?.Invoke(o);
        });
        services.AddSingleton(new StaticSmartRecruitersConnectionProvider().Add("smartrecruiters", conn));
        var console = new ListSink();
        services.AddSingleton<IWriteLineSink>(console);
        return new ConnectorHarness(server, services.BuildServiceProvider(), conn, console);
    }

    /// <summary>Loads (asserting no errors) and runs a workflow.</summary>
    public async Task<RunResult> RunAsync(string json, StartOptions? options = null)
    {
        var reader = _services.GetRequiredService<WorkflowJsonReader>();
        var blueprint = _services.GetRequiredService<WorkflowLoader>().Load(reader.Read(json));
        blueprint.Problems.Where(p => p.IsError).ShouldBeEmpty();
        return await _services.GetRequiredService<WorkflowRunner>().StartAsync(blueprint, options, TestContext.Current.CancellationToken);
    }

    public async Task<JsonObject> StateAsync() =>
        (await Admin.GetFromJsonAsync<JsonObject>("state", TestContext.Current.CancellationToken))!;

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Admin.PostAsJsonAsync("faults", faults, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A seeded application (candidate id, job id, email) matching the predicate.</summary>
    public async Task<(string CandidateId, string JobId, string Email, JsonObject Application)> SeedApplicationAsync(Func<JsonObject, bool>? where = null)
    {
        var state = await StateAsync();
        var candidates = state["candidates"]!.AsArray().OfType<JsonObject>().ToDictionary(c => c["id"]!.ToString());
        var app = state["applications"]!.AsArray().OfType<JsonObject>().First(a => where?.Invoke(a) ?? true);
        var candidateId = app["candidateId"]!.ToString();
        return (candidateId, app["jobId"]!.ToString(), candidates[candidateId]["email"]!.ToString(), app);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await _services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
