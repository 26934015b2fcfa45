namespace RulesEngine.Host.Features.Scripts;

/// <summary>One finding, located by activity, input and line:column within the expression. Severity: error or warning.</summary>
public sealed record ScriptDiagnosticModel(string? ActivityId, string? InputName, int? Line, int? Column, string Severity, string Code, string Message);
