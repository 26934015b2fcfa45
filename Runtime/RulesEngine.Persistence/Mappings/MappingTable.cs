namespace RulesEngine.Persistence.Mappings;

/// <summary>A tenant's key → value lookup table, used by expressions as <c>Mappings["table"]["key"]</c>.</summary>
public sealed class MappingTable
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<MappingRow> Rows { get; set; } = [];
}
