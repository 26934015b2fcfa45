namespace RulesEngine.Host.Features.Mappings;

public sealed record MappingRowModel(string? Key, string? Value);
