using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Execution;

namespace RulesEngine.Benchmarks;

/// <summary>Loading a workflow with 50 C# expressions when its compilation is already cached (the warm path).</summary>
[MemoryDiagnoser]
public class CompileBenchmark
{
    private ServiceProvider _services = null!;
    private string _json = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = Workflows.CreateEngine();
        _json = Workflows.CSharpExpressions(50, "cached");
        Workflows.Load(_services, _json);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "load 50 C# expressions, cached compilation")]
    public bool LoadCached() => Workflows.Load(_services, _json).IsRunnable;
}
