namespace RulesEngine.Persistence.Workflows;

/// <summary>The header of a workflow: its identity and which versions are latest and published.</summary>
public sealed class WorkflowDefinition
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string DefinitionId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public int LatestVersion { get; set; }

    public int? PublishedVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changes on every write, so that two concurrent writers of one definition cannot both win.</summary>
    public required string ConcurrencyStamp { get; set; }
}
