using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RulesEngine.Persistence.Connections;

namespace RulesEngine.Host.Features.Connections;

/// <summary>
/// Checks that a connection works with one harmless request: SmartRecruiters <c>GET /users/me</c> (after an OAuth token
/// request for OAuth clients), or a GET of a vendor endpoint's base URL. Messages never include secrets.
/// </summary>
internal sealed class ConnectionTester(IHttpClientFactory clients, ILogger<ConnectionTester> logger)
{
    public const string HttpClientName = "RulesEngine.ConnectionTest";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<ConnectionTestResult> TestAsync(ConnectionSecrets connection, CancellationToken cancellationToken)
    {
        var result = await RunAsync(connection, cancellationToken).ConfigureAwait(false);
        Log.ConnectionTested(logger, connection.TenantId, connection.Name, result.Ok);
        return result;
    }

    private async Task<ConnectionTestResult> RunAsync(ConnectionSecrets connection, CancellationToken cancellationToken)
    {
        if (!connection.Settings.TryGetValue("baseUrl", out var baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            return new ConnectionTestResult(false, "the connection has no valid baseUrl");
        }

        var client = clients.CreateClient(HttpClientName);
        try
        {
            return connection.Kind switch
            {
                ConnectionKind.SmartRecruiters => await TestSmartRecruitersAsync(client, connection, baseUri, cancellationToken).ConfigureAwait(false),
                ConnectionKind.Http => await TestHttpAsync(client, connection, baseUri, cancellationToken).ConfigureAwait(false),
                _ => new ConnectionTestResult(false, $"connections of kind '{connection.Kind}' cannot be tested"),
            };
        }
        catch (HttpRequestException ex)
        {
            return new ConnectionTestResult(false, $"could not reach {baseUri.Host}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ConnectionTestResult(false, $"{baseUri.Host} did not answer within {Timeout.TotalSeconds:0} seconds");
        }
    }

    private static async Task<ConnectionTestResult> TestSmartRecruitersAsync(HttpClient client, ConnectionSecrets connection, Uri baseUri, CancellationToken cancellationToken)
    {
        var oauth = string.Equals(connection.Settings.GetValueOrDefault("authMode"), "oauth", StringComparison.OrdinalIgnoreCase);
        using var request = new HttpRequestMessage(HttpMethod.Get, Combine(baseUri, "users/me"));
        if (oauth)
        {
            var token = await RequestOAuthTokenAsync(client, connection, baseUri, cancellationToken).ConfigureAwait(false);
            if (token.Error is not null)
            {
                return new ConnectionTestResult(false, token.Error);
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        }
        else
        {
            if (!connection.Secrets.TryGetValue("apiKey", out var apiKey) || string.IsNullOrEmpty(apiKey))
            {
                return new ConnectionTestResult(false, "no API key is stored");
            }

            request.Headers.TryAddWithoutValidation("X-SmartToken", apiKey);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ConnectionTestResult(false, oauth ? "the OAuth access token was rejected" : "the API key was rejected"),
            _ when response.IsSuccessStatusCode => new ConnectionTestResult(true, $"SmartRecruiters accepted the {(oauth ? "OAuth client" : "API key")}{await WhoAsync(response, cancellationToken).ConfigureAwait(false)}"),
            _ => new ConnectionTestResult(false, $"SmartRecruiters answered {(int)response.StatusCode} {response.ReasonPhrase}"),
        };
    }

    private static async Task<(string? AccessToken, string? Error)> RequestOAuthTokenAsync(HttpClient client, ConnectionSecrets connection, Uri baseUri, CancellationToken cancellationToken)
    {
        var clientId = connection.Settings.GetValueOrDefault("clientId");
        var clientSecret = connection.Secrets.GetValueOrDefault("clientSecret");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
        {
            return (null, "OAuth needs the clientId setting and the clientSecret secret");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await client.PostAsync(Combine(baseUri, "identity/oauth/token"), form, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            return (null, "the OAuth client credentials were rejected");
        }

        if (!response.IsSuccessStatusCode)
        {
            return (null, $"the OAuth token request answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return doc.RootElement.TryGetProperty("access_token", out var token) && token.GetString() is { Length: > 0 } value
                ? (value, null)
                : (null, "the OAuth token response had no access_token");
        }
        catch (JsonException)
        {
            return (null, "the OAuth token response was not JSON");
        }
    }

    private static async Task<ConnectionTestResult> TestHttpAsync(HttpClient client, ConnectionSecrets connection, Uri baseUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUri);
        if (connection.Secrets.TryGetValue("authHeaderName", out var name) && !string.IsNullOrEmpty(name)
            && connection.Secrets.TryGetValue("authHeaderValue", out var value))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? new ConnectionTestResult(true, $"{baseUri.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}")
            : new ConnectionTestResult(false, response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? $"{baseUri.Host} rejected the credentials ({(int)response.StatusCode})"
                : $"{baseUri.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}");
    }

    /// <summary>", connected as First Last" when /users/me says who; the test passes without it.</summary>
    private static async Task<string> WhoAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var root = doc.RootElement;
            var first = root.TryGetProperty("firstName", out var f) ? f.GetString() : null;
            var last = root.TryGetProperty("lastName", out var l) ? l.GetString() : null;
            var who = $"{first} {last}".Trim();
            return who.Length == 0 ? string.Empty : $", connected as {who}";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static Uri Combine(Uri baseUri, string relative) =>
        new(baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/"), relative);
}
