using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Connections;

internal sealed class ConnectionStore(
    IDbContextFactory<RulesEngineDbContext> factory,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    IOptions<DatabaseOptions> options) : IConnectionStore, IConnectionSecretsReader
{
    // Runs resolve their connections on every call: decrypted connections are cached briefly (see DatabaseOptions.ReadCacheTimeToLive).
    private readonly ReadCache<ConnectionSecrets> _secrets = new(time, options.Value.ReadCacheTimeToLive);

    private const string Purpose = "RulesEngine.Connections.v1";

    public Task<ConnectionInfo> UpsertAsync(string tenantId, string name, ConnectionUpdate update, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => UpsertCoreAsync(tenantId, name, update, cancellationToken));

    private async Task<ConnectionInfo> UpsertCoreAsync(string tenantId, string name, ConnectionUpdate update, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentException.ThrowIfNullOrWhiteSpace(update.Kind);

        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var row = await db.Connections.FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == name, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new Connection { TenantId = tenantId, Name = name, Kind = update.Kind, SettingsJson = "{}", CreatedAt = now };
                db.Connections.Add(row);
            }

            row.Kind = update.Kind;
            row.SettingsJson = JsonSerializer.Serialize(update.Settings);
            row.UpdatedAt = now;
            if (update.Secrets is not null)
            {
                var secrets = Decrypt(tenantId, row.SecretsCipher);
                foreach (var (key, value) in update.Secrets)
                {
                    if (value is null)
                    {
                        secrets.Remove(key);
                    }
                    else
                    {
                        secrets[key] = value;
                    }
                }

                row.SecretsCipher = secrets.Count == 0 ? null : Protector(tenantId).Protect(JsonSerializer.Serialize(secrets));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return ToInfo(row);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another writer created the same connection between our read and insert; merge into theirs.
            }
        }
    }

    public async Task<ConnectionInfo?> GetAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Connections.AsNoTracking()
            .FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == name, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToInfo(row);
    }

    public async Task<IReadOnlyList<ConnectionInfo>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Connections.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToInfo);
    }

    public Task<bool> DeleteAsync(string tenantId, string name, CancellationToken cancellationToken = default)
        => InvalidatingAsync(tenantId, () => DeleteCoreAsync(tenantId, name, cancellationToken));

    private async Task<bool> DeleteCoreAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Connections.Where(c => c.TenantId == tenantId && c.Name == name)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    async Task<ConnectionSecrets?> IConnectionSecretsReader.GetAsync(string tenantId, string name, CancellationToken cancellationToken)
        => await _secrets.GetOrLoadAsync(tenantId, name, ct => LoadSecretsAsync(tenantId, name, ct), cancellationToken).ConfigureAwait(false);

    private async Task<ConnectionSecrets?> LoadSecretsAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Connections.AsNoTracking()
            .FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == name, cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new ConnectionSecrets(row.TenantId, row.Name, row.Kind, ReadSettings(row.SettingsJson), Decrypt(tenantId, row.SecretsCipher));
    }

    // The tenant is part of the purpose, so a cipher copied into another tenant's row does not decrypt there.
    private IDataProtector Protector(string tenantId) => dataProtection.CreateProtector(Purpose, tenantId);

    private Dictionary<string, string> Decrypt(string tenantId, string? cipher)
        => cipher is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : JsonSerializer.Deserialize<Dictionary<string, string>>(Protector(tenantId).Unprotect(cipher)) ?? [];

    private ConnectionInfo ToInfo(Connection row)
    {
        var secretNames = row.SecretsCipher is null
            ? new Dictionary<string, string>()
            : Decrypt(row.TenantId, row.SecretsCipher).Keys.ToDictionary(k => k, _ => ConnectionInfo.Mask);
        return new ConnectionInfo(row.TenantId, row.Name, row.Kind, ReadSettings(row.SettingsJson), secretNames, row.UpdatedAt);
    }

    private static Dictionary<string, string> ReadSettings(string json)
        => JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private async Task<T> InvalidatingAsync<T>(string tenantId, Func<Task<T>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        finally
        {
            // After the write (committed or not): a read that raced with it must not stay cached.
            _secrets.Invalidate(tenantId);
        }
    }
}
