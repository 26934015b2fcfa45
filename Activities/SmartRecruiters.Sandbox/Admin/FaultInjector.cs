using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.Http;

namespace SmartRecruiters.Sandbox.Admin;

/// <summary>Faults set through <c>POST _sandbox/faults</c>; they hit API endpoints only, never admin or vendor ones.</summary>
internal sealed class FaultInjector(IOptions<SandboxOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Random _random = new(options.Value.FaultRandomSeed);
    private FaultSettings _settings = new();
    private int _remaining429;

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return _settings with { TooManyRequestsBurst = _remaining429 };
            }
        }
    }

    public void Set(FaultSettings settings)
    {
        lock (_gate)
        {
            _settings = settings;
            _remaining429 = settings.TooManyRequestsBurst;
            _random = new Random(options.Value.FaultRandomSeed);
        }
    }

    public void Clear() => Set(new FaultSettings());

    public async Task<IResult?> ApplyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        bool burst, error;
        int latency;
        lock (_gate)
        {
            latency = _settings.LatencyMs;
            burst = _remaining429 > 0;
            if (burst)
            {
                _remaining429--;
            }

            error = !burst && _settings.ErrorRatio > 0 && _random.NextDouble() < _settings.ErrorRatio;
        }

        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellationToken);
        }

        if (burst)
        {
            context.Response.Headers.RetryAfter = "1";
            return ApiErrors.Error(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS", "Rate limit exceeded (injected).");
        }

        return error ? ApiErrors.Error(_settings.ErrorStatus, "INTERNAL_ERROR", "Injected server error.") : null;
    }
}
