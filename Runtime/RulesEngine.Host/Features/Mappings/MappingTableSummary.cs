namespace RulesEngine.Host.Features.Mappings;

public sealed record MappingTableSummary(string Name, string? Description, int RowCount, DateTimeOffset UpdatedAt);
