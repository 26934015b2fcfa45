namespace RulesEngine.Persistence.Tenants;

/// <summary>A customer of the platform; every other row belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    /// <summary>URL-safe slug (for example <c>acme</c>), used in routes and as the TenantId of every owned row.</summary>
    public required string Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
