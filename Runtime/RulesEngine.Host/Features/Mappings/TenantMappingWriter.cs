using System.Text;
using RulesEngine.Activities.State;
using RulesEngine.Persistence.Mappings;

namespace RulesEngine.Host.Features.Mappings;

/// <summary>
/// <c>RulesEngine.SetMapping</c>'s writes into the tenant's mapping tables: the new rows are merged with the current ones
/// and stored through the CSV import, the store's one all-or-nothing replace, so a half-copied mapping never exists.
/// </summary>
internal sealed class TenantMappingWriter(IMappingTableStore store) : IMappingWriter
{
    public async ValueTask<int> WriteAsync(string tenantId, string table, IReadOnlyDictionary<string, string?> rows, CancellationToken cancellationToken)
    {
        var current = await store.GetRowsAsync(tenantId, table, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();
        var next = new Dictionary<string, string>(current, StringComparer.Ordinal);
        var changed = 0;
        foreach (var (key, value) in rows)
        {
            if (string.IsNullOrEmpty(value))
            {
                changed += next.Remove(key) ? 1 : 0;
            }
            else if (!next.TryGetValue(key, out var old) || old != value)
            {
                next[key] = value;
                changed++;
            }
        }

        if (changed == 0 && current.Count > 0)
        {
            return 0;
        }

        var csv = new StringBuilder("key,value\n");
        foreach (var (key, value) in next)
        {
            csv.Append(Quote(key)).Append(',').Append(Quote(value)).Append('\n');
        }

        var result = await store.ImportCsvAsync(tenantId, table, new StringReader(csv.ToString()), replaceExisting: true, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"mapping table '{table}' was not written: {string.Join("; ", result.Errors)}");
        }

        return changed;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
