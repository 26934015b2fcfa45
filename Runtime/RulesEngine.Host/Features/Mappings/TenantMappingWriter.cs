using System.Text;
using System.Text.Json;
using RulesEngine.Activities.State;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Mappings;

namespace RulesEngine.Host.Features.Mappings;

/// <summary>
/// <c>RulesEngine.SetMapping</c>'s writes into the tenant's mapping tables: the new rows are merged with the current ones
/// and stored through the CSV import, the store's one all-or-nothing replace, so a half-copied mapping never exists.
/// Each write that changes rows is audited like an edit through the API, with a workflow as the actor.
/// </summary>
internal sealed class TenantMappingWriter(IMappingTableStore store, IAuditStore audit) : IMappingWriter
{
    /// <summary>The audit actor of mapping writes made by a running workflow (no token is behind them).</summary>
    public const string WorkflowActor = "workflow (RulesEngine.SetMapping)";

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

        var details = JsonSerializer.Serialize(new { rows = result.ImportedRows, changed, source = "workflow" }, JsonSerializerOptions.Web);
        await audit.AppendAsync(tenantId, WorkflowActor, AuditActions.MappingChanged, table, details, cancellationToken).ConfigureAwait(false);
        return changed;
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
