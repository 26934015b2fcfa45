namespace RulesEngine.Host.Features.Connections;

/// <summary>What a kind of connection accepts: its settings (non-secret) and its secrets.</summary>
internal sealed record ConnectionKind(string Name, IReadOnlyList<string> Settings, IReadOnlyList<string> Secrets)
{
    public const string SmartRecruiters = "smartrecruiters";
    public const string Http = "http";

    public static readonly IReadOnlyDictionary<string, ConnectionKind> All = new Dictionary<string, ConnectionKind>(StringComparer.Ordinal)
    {
        [SmartRecruiters] = new(SmartRecruiters, ["baseUrl", "companyIdentifier", "authMode", "clientId"], ["apiKey", "clientSecret", "webhookSecretKeys"]),
        [Http] = new(Http, ["baseUrl"], ["authHeaderName", "authHeaderValue"]),
    };
}
