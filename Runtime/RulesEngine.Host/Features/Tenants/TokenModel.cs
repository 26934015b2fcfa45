namespace RulesEngine.Host.Features.Tenants;

/// <summary>A token as lists show it: never the token itself nor its hash, only its first characters.</summary>
public sealed record TokenModel(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);
