namespace RulesEngine.Host.Features.Workflows;

/// <summary>The version to copy into a new published version.</summary>
public sealed record RollbackRequest(int Version);
