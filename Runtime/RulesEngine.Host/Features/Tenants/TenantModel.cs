namespace RulesEngine.Host.Features.Tenants;

public sealed record TenantModel(string Id, string Name, DateTimeOffset CreatedAt);
