namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>Runs per attempt (inside the retry loop): waits for the credential's limiter and counts answers.</summary>
internal sealed class RateLimitingHandler(CredentialRateLimiter? limiter, SmartRecruitersClientStatistics statistics, string basePath) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        var candidateSearch = request.Method == HttpMethod.Get && path.TrimEnd('/') == "/candidates";
        CredentialRateLimiter.Lease? lease = limiter is null ? null : await limiter.AcquireAsync(candidateSearch, cancellationToken).ConfigureAwait(false);
        statistics.Started();
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;

            // Read the body while holding the slot, so that "in flight" means the whole exchange, as the server counts it.
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            statistics.Finished(status);
            lease?.Dispose();
        }
    }
}
