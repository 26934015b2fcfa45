using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Limits, retries and timeouts of every SmartRecruiters client in the process.</summary>
public sealed class SmartRecruitersClientOptions
{
    public const string SectionName = "SmartRecruiters";

    /// <summary>Requests per second per credential (SmartRecruiters allows 10 per endpoint; we stay under it for all endpoints together).</summary>
    /// <value>Default 10.</value>
    [Range(1, 1000)]
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>
    /// Added to the one-second window (counted from the answer of the request N places earlier), for clock granularity.
    /// </summary>
    /// <value>Default 10 ms.</value>
    public TimeSpan RateWindowMargin { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Requests in flight per credential.</summary>
    /// <value>Default 8.</value>
    [Range(1, 100)]
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Requests in flight per credential for <c>GET /candidates</c>.</summary>
    /// <value>Default 1.</value>
    [Range(1, 100)]
    public int MaxConcurrentCandidateSearches { get; set; } = 1;

    /// <summary>Turn the client-side limiter off (only to show what the server does without it).</summary>
    /// <value>Default true.</value>
    public bool EnableRateLimiter { get; set; } = true;

    /// <summary>Retries after the first attempt on 408, 429, 5xx, network errors and attempt timeouts.</summary>
    /// <value>Default 5.</value>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff delay; doubles per attempt with jitter. A <c>Retry-After</c> header wins.</summary>
    /// <value>Default 500 ms.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single backoff delay.</summary>
    /// <value>Default 15 s.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout of one attempt.</summary>
    /// <value>Default 30 s.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Budget of one logical call including every retry and wait, so that a workflow never hangs.</summary>
    /// <value>Default 2 minutes.</value>
    public TimeSpan TotalRequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>An OAuth token is renewed this long before it expires.</summary>
    /// <value>Default 60 s.</value>
    public TimeSpan TokenRefreshSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Page size of list calls (SmartRecruiters' maximum is 100).</summary>
    /// <value>Default 100.</value>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Safety stop for pagination: more pages than this is treated as a server loop.</summary>
    /// <value>Default 10,000.</value>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 10_000;
}
