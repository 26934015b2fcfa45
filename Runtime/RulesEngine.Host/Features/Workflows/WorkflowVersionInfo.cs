namespace RulesEngine.Host.Features.Workflows;

/// <summary>A version in the version list (without its JSON).</summary>
public sealed record WorkflowVersionInfo(int Version, bool IsPublished, bool IsLatest, string? SavedBy, DateTimeOffset SavedAt, DateTimeOffset? PublishedAt);
