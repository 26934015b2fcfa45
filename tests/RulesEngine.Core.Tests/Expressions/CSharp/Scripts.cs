using RulesEngine.Core.Expressions;
using RulesEngine.Core.Expressions.CSharp;

namespace RulesEngine.Core.Tests.Expressions.CSharp;

/// <summary>Test-data helpers: build requests, compile, run.</summary>
internal static class Scripts
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static ScriptCompilationRequest Request(string code, Type? resultType = null, ScriptSymbol[]? variables = null, ScriptSymbol[]? inputs = null) =>
        new([new ScriptSource("a1", "value", code, resultType)], variables, inputs);

    public static CompiledScripts CompileOk(this CSharpScriptCompiler compiler, ScriptCompilationRequest request)
    {
        var compiled = compiler.Compile(request);
        compiled.Success.ShouldBeTrue(string.Join(Environment.NewLine, compiled.Diagnostics));
        return compiled;
    }

    public static object? Run(this CSharpScriptCompiler compiler, string code, IScriptContext? context = null, Type? resultType = null, ScriptSymbol[]? variables = null, ScriptSymbol[]? inputs = null)
    {
        var compiled = compiler.CompileOk(Request(code, resultType, variables, inputs));
        return compiled.Get("a1", "value")!.Evaluate(context ?? new TestScriptContext(), Budget);
    }

    /// <summary>The errors of a script that must not compile.</summary>
    public static IReadOnlyList<ScriptDiagnostic> Errors(this CSharpScriptCompiler compiler, string code)
    {
        var compiled = compiler.Compile(Request(code));
        compiled.Success.ShouldBeFalse();
        compiled.Get("a1", "value").ShouldBeNull();
        return compiled.Diagnostics.Where(d => d.IsError).ToList();
    }
}
