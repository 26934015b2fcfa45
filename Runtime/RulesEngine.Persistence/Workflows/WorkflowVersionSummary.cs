namespace RulesEngine.Persistence.Workflows;

/// <summary>A version without its JSON, for version lists.</summary>
public sealed record WorkflowVersionSummary(
    string DefinitionId,
    int Version,
    bool IsPublished,
    bool IsLatest,
    string ConcurrencyStamp,
    string? SavedBy,
    DateTimeOffset SavedAt,
    DateTimeOffset? PublishedAt);
