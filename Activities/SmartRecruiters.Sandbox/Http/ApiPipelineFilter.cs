using SmartRecruiters.Sandbox.Admin;
using SmartRecruiters.Sandbox.Auth;
using SmartRecruiters.Sandbox.RateLimiting;

namespace SmartRecruiters.Sandbox.Http;

/// <summary>
/// What the real API gateway does before a handler runs: authenticate, apply the per-credential limits (and add
/// their headers to every response), then any faults the tests injected. A route-group filter rather than middleware,
/// so that it applies wherever a host mounts the sandbox.
/// </summary>
internal sealed class ApiPipelineFilter(
    SandboxAuthenticator authenticator,
    SandboxRateLimiter rateLimiter,
    FaultInjector faults) : IEndpointFilter
{
    public const string CredentialItem = "SmartRecruiters.Sandbox.Credential";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var kind = http.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointKind>();
        var credential = authenticator.Authenticate(http);
        if (credential is null)
        {
            if (kind?.Public != true)
            {
                rateLimiter.WriteUnauthenticatedHeaders(http.Response.Headers, kind?.SingleFlight == true);
                return ApiErrors.Unauthorized();
            }

            // Anonymous callers of public endpoints share one budget per client address.
            credential = "anonymous:" + http.Connection.RemoteIpAddress;
        }

        http.Items[CredentialItem] = credential;
        var endpointKey = http.Request.Method + " " + ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value);
        using var lease = rateLimiter.Acquire(credential, endpointKey, kind?.SingleFlight == true);
        lease.WriteHeaders(http.Response.Headers);
        if (!lease.Allowed)
        {
            http.Response.Headers.RetryAfter = lease.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiErrors.Error(StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS", lease.Reason ?? "Rate limit exceeded.");
        }

        var fault = await faults.ApplyAsync(http, http.RequestAborted);
        if (fault is not null)
        {
            return fault;
        }

        return await next(context);
    }
}
