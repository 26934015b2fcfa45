namespace RulesEngine.Host.Features.Mappings;

/// <summary>A mapping table with its rows, ordered by key.</summary>
public sealed record MappingTableModel(string Name, IReadOnlyList<MappingRowModel> Rows);
