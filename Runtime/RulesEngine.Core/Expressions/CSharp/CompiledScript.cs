namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// A compiled script, ready to run. Calling it directly runs without a time budget; the engine calls
/// <see cref="CompiledScriptExtensions.Evaluate"/> so that runaway loops are stopped.
/// </summary>
public delegate object? CompiledScript(IScriptContext context);
