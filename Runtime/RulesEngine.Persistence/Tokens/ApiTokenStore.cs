using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Tokens;

internal sealed class ApiTokenStore(IDbContextFactory<RulesEngineDbContext> factory, TimeProvider time, ILogger<ApiTokenStore> logger) : IApiTokenStore
{
    private const string TokenPrefix = "rek_";

    // Recording every use would turn each API call into a write; a minute's precision is enough for "last used".
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async Task<IssuedApiToken> IssueAsync(string? tenantId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var plaintext = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Ids.New(),
            TenantId = tenantId,
            Name = name,
            TokenHash = Hash(plaintext),
            Prefix = plaintext[..12],
            CreatedAt = time.GetUtcNow(),
        };

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        Log.TokenIssued(logger, token.Id, token.Prefix, tenantId);
        return new IssuedApiToken(token, plaintext);
    }

    public async Task<ApiToken?> ValidateAsync(string plaintext, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(plaintext))
        {
            return null;
        }

        var hash = Hash(plaintext);
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (token is null || token.RevokedAt is not null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (token.LastUsedAt is null || now - token.LastUsedAt.Value >= LastUsedPrecision)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return token;
    }

    public async Task<IReadOnlyList<ApiToken>> ListAsync(string? tenantId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TenantId == tenantId)
            .OrderBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RevokeAsync(string? tenantId, string tokenId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await db.ApiTokens
            .Where(t => t.Id == tokenId && t.TenantId == tenantId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken).ConfigureAwait(false);
        return updated > 0;
    }

    internal static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
