namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>One per credential: requests per second, requests in flight, and the single slot for candidate search.</summary>
internal sealed class CredentialRateLimiter
{
    private readonly SemaphoreSlim _inFlight;
    private readonly SemaphoreSlim _search;
    private readonly SlidingWindowGate _window;

    public CredentialRateLimiter(SmartRecruitersClientOptions options, TimeProvider time)
    {
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _search = new SemaphoreSlim(options.MaxConcurrentCandidateSearches, options.MaxConcurrentCandidateSearches);
        _window = new SlidingWindowGate(options.RequestsPerSecond, TimeSpan.FromSeconds(1) + options.RateWindowMargin, time);
    }

    /// <summary>
    /// Takes the concurrency slots first and the rate slot last, so that a request holding a rate slot is sent at once.
    /// </summary>
    public async ValueTask<Lease> AcquireAsync(bool candidateSearch, CancellationToken cancellationToken)
    {
        if (candidateSearch)
        {
            await _search.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            SlidingWindowGate.Entry entry;
            try
            {
                entry = await _window.EnterAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _inFlight.Release();
                throw;
            }

            return new Lease(this, candidateSearch, entry);
        }
        catch
        {
            if (candidateSearch)
            {
                _search.Release();
            }

            throw;
        }
    }

    internal readonly struct Lease(CredentialRateLimiter owner, bool candidateSearch, SlidingWindowGate.Entry entry) : IDisposable
    {
        public void Dispose()
        {
            entry.Finish();
            owner._inFlight.Release();
            if (candidateSearch)
            {
                owner._search.Release();
            }
        }
    }
}
