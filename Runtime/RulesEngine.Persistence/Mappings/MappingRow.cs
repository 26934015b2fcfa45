namespace RulesEngine.Persistence.Mappings;

public sealed class MappingRow
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public long TableId { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
