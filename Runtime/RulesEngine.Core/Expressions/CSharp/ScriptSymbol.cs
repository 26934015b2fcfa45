namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>A workflow variable or input that scripts reach as a typed member (<c>Variables.Name</c>, <c>Input.Name</c>).</summary>
public sealed record ScriptSymbol(string Name, Type Type);
