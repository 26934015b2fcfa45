using System.Globalization;

namespace SmartRecruiters.Sandbox.RateLimiting;

/// <summary>The outcome of one admission; disposing it gives the in-flight slot back.</summary>
internal sealed class RateLimitLease(
    SandboxRateLimiter owner,
    string? totalKey,
    string? singleKey,
    bool allowed,
    int limit,
    int remaining,
    int concurrentLimit,
    int concurrentRemaining,
    int retryAfterSeconds,
    string? reason) : IDisposable
{
    private int _disposed;

    public bool Allowed => allowed;

    public int RetryAfterSeconds => retryAfterSeconds;

    public string? Reason => reason;

    public void WriteHeaders(IHeaderDictionary headers)
    {
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Concurrent-Limit"] = concurrentLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Concurrent-Remaining"] = concurrentRemaining.ToString(CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && (totalKey is not null || singleKey is not null))
        {
            owner.Release(totalKey, singleKey);
        }
    }
}
