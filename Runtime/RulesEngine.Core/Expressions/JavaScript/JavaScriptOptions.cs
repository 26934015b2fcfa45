namespace RulesEngine.Core.Expressions.JavaScript;

/// <summary>Limits of JavaScript expressions besides the engine's time budget (ExpressionEvaluationContext.Budget).</summary>
public sealed class JavaScriptOptions
{
    public const string SectionName = "RulesEngine:JavaScript";

    /// <summary>Most statements one evaluation may execute. <value>Default 10,000,000.</value></summary>
    [System.ComponentModel.DataAnnotations.Range(1_000, int.MaxValue)]
    public int MaxStatements { get; set; } = 10_000_000;

    /// <summary>Deepest call nesting (stops runaway recursion before the stack is exhausted). <value>Default 256.</value></summary>
    [System.ComponentModel.DataAnnotations.Range(16, 10_000)]
    public int MaxRecursionDepth { get; set; } = 256;

    /// <summary>Most memory one evaluation may allocate, in bytes. <value>Default 64 MB.</value></summary>
    [System.ComponentModel.DataAnnotations.Range(1_000_000, long.MaxValue)]
    public long MaxMemoryBytes { get; set; } = 64L * 1024 * 1024;
}
