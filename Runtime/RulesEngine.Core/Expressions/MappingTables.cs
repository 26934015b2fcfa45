namespace RulesEngine.Core.Expressions;

/// <summary>
/// A tenant's mapping tables as scripts see them: <c>Mappings["jobs"]["hj-123"]</c>. A missing table or key
/// yields an empty table or null rather than an exception, so mapping rules read naturally.
/// </summary>
public sealed class MappingTables
{
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _tables;

    public static MappingTables Empty { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, string>>());

    public MappingTables(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables) => _tables = tables;

    public MappingTable this[string table] =>
        _tables.TryGetValue(table, out var rows) ? new MappingTable(table, rows) : new MappingTable(table, new Dictionary<string, string>());

    public IEnumerable<string> Names => _tables.Keys;

    public bool Contains(string table) => _tables.ContainsKey(table);
}
