using BenchmarkDotNet.Running;
using RulesEngine.Benchmarks;

// `dotnet run -c Release -- once` prints the one-shot figures; `-- api` the list-endpoint latencies; anything else goes to BenchmarkDotNet's switcher
// (e.g. `-- --filter '*' --job short`).
if (args.Length > 0 && args[0] == "once")
{
    OneShotMeasurements.Run();
    return;
}

if (args.Length > 0 && args[0] == "api")
{
    await ApiListLatency.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(InterpreterBenchmark).Assembly).Run(args);
