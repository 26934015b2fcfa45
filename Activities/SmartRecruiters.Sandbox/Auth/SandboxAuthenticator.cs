using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SmartRecruiters.Sandbox.Auth;

/// <summary>Checks <c>X-SmartToken</c> against the configured key or a bearer token issued by the OAuth endpoint.</summary>
internal sealed class SandboxAuthenticator(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string ClientId, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>Returns a credential name (used to key rate limits and subscriptions), or null when unauthenticated.</summary>
    public string? Authenticate(HttpContext context)
    {
        var key = context.Request.Headers["X-SmartToken"].ToString();
        if (key.Length > 0)
        {
            return FixedEquals(key, options.Value.ApiKey) ? "key:" + Fingerprint(key) : null;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization["Bearer ".Length..].Trim();
            if (_tokens.TryGetValue(token, out var entry))
            {
                if (entry.Expires > time.GetUtcNow())
                {
                    return "oauth:" + entry.ClientId;
                }

                _tokens.TryRemove(token, out _);
            }
        }

        return null;
    }

    public bool ValidateClient(string? clientId, string? clientSecret) =>
        clientId is not null && clientSecret is not null
        && FixedEquals(clientId, options.Value.OAuthClientId)
        && FixedEquals(clientSecret, options.Value.OAuthClientSecret);

    public string IssueToken(string clientId)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = (clientId, time.GetUtcNow() + options.Value.TokenLifetime);
        return token;
    }

    public void Clear() => _tokens.Clear();

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    // The key itself never leaves this class (it would end up in state dumps as a subscription owner).
    private static string Fingerprint(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
}
