namespace RulesEngine.Core.Model;

/// <summary>An activity input as stored in the workflow JSON: a type name and an expression.</summary>
public sealed record InputValue(string TypeName, Expression Expression);
