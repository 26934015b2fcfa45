namespace RulesEngine.Persistence.Mappings;

public sealed record MappingTableInfo(string Name, string? Description, int RowCount, DateTimeOffset UpdatedAt);
