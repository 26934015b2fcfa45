using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.State;

/// <summary>
/// Writes rows of one of the tenant's mapping tables, e.g. to copy one job's stage mapping to a new job ("import
/// existing configuration"). All rows are written in one step; an empty value deletes the row.
/// </summary>
[Activity("RulesEngine.SetMapping", HasSideEffects = true, Category = "Rules", DisplayName = "Set mapping",
    Description = "Sets rows of a mapping table (creating the table) in one step; an empty value deletes the row.")]
public sealed class SetMapping(IMappingWriter writer) : Activity
{
    [Input(Description = "Mapping table name, e.g. hackajob-stages.", Required = true)]
    public Input<string> Table { get; set; } = new(string.Empty);

    [Input(Description = "Key of a single row to set (or use Rows).", DefaultSyntax = "CSharp")]
    public Input<string> Key { get; set; } = new(string.Empty);

    [Input(Description = "Value of that single row; empty deletes it.", DefaultSyntax = "CSharp")]
    public Input<string> Value { get; set; } = new(string.Empty);

    [Input(Description = "Several rows as a JSON object or dictionary {key: value}; an empty or null value deletes the row.", UiHint = UiHints.Json, DefaultSyntax = "CSharp")]
    public Input<object> Rows { get; set; } = new();

    [Output(Description = "How many rows were added, changed or deleted.")]
    public Output<int> Changed { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var table = context.Get(Table)?.Trim();
        if (string.IsNullOrEmpty(table))
        {
            throw new InvalidOperationException("input 'table' is empty: SetMapping needs the table to write");
        }

        var rows = ReadRows(context.Get(Rows));
        if (context.Get(Key)?.Trim() is { Length: > 0 } key)
        {
            rows[key] = context.Get(Value);
        }

        if (rows.Count == 0)
        {
            throw new InvalidOperationException("SetMapping has nothing to write: give 'key' (and 'value') or 'rows'");
        }

        context.Set(Changed, await writer.WriteAsync(context.TenantId, table, rows, cancellationToken).ConfigureAwait(false));
    }

    private static Dictionary<string, string?> ReadRows(object? value)
    {
        var node = value switch
        {
            null => null,
            string s when string.IsNullOrWhiteSpace(s) => null,
            string s => Parse(s),
            JsonNode n => n,
            _ => ValueConverter.ToNode(value),
        };
        if (node is null)
        {
            return new(StringComparer.Ordinal);
        }

        if (node is not JsonObject obj)
        {
            throw new InvalidOperationException("input 'rows' must be a JSON object of key → value");
        }

        var rows = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, item) in obj)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException("input 'rows' has an empty key");
            }

            rows[key.Trim()] = item switch
            {
                null => null,
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                _ => item.ToJsonString(),
            };
        }

        return rows;
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"input 'rows' is not valid JSON: {ex.Message}", ex);
        }
    }
}
