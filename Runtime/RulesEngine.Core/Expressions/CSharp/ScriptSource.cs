namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>One C# expression or statement body bound to an activity input.</summary>
/// <param name="ActivityId">The activity the script belongs to; diagnostics report it.</param>
/// <param name="InputName">The activity input the script computes.</param>
/// <param name="Code">The user's code: a single expression, or statements with <c>return</c>.</param>
/// <param name="ResultType">The input's type; the compiled delegate converts its result to it. Null means <see cref="object"/>.</param>
public sealed record ScriptSource(string ActivityId, string InputName, string Code, Type? ResultType = null);
