using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using RulesEngine.Host.Features.Audit;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Mappings;

namespace RulesEngine.Host.Features.Mappings;

/// <summary>A tenant's key → value mapping tables (read by expressions as <c>Mappings["table"]["key"]</c>).</summary>
public static partial class MappingEndpoints
{
    public static IEndpointRouteBuilder MapMappingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenantId}/mappings").WithTags("Mappings").RequireTenantAccess()
            .AddEndpointFilter(HostEndpoints.RequireExistingTenant);
        group.MapGet("/", ListAsync).WithName("ListMappings").WithSummary("Tables with their row counts.");
        group.MapGet("/{name}", GetAsync).WithName("GetMapping").WithSummary("A table's rows.");
        group.MapPut("/{name}", PutAsync).WithName("PutMapping").WithSummary("Replaces a table's rows (creating the table), all or nothing.");
        group.MapPost("/{name}/import", ImportAsync).Accepts<string>("text/csv").WithName("ImportMapping")
            .WithSummary("Imports key,value CSV (replacing the rows, or merging with ?replace=false); errors name the line and nothing is stored.");
        group.MapDelete("/{name}", DeleteAsync).WithName("DeleteMapping").WithSummary("Deletes a table.");
        return app;
    }

    public static async Task<Ok<List<MappingTableSummary>>> ListAsync(string tenantId, IMappingTableStore store, CancellationToken cancellationToken)
    {
        var tables = await store.ListTablesAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(tables.Select(t => new MappingTableSummary(t.Name, t.Description, t.RowCount, t.UpdatedAt)).ToList());
    }

    public static async Task<Results<Ok<MappingTableModel>, ProblemHttpResult>> GetAsync(string tenantId, string name, IMappingTableStore store, CancellationToken cancellationToken)
    {
        var rows = await store.GetRowsAsync(tenantId, name, cancellationToken).ConfigureAwait(false);
        return rows is null ? MappingNotFound(name) : TypedResults.Ok(ToModel(name, rows));
    }

    public static async Task<Results<Ok<MappingTableModel>, ValidationProblem>> PutAsync(
        string tenantId, string name, PutMappingRequest request, IMappingTableStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NamePattern().IsMatch(name))
        {
            return InvalidName();
        }

        var rows = request.Rows ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i].Key?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                return HostEndpoints.Invalid($"rows[{i}].key", "the key is empty");
            }

            if (!seen.Add(key))
            {
                return HostEndpoints.Invalid($"rows[{i}].key", $"the key '{key}' appears more than once");
            }
        }

        // The CSV import is the store's one all-or-nothing replace, so the rows go through it (quoted, with a header line).
        var csv = new StringBuilder("key,value\n");
        foreach (var row in rows)
        {
            csv.Append(Quote(row.Key!.Trim())).Append(',').Append(Quote(row.Value ?? string.Empty)).Append('\n');
        }

        var result = await store.ImportCsvAsync(tenantId, name, new StringReader(csv.ToString()), replaceExisting: true, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Line n of the generated CSV is row n-2 (line 1 is the header).
            var first = result.Errors[0];
            return HostEndpoints.Invalid($"rows[{first.Line - 2}]", first.Message);
        }

        await audit.RecordAsync(tenantId, user, AuditActions.MappingChanged, name, new { rows = result.ImportedRows, source = "rows" }, cancellationToken).ConfigureAwait(false);
        var stored = await store.GetRowsAsync(tenantId, name, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();
        return TypedResults.Ok(ToModel(name, stored));
    }

    public static async Task<Results<Ok<MappingTableModel>, ValidationProblem>> ImportAsync(
        string tenantId, string name, bool? replace, HttpRequest request, IMappingTableStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!NamePattern().IsMatch(name))
        {
            return InvalidName();
        }

        var text = await HostEndpoints.ReadBodyTextAsync(request, cancellationToken).ConfigureAwait(false);
        var result = await store.ImportCsvAsync(tenantId, name, new StringReader(text), replace ?? true, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            var errors = result.Errors.GroupBy(e => $"line {e.Line}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(errors, detail: $"nothing was imported: {string.Join("; ", result.Errors)}", type: ProblemTypes.Validation);
        }

        await audit.RecordAsync(tenantId, user, AuditActions.MappingChanged, name, new { rows = result.ImportedRows, source = "csv", replace = replace ?? true }, cancellationToken).ConfigureAwait(false);
        var stored = await store.GetRowsAsync(tenantId, name, cancellationToken).ConfigureAwait(false) ?? new Dictionary<string, string>();
        return TypedResults.Ok(ToModel(name, stored));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string tenantId, string name, IMappingTableStore store, IAuditStore audit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!await store.DeleteTableAsync(tenantId, name, cancellationToken).ConfigureAwait(false))
        {
            return MappingNotFound(name);
        }

        await audit.RecordAsync(tenantId, user, AuditActions.MappingDeleted, name, null, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static MappingTableModel ToModel(string name, IReadOnlyDictionary<string, string> rows) =>
        new(name, rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new MappingRowModel(r.Key, r.Value)).ToList());

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim() ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;

    private static ProblemHttpResult MappingNotFound(string name) => HostEndpoints.NotFound($"mapping table '{name}' was not found");

    private static ValidationProblem InvalidName() => HostEndpoints.Invalid("name", "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
