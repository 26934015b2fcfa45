using RulesEngine.Host.Infrastructure;

namespace RulesEngine.Host.Features.Auth;

/// <summary>
/// Lets a caller reach <c>{tenantId}</c> routes only for its own tenant. Another tenant's resources answer 404, as if
/// they did not exist, so tokens cannot probe which tenants there are.
/// </summary>
internal sealed class TenantAccessFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = http.GetRouteValue("tenantId") as string;
        if (tenantId is not null && !Caller.From(http.User).CanAccess(tenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"tenant '{tenantId}' was not found", type: ProblemTypes.NotFound);
        }

        return await next(context).ConfigureAwait(false);
    }
}
