using RulesEngine.Core.Descriptors;

namespace RulesEngine.Host.Features.Activities;

/// <summary>The toolbox: every registered activity type with its inputs, outputs and outcomes.</summary>
public static class ActivityEndpoints
{
    public static IEndpointRouteBuilder MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", (ActivityRegistry registry) => TypedResults.Ok(registry.Descriptors))
            .RequireAuthorization()
            .WithTags("Activities")
            .WithName("ListActivities")
            .WithSummary("Descriptors of every activity type (designer toolbox and property panel).");
        return app;
    }
}
