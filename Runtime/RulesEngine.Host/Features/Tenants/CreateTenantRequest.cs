namespace RulesEngine.Host.Features.Tenants;

/// <summary>A new tenant: a URL-safe slug id (lower-case letters, digits, '-') and a display name.</summary>
public sealed record CreateTenantRequest(string? Id, string? Name);
