namespace RulesEngine.Host.Features.Scripts;

public sealed record ScriptCheckResponse(IReadOnlyList<ScriptDiagnosticModel> Diagnostics);
