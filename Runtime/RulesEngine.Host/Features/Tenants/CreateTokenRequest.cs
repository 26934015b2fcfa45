namespace RulesEngine.Host.Features.Tenants;

/// <summary>A new API token; the name says what uses it (e.g. "designer").</summary>
public sealed record CreateTokenRequest(string? Name);
