using System.Security.Cryptography;
using System.Text;

namespace RulesEngine.Activities.SmartRecruiters.Connections;

/// <summary>
/// How to reach one tenant's SmartRecruiters account: base URL, an API key or an OAuth client, the public company
/// identifier and the webhook secret keys. <see cref="ToString"/> never prints a secret.
/// </summary>
public sealed class SmartRecruitersConnection
{
    public const string DefaultBaseUrl = "https://api.smartrecruiters.com";

    /// <summary>API root, e.g. <c>https://api.smartrecruiters.com</c> or a sandbox URL (a base path is kept).</summary>
    public string BaseUrl { get; init; } = DefaultBaseUrl;

    /// <summary>Sent as <c>X-SmartToken</c>; when set it wins over the OAuth client.</summary>
    public string? ApiKey { get; init; }

    /// <summary>OAuth client-credentials client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>OAuth client-credentials client secret.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Public company identifier for the postings API (case-sensitive).</summary>
    public string? CompanyIdentifier { get; init; }

    /// <summary>Secret keys that may have signed webhook deliveries (old keys stay valid for a day after rotation).</summary>
    public IReadOnlyList<string> WebhookSecretKeys { get; init; } = [];

    /// <summary>True when an OAuth client (and no API key) is configured.</summary>
    public bool UsesOAuth => string.IsNullOrEmpty(ApiKey) && !string.IsNullOrEmpty(ClientId) && !string.IsNullOrEmpty(ClientSecret);

    /// <summary>True when the connection carries a credential at all.</summary>
    public bool HasCredential => !string.IsNullOrEmpty(ApiKey) || UsesOAuth;

    /// <summary>
    /// A non-reversible fingerprint of the credential: it keys client and limiter caches, so that two workflows with the
    /// same credential share one limiter, without keeping the secret itself as a dictionary key.
    /// </summary>
    public string CredentialFingerprint
    {
        get
        {
            var material = !string.IsNullOrEmpty(ApiKey) ? "key:" + ApiKey
                : UsesOAuth ? "oauth:" + ClientId + ":" + ClientSecret
                : "anonymous";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..16];
        }
    }

    /// <summary>The base URL with a trailing slash, as HttpClient.BaseAddress wants it.</summary>
    internal Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public override string ToString()
    {
        var auth = !string.IsNullOrEmpty(ApiKey) ? "ApiKey=***" : UsesOAuth ? $"ClientId={ClientId}, ClientSecret=***" : "no credential";
        return $"SmartRecruitersConnection {{ BaseUrl = {BaseUrl}, {auth}, CompanyIdentifier = {CompanyIdentifier}, WebhookSecretKeys = {WebhookSecretKeys.Count} }}";
    }
}
