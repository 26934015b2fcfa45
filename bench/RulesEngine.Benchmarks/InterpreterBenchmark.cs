using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;

namespace RulesEngine.Benchmarks;

/// <summary>Interpreter overhead: one run of a 1,000-activity SetVariable chain, in memory. Divide by 1,000 per activity.</summary>
[MemoryDiagnoser]
public class InterpreterBenchmark
{
    private ServiceProvider _services = null!;
    private WorkflowBlueprint _blueprint = null!;
    private WorkflowRunner _runner = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Workflows.CreateEngine();
        _blueprint = Workflows.Load(_services, Workflows.SetVariableChain(1_000));
        _runner = _services.GetRequiredService<WorkflowRunner>();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(OperationsPerInvoke = 1_000, Description = "per activity, 1,000 SetVariable chain")]
    public async Task<WorkflowStatus> RunChain() => (await _runner.StartAsync(_blueprint)).Status;
}
