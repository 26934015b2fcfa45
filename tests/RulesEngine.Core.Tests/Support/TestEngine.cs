using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RulesEngine.Activities;
using RulesEngine.Activities.Console;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Model;
using RulesEngine.Core.Serialization;

using RulesEngine.TestSupport.Workflows;

namespace RulesEngine.Core.Tests.Support;

/// <summary>A real engine (registry, loader, C# compiler, interpreter) with a fake clock and an in-memory console.</summary>
public sealed class TestEngine : IDisposable
{
    private readonly ServiceProvider _services;

    public TestEngine(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWriteLineSink>(Console);
        services.AddRulesEngineActivities();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public ListSink Console { get; } = new();

    public IServiceProvider Services => _services;

    public WorkflowJsonReader Reader => _services.GetRequiredService<WorkflowJsonReader>();

    public WorkflowLoader Loader => _services.GetRequiredService<WorkflowLoader>();

    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();

    public WorkflowDefinition Read(string json) => Reader.Read(json);

    public WorkflowBlueprint Load(string json) => Loader.Load(Read(json));

    /// <summary>Loads (asserting the workflow has no errors) and runs a workflow with the test's cancellation token.</summary>
    public Task<RunResult> RunAsync(string json, StartOptions? options = null) => RunWithTokenAsync(json, options, TestContext.Current.CancellationToken);

    public Task<RunResult> RunWithTokenAsync(string json, StartOptions? options, CancellationToken cancellationToken)
    {
        var blueprint = Load(json);
        blueprint.Problems.Where(p => p.IsError).ShouldBeEmpty();
        return Runner.StartAsync(blueprint, options, cancellationToken);
    }

    public void Dispose() => _services.Dispose();
}
