using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using RulesEngine.Benchmarks.SmartRecruiters;

// Default: the two end-to-end load scenarios (real HTTP on loopback). --micro: BenchmarkDotNet micro benchmarks, run
// in-process because the generated project would not carry this project's package version override.
if (args.Contains("--micro"))
{
    var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    BenchmarkSwitcher.FromAssembly(typeof(SignatureBenchmarks).Assembly).Run([.. args.Where(a => a != "--micro")], config);
    return 0;
}

return await LoadScenarios.RunAsync(Console.Out, CancellationToken.None);
