namespace RulesEngine.Persistence.Tokens;

public interface IApiTokenStore
{
    /// <summary>Issues a token for <paramref name="tenantId"/> (null: a platform token). The plaintext is returned once and never stored.</summary>
    Task<IssuedApiToken> IssueAsync(string? tenantId, string name, CancellationToken cancellationToken = default);

    /// <summary>Finds the live (not revoked) token whose SHA-256 matches <paramref name="plaintext"/>, and records its use.</summary>
    Task<ApiToken?> ValidateAsync(string plaintext, CancellationToken cancellationToken = default);

    /// <summary>Tokens of one tenant (null: platform tokens), without hashes' plaintext of course.</summary>
    Task<IReadOnlyList<ApiToken>> ListAsync(string? tenantId, CancellationToken cancellationToken = default);

    Task<bool> RevokeAsync(string? tenantId, string tokenId, CancellationToken cancellationToken = default);
}
