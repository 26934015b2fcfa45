namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>Runs compiled scripts under a time budget.</summary>
public static class CompiledScriptExtensions
{
    /// <summary>
    /// Runs <paramref name="script"/> on the calling thread with <paramref name="budget"/> as its deadline.
    /// Throws <see cref="ScriptTimeoutException"/> when the budget runs out and <see cref="ScriptRecursionException"/>
    /// when recursion nearly exhausts the stack; any other exception comes from the user's code.
    /// </summary>
    public static object? Evaluate(this CompiledScript script, IScriptContext context, TimeSpan budget)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(context);
        var saved = ScriptBudget.Begin(budget);
        try
        {
            var result = script(context);
            ScriptBudget.ThrowIfExpired();
            return result;
        }
        finally
        {
            ScriptBudget.End(saved);
        }
    }
}
