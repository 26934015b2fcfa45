namespace RulesEngine.Host.Features.Auth;

/// <summary>Platform administration settings.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "RulesEngine:Auth";

    /// <summary>
    /// The platform admin bearer token (also read from the RULESENGINE_ADMIN_TOKEN environment variable). When empty,
    /// only tokens issued through the API are accepted. <value>Default: none.</value>
    /// </summary>
    public string? AdminToken { get; set; }
}
