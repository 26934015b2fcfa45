// Temporary stand-ins until the C# compiler branch is merged; deleted at merge.
namespace RulesEngine.Core.Expressions.CSharp;

public delegate object? CompiledScript(IScriptContext context);

public sealed record ScriptSource(string ActivityId, string InputName, string Code, Type? ResultType = null);

public sealed record ScriptSymbol(string Name, Type Type);

public sealed record ScriptDiagnostic(string ActivityId, string InputName, int Line, int Column, string Severity, string Code, string Message)
{
    public bool IsError => Severity == "error";
}

public sealed class ScriptCompilationRequest(IReadOnlyList<ScriptSource> scripts, IReadOnlyList<ScriptSymbol>? variables = null, IReadOnlyList<ScriptSymbol>? inputs = null)
{
    public IReadOnlyList<ScriptSource> Scripts { get; } = scripts;

    public IReadOnlyList<ScriptSymbol> Variables { get; } = variables ?? [];

    public IReadOnlyList<ScriptSymbol> Inputs { get; } = inputs ?? [];
}

public sealed class CompiledScripts
{
    public bool Success => true;

    public IReadOnlyList<ScriptDiagnostic> Diagnostics => [];

    public CompiledScript? Get(string activityId, string inputName) => null;
}

public sealed class CSharpScriptOptions
{
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class CSharpScriptCompiler(CSharpScriptOptions? options = null)
{
    public CSharpScriptOptions Options { get; } = options ?? new();

    public CompiledScripts Compile(ScriptCompilationRequest request) => new();
}

public static class CompiledScriptExtensions
{
    public static object? Evaluate(this CompiledScript script, IScriptContext context, TimeSpan budget) => script(context);
}
