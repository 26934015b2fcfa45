using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Mappings;

internal sealed class MappingTableStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time, IOptions<DatabaseOptions> options) : IMappingTableStore
{
    // Every run gets the tenant's tables: they are cached briefly (see DatabaseOptions.ReadCacheTimeToLive).
    private readonly ReadCache<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> _all = new(time, options.Value.ReadCacheTimeToLive);

    public Task<MappingTableInfo> UpsertTableAsync(string tenantId, string name, string? description, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => UpsertTableCoreAsync(tenantId, name, description, cancellationToken));

    private async Task<MappingTableInfo> UpsertTableCoreAsync(string tenantId, string name, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var table = await FindOrCreateAsync(db, tenantId, name, cancellationToken).ConfigureAwait(false);
        table.Description = description;
        table.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var count = await db.MappingRows.CountAsync(r => r.TableId == table.Id, cancellationToken).ConfigureAwait(false);
        return new MappingTableInfo(table.Name, table.Description, count, table.UpdatedAt);
    }

    public async Task<IReadOnlyList<MappingTableInfo>> ListTablesAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.MappingTables.AsNoTracking()
            .Where(t => t.TenantId == tenantId)
            .OrderBy(t => t.Name)
            .Select(t => new MappingTableInfo(t.Name, t.Description, t.Rows.Count, t.UpdatedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetRowsAsync(string tenantId, string table, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tableId = await TableIdAsync(db, tenantId, table, cancellationToken).ConfigureAwait(false);
        if (tableId is null)
        {
            return null;
        }

        var rows = await db.MappingRows.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.TableId == tableId.Value)
            .Select(r => new { r.Key, r.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> LoadAllAsync(string tenantId, CancellationToken cancellationToken = default)
        => (await _all.GetOrLoadAsync(tenantId, string.Empty, ct => LoadAllFromDatabaseAsync(tenantId, ct)!, cancellationToken).ConfigureAwait(false))!;

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> LoadAllFromDatabaseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tables = await db.MappingTables.AsNoTracking()
            .Where(t => t.TenantId == tenantId)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.MappingRows.AsNoTracking()
            .Where(r => r.TenantId == tenantId)
            .Select(r => new { r.TableId, r.Key, r.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byTable = rows.ToLookup(r => r.TableId);
        return tables.ToDictionary(
            t => t.Name,
            t => (IReadOnlyDictionary<string, string>)byTable[t.Id].ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public Task<bool> SetRowAsync(string tenantId, string table, string key, string value, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => SetRowCoreAsync(tenantId, table, key, value, cancellationToken));

    private async Task<bool> SetRowCoreAsync(string tenantId, string table, string key, string value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(value);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tableRow = await db.MappingTables.FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Name == table, cancellationToken).ConfigureAwait(false);
        if (tableRow is null)
        {
            return false;
        }

        var row = await db.MappingRows.FirstOrDefaultAsync(r => r.TableId == tableRow.Id && r.Key == key, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.MappingRows.Add(new MappingRow { TenantId = tenantId, TableId = tableRow.Id, Key = key, Value = value });
        }
        else
        {
            row.Value = value;
        }

        tableRow.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<bool> DeleteRowAsync(string tenantId, string table, string key, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => DeleteRowCoreAsync(tenantId, table, key, cancellationToken));

    private async Task<bool> DeleteRowCoreAsync(string tenantId, string table, string key, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tableId = await TableIdAsync(db, tenantId, table, cancellationToken).ConfigureAwait(false);
        return tableId is not null && await db.MappingRows
            .Where(r => r.TenantId == tenantId && r.TableId == tableId.Value && r.Key == key)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public Task<bool> DeleteTableAsync(string tenantId, string table, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => DeleteTableCoreAsync(tenantId, table, cancellationToken));

    private async Task<bool> DeleteTableCoreAsync(string tenantId, string table, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tableId = await TableIdAsync(db, tenantId, table, cancellationToken).ConfigureAwait(false);
        if (tableId is null)
        {
            return false;
        }

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.MappingRows.Where(r => r.TableId == tableId.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.MappingTables.Where(t => t.Id == tableId.Value).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public Task<CsvImportResult> ImportCsvAsync(string tenantId, string table, TextReader csv, bool replaceExisting, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => ImportCsvCoreAsync(tenantId, table, csv, replaceExisting, cancellationToken));

    private async Task<CsvImportResult> ImportCsvCoreAsync(string tenantId, string table, TextReader csv, bool replaceExisting, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentNullException.ThrowIfNull(csv);
        var (rows, errors) = await CsvKeyValueReader.ReadAsync(csv, RulesEngineDbContext.KeyLength, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new CsvImportResult(0, errors);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var tableRow = await FindOrCreateAsync(db, tenantId, table, cancellationToken).ConfigureAwait(false);
        tableRow.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        if (replaceExisting)
        {
            await db.MappingRows.Where(r => r.TableId == tableRow.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        var existing = replaceExisting
            ? []
            : await db.MappingRows.Where(r => r.TableId == tableRow.Id).ToDictionaryAsync(r => r.Key, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var (key, value) in rows)
        {
            if (existing.TryGetValue(key, out var row))
            {
                row.Value = value;
            }
            else
            {
                db.MappingRows.Add(new MappingRow { TenantId = tenantId, TableId = tableRow.Id, Key = key, Value = value });
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new CsvImportResult(rows.Count, []);
    }

    private static async Task<MappingTable> FindOrCreateAsync(RulesEngineDbContext db, string tenantId, string name, CancellationToken cancellationToken)
    {
        var table = await db.MappingTables.FirstOrDefaultAsync(t => t.TenantId == tenantId && t.Name == name, cancellationToken).ConfigureAwait(false);
        if (table is null)
        {
            table = new MappingTable { TenantId = tenantId, Name = name };
            db.MappingTables.Add(table);
        }

        return table;
    }

    private static async Task<long?> TableIdAsync(RulesEngineDbContext db, string tenantId, string name, CancellationToken cancellationToken)
        => await db.MappingTables
            .Where(t => t.TenantId == tenantId && t.Name == name)
            .Select(t => (long?)t.Id)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    private async Task<T> InvalidatingAsync<T>(string tenantId, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            // After the write (committed or not): a read that raced with it must not stay cached.
            _all.Invalidate(tenantId);
        }
    }
}
