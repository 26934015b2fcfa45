namespace RulesEngine.Persistence.Workflows;

/// <summary>What creating a workflow definition needs; the JSON becomes draft version 1.</summary>
public sealed record NewWorkflowDefinition(string DefinitionId, string Name, string? Description, string Json, string? SavedBy);
