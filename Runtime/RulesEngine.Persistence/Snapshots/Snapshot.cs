namespace RulesEngine.Persistence.Snapshots;

/// <summary>The last seen state of something, for change detection.</summary>
public sealed class Snapshot
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Scope { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
