namespace RulesEngine.Persistence.Tokens;

/// <summary>A bearer token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public required string Id { get; set; }

    /// <summary>Null for platform (super-admin) tokens.</summary>
    public string? TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the plaintext token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, shown in lists so users can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
