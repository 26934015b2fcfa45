namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Everything compiled together: all scripts of one workflow version and the symbols they may use.
/// One request becomes one compilation and one collectible assembly.
/// </summary>
public sealed class ScriptCompilationRequest
{
    public ScriptCompilationRequest(IReadOnlyList<ScriptSource> scripts, IReadOnlyList<ScriptSymbol>? variables = null, IReadOnlyList<ScriptSymbol>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(scripts);
        Scripts = scripts;
        Variables = variables ?? [];
        Inputs = inputs ?? [];
    }

    public IReadOnlyList<ScriptSource> Scripts { get; }

    public IReadOnlyList<ScriptSymbol> Variables { get; }

    public IReadOnlyList<ScriptSymbol> Inputs { get; }
}
