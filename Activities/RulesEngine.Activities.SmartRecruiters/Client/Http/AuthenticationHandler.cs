using System.Net;
using System.Net.Http.Headers;

namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>Adds <c>X-SmartToken</c>, or an OAuth bearer token (renewed once when the server says it is no longer valid).</summary>
internal sealed class AuthenticationHandler(string? apiKey, OAuthTokenSource? tokens) : DelegatingHandler
{
    public const string ApiKeyHeader = "X-SmartToken";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (tokens is null)
        {
            request.Headers.Remove(ApiKeyHeader);
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.TryAddWithoutValidation(ApiKeyHeader, apiKey);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token was revoked or expired early: renew it once; a second 401 is a real credential problem.
        response.Dispose();
        tokens.Invalidate(token);
        token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
