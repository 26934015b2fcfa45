namespace RulesEngine.Core.Expressions;

/// <summary>One mapping table: key → value. An unknown key reads as null.</summary>
public sealed class MappingTable(string name, IReadOnlyDictionary<string, string> rows)
{
    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string> Rows { get; } = rows;

    public string? this[string key] => key is not null && Rows.TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(string key) => Rows.ContainsKey(key);

    public int Count => Rows.Count;
}
