namespace RulesEngine.Activities.Http;

/// <summary>A vendor endpoint: base URL and an optional auth header (the value is a secret: never log it).</summary>
public sealed record HttpConnection(Uri BaseUrl, string? AuthHeaderName, string? AuthHeaderValue)
{
    public override string ToString() => $"{BaseUrl} ({(AuthHeaderName is null ? "no auth header" : AuthHeaderName + ": ***")})";
}
