namespace RulesEngine.Host.Features.Workflows;

/// <summary>One stored item of an import: the draft version it became, and its report.</summary>
public sealed record ImportedWorkflow(string DefinitionId, int Version, ImportReport Report);
