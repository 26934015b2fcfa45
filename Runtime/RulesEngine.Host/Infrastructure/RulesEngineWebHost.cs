using System.Text.Json.Serialization;
using RulesEngine.Activities;
using RulesEngine.Host.Features.Activities;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.Designer;
using RulesEngine.Host.Features.Instances;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Persistence;

namespace RulesEngine.Host.Infrastructure;

/// <summary>Composes the runtime host: API, webhooks, scheduler, Designer, on one port.</summary>
public static class RulesEngineWebHost
{
    public static WebApplication Build(ServeSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        var overrides = new Dictionary<string, string?>(settings.Configuration);
        if (settings.DataDirectory is not null)
        {
            overrides.TryAdd("Database:DataDirectory", Path.GetFullPath(settings.DataDirectory));
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddRulesEngineHost(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapActivityEndpoints();
        app.MapInstanceEndpoints();
        HostEndpoints.MapFeatureEndpoints(app);
        app.MapDesigner();
        return app;
    }

    /// <summary>Applies migrations, starts listening, seeds the demo when asked, and prints the URLs.</summary>
    public static async Task StartAsync(WebApplication app, ServeSettings settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        foreach (var url in app.Urls)
        {
            await stdout.WriteLineAsync($"RulesEngine listening on {url}").ConfigureAwait(false);
        }
    }

    public static IServiceCollection AddRulesEngineHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddProblemDetails();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddRulesEnginePersistence(configuration);
        services.AddRulesEngineActivities();
        HostEndpoints.AddFeatureServices(services);
        services.AddRulesEngineAuth();
        services.AddRulesEngineRuns();
        return services;
    }
}
