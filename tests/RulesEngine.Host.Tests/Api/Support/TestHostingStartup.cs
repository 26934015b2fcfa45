using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Tests.Api.Support;

[assembly: HostingStartup(typeof(TestHostingStartup))]

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// Runs inside <c>RulesEngineWebHost.Build</c> (ASP.NET Core hosting startup, enabled by <see cref="TestHost"/>) to
/// register what the tests need without a hook in production code: doubles for the run dispatcher and trigger indexer,
/// which belong to another feature, and a log collector. Registered before the host's own services, so a real
/// dispatcher or indexer registered later by the host wins.
/// </summary>
public sealed class TestHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<RecordingTriggerIndexer>();
        services.AddSingleton<ITriggerIndexer>(sp => sp.GetRequiredService<RecordingTriggerIndexer>());
        services.AddSingleton<QueueingWorkflowDispatcher>();
        services.AddSingleton<IWorkflowDispatcher>(sp => sp.GetRequiredService<QueueingWorkflowDispatcher>());
        services.AddSingleton<ILoggerProvider>(LogCollector.Instance);
    });
}
