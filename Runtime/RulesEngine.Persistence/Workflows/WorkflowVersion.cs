namespace RulesEngine.Persistence.Workflows;

/// <summary>One version of a workflow definition: the Elsa-shaped workflow JSON as saved by the designer.</summary>
public sealed class WorkflowVersion
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string Json { get; set; }

    public bool IsPublished { get; set; }

    public bool IsLatest { get; set; }

    /// <summary>Optimistic concurrency token: a save must present the stamp it read.</summary>
    public required string ConcurrencyStamp { get; set; }

    public string? SavedBy { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}
