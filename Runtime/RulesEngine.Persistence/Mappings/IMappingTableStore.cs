namespace RulesEngine.Persistence.Mappings;

public interface IMappingTableStore
{
    /// <summary>Creates the table or updates its description.</summary>
    Task<MappingTableInfo> UpsertTableAsync(string tenantId, string name, string? description, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MappingTableInfo>> ListTablesAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>All rows of one table (ordinal keys), or null when the table does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>?> GetRowsAsync(string tenantId, string table, CancellationToken cancellationToken = default);

    /// <summary>Every table of the tenant with its rows, as expressions read them (<c>Mappings["table"]["key"]</c>).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> LoadAllAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Sets one row (insert or update). Returns false when the table does not exist.</summary>
    Task<bool> SetRowAsync(string tenantId, string table, string key, string value, CancellationToken cancellationToken = default);

    Task<bool> DeleteRowAsync(string tenantId, string table, string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the table and its rows.</summary>
    Task<bool> DeleteTableAsync(string tenantId, string table, CancellationToken cancellationToken = default);

    /// <summary>
    /// Imports <c>key,value</c> CSV (RFC 4180 quoting; an optional <c>key,value</c> header line) into the table, creating it
    /// when missing. All or nothing: on any error nothing is written and the errors name their lines.
    /// With <paramref name="replaceExisting"/> the table's rows become exactly the file's; otherwise rows are merged.
    /// </summary>
    Task<CsvImportResult> ImportCsvAsync(string tenantId, string table, TextReader csv, bool replaceExisting, CancellationToken cancellationToken = default);
}
