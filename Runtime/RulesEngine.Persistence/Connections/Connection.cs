namespace RulesEngine.Persistence.Connections;

/// <summary>A named set of credentials and settings for an external system (SmartRecruiters, HTTP endpoint, …).</summary>
public sealed class Connection
{
    public long Id { get; set; }

    public required string TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>For example <c>smartrecruiters</c> or <c>http</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Non-secret settings as a JSON object of strings.</summary>
    public required string SettingsJson { get; set; }

    /// <summary>Secret settings as a JSON object, protected with ASP.NET Core Data Protection; never returned by the public read API.</summary>
    public string? SecretsCipher { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
