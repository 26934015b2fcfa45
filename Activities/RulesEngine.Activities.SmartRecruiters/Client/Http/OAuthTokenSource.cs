using System.Text.Json.Nodes;

namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>
/// Client-credentials token for one OAuth client: fetched once, shared by every caller, renewed before it expires.
/// One caller fetches while the others wait on the same semaphore.
/// </summary>
internal sealed class OAuthTokenSource(HttpMessageInvoker http, Uri tokenUri, string clientId, string clientSecret, TimeProvider time, TimeSpan refreshSkew) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private long _renewAtUtcTicks;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = Volatile.Read(ref _token);
        if (token is not null && Fresh())
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && Fresh())
            {
                return _token;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUri)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = clientId,
                    ["client_secret"] = clientSecret,
                }),
            };
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw ErrorTranslationHandler.ToException(response.StatusCode, "POST", tokenUri.AbsolutePath, body, null);
            }

            var json = JsonNode.Parse(body) as JsonObject;
            var accessToken = json?["access_token"]?.GetValue<string>()
                ?? throw new SmartRecruitersApiException(response.StatusCode, "POST", tokenUri.AbsolutePath, "The token response had no access_token.", []);
            var lifetime = TimeSpan.FromSeconds(json["expires_in"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : 1800);
            var skew = refreshSkew < lifetime / 2 ? refreshSkew : lifetime / 2;
            Interlocked.Exchange(ref _renewAtUtcTicks, (time.GetUtcNow() + lifetime - skew).UtcTicks);
            Volatile.Write(ref _token, accessToken);
            return accessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool Fresh() => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _renewAtUtcTicks);

    public void Invalidate(string token) => Interlocked.CompareExchange(ref _token, null, token);

    public void Dispose() => _gate.Dispose();
}
