using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Refit;
using RulesEngine.Activities.SmartRecruiters.Client.Http;
using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>
/// Builds and caches clients keyed by base URL + credential fingerprint. The handler chain, outermost first:
/// error translation → origin header → resilience (total timeout, retry with jittered backoff honouring Retry-After,
/// attempt timeout) → limiter (per attempt) → authentication → one shared socket handler.
/// </summary>
internal sealed class SmartRecruitersClientFactory : ISmartRecruitersClientFactory, IDisposable
{
    private static readonly RefitSettings Settings = CreateSettings();

    private readonly ConcurrentDictionary<string, Lazy<SmartRecruitersClient>> _clients = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _sockets = new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 };
    private readonly List<IDisposable> _owned = [];
    private readonly SmartRecruitersClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SmartRecruitersClientFactory(IOptions<SmartRecruitersClientOptions> options, TimeProvider time, ILogger<SmartRecruitersClientFactory> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public ISmartRecruitersClient GetClient(SmartRecruitersConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var key = connection.BaseUri.AbsoluteUri + "|" + connection.CredentialFingerprint;
        return _clients.GetOrAdd(key, _ => new Lazy<SmartRecruitersClient>(() => Create(connection))).Value;
    }

    private SmartRecruitersClient Create(SmartRecruitersConnection connection)
    {
        var baseUri = connection.BaseUri;
        var basePath = baseUri.AbsolutePath.TrimEnd('/');
        var statistics = new SmartRecruitersClientStatistics();
        OAuthTokenSource? tokens = null;
        if (connection.UsesOAuth)
        {
            tokens = new OAuthTokenSource(new HttpMessageInvoker(_sockets, disposeHandler: false), new Uri(baseUri, "identity/oauth/token"),
                connection.ClientId!, connection.ClientSecret!, _time, _options.TokenRefreshSkew);
            lock (_owned)
            {
                _owned.Add(tokens);
            }
        }

        var limiter = _options.EnableRateLimiter ? new CredentialRateLimiter(_options, _time) : null;
        var authenticated = Chain(
            new ErrorTranslationHandler(),
            new OriginHeaderHandler(),
            new ResilienceHandler(BuildPipeline(connection)),
            new RateLimitingHandler(limiter, statistics, basePath),
            new AuthenticationHandler(connection.ApiKey, tokens));
        // Public postings go without a credential, under a limiter of their own so a detail-per-posting loop cannot burst.
        var anonymous = Chain(
            new ErrorTranslationHandler(),
            new ResilienceHandler(BuildPipeline(connection)),
            new RateLimitingHandler(_options.EnableRateLimiter ? new CredentialRateLimiter(_options, _time) : null, statistics, basePath));

        var http = new HttpClient(authenticated, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        var publicHttp = new HttpClient(anonymous, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
        var download = new HttpClient(Chain(new ErrorTranslationHandler(), new ResilienceHandler(BuildPipeline(connection))), disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        lock (_owned)
        {
            _owned.Add(http);
            _owned.Add(publicHttp);
            _owned.Add(download);
        }

        Log.ClientCreated(_logger, baseUri.GetLeftPart(UriPartial.Authority) + basePath, connection.UsesOAuth ? "oauth" : "api-key", connection.CredentialFingerprint);
        return new SmartRecruitersClient(
            connection,
            RestService.For<ISmartRecruitersJobsApi>(http, Settings),
            RestService.For<ISmartRecruitersCandidatesApi>(http, Settings),
            RestService.For<ISmartRecruitersPostingsApi>(publicHttp, Settings),
            RestService.For<ISmartRecruitersWebhooksApi>(http, Settings),
            statistics,
            _options,
            download);
    }

    private HttpMessageHandler Chain(params DelegatingHandler[] handlers)
    {
        for (var i = 0; i < handlers.Length - 1; i++)
        {
            handlers[i].InnerHandler = handlers[i + 1];
        }

        handlers[^1].InnerHandler = _sockets;
        return handlers[0];
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(SmartRecruitersConnection connection)
    {
        var o = _options;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        builder.AddTimeout(o.TotalRequestTimeout);
        if (o.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                ShouldRetryAfterHeader = true,
                OnRetry = args =>
                {
                    Log.Retrying(_logger, connection.CredentialFingerprint, args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.Outcome.Exception?.GetType().Name, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddTimeout(o.AttemptTimeout);
        return builder.Build();
    }

    private static RefitSettings CreateSettings()
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        }));

        // Our handlers already turned errors into SmartRecruitersApiException: surface it as it is, not wrapped by Refit.
        settings.TransportExceptionFactory = (request, exception, cancellationToken) => exception switch
        {
            SmartRecruitersApiException => exception,
            OperationCanceledException when cancellationToken.IsCancellationRequested => exception,
            _ => new ApiRequestException(request, request.Method, settings, exception),
        };
        return settings;
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var d in _owned)
            {
                d.Dispose();
            }

            _owned.Clear();
        }

        _sockets.Dispose();
    }
}
