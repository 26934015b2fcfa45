using BenchmarkDotNet.Attributes;
using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Benchmarks;

/// <summary>One evaluation of an already compiled C# expression, with the time budget armed as the engine does.</summary>
[MemoryDiagnoser]
public class ExpressionBenchmark
{
    private CompiledScript _script = null!;
    private BenchScriptContext _context = null!;
    private CSharpScriptCompiler _compiler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compiler = new CSharpScriptCompiler();
        var compiled = _compiler.Compile(new ScriptCompilationRequest(
            [new ScriptSource("a1", "value", "Variables.X + 1", typeof(int))],
            [new ScriptSymbol("X", typeof(int))]));
        _script = compiled.Get("a1", "value") ?? throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
        _context = new BenchScriptContext();
    }

    [Benchmark(Description = "Variables.X + 1")]
    public object? Evaluate() => _script.Evaluate(_context, TimeSpan.FromSeconds(2));
}
