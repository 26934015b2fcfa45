using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Benchmarks;

/// <summary>
/// What BenchmarkDotNet cannot measure because it repeats: the cold compile of the first workflow in a fresh process,
/// and managed memory growth over 1,000 compile-and-retire cycles of different workflow versions.
/// </summary>
internal static class OneShotMeasurements
{
    public static void Run()
    {
        using var services = Workflows.CreateEngine();
        var sw = Stopwatch.StartNew();
        var blueprint = Workflows.Load(services, Workflows.CSharpExpressions(50, "cold"));
        sw.Stop();
        Console.WriteLine($"cold compile, 50 C# expressions (first in process): {sw.Elapsed.TotalMilliseconds:F0} ms, runnable={blueprint.IsRunnable}");

        var compiler = services.GetRequiredService<CSharpScriptCompiler>();
        for (var i = 0; i < 20; i++)
        {
            Workflows.Load(services, Workflows.CSharpExpressions(50, "warm" + i));
        }

        sw.Restart();
        Workflows.Load(services, Workflows.CSharpExpressions(50, "second"));
        Console.WriteLine($"warm compile of a new version, 50 C# expressions: {sw.Elapsed.TotalMilliseconds:F0} ms");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        for (var i = 0; i < 1_000; i++)
        {
            var request = new ScriptCompilationRequest(
                [new ScriptSource("a", "text", $"\"v{i}\" + (Variables.X + {i})", typeof(string))],
                [new ScriptSymbol("X", typeof(int))]);
            using var compiled = compiler.Compile(request);
        }

        sw.Stop();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"1,000 compile-and-retire cycles: {sw.Elapsed.TotalSeconds:F1} s, managed memory {before / 1048576.0:F1} MB -> {after / 1048576.0:F1} MB (growth {(after - before) / 1048576.0:F1} MB)");
    }
}
