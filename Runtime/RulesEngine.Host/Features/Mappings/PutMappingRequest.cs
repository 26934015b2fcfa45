namespace RulesEngine.Host.Features.Mappings;

/// <summary>The table's new rows: they replace all stored rows.</summary>
public sealed record PutMappingRequest(List<MappingRowModel>? Rows);
