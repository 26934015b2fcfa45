using System.Text.Json.Serialization;
using RulesEngine.Activities;
using RulesEngine.Host.Features.Activities;
using RulesEngine.Host.Features.Auth;
using RulesEngine.Host.Features.ChildWorkflows;
using RulesEngine.Host.Features.Demo;
using RulesEngine.Host.Features.Designer;
using RulesEngine.Host.Features.Events;
using RulesEngine.Host.Features.Hooks;
using RulesEngine.Host.Features.Instances;
using RulesEngine.Host.Features.Schedules;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure.Telemetry;
using RulesEngine.Persistence;
using SmartRecruiters.Sandbox;

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

        if (settings.Demo && string.IsNullOrEmpty(builder.Configuration[$"{AuthOptions.SectionName}:AdminToken"])
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RULESENGINE_ADMIN_TOKEN")))
        {
            overrides.TryAdd($"{AuthOptions.SectionName}:AdminToken", DemoSeeder.NewAdminToken());
        }

        builder.Configuration.AddInMemoryCollection(overrides);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information).AddFilter("Quartz", LogLevel.Warning);
        builder.Services.AddRulesEngineHost(builder.Configuration);
        if (settings.Demo)
        {
            builder.Services.AddSmartRecruitersSandbox();
            builder.Services.AddSingleton<DemoSeeder>();
        }

        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapActivityEndpoints();
        app.MapInstanceEndpoints();
        app.MapSmartRecruitersHookEndpoints();
        app.MapHookEndpoints();
        app.MapEventEndpoints();
        app.MapWorkflowActivityEndpoints();
        HostEndpoints.MapFeatureEndpoints(app);
        if (settings.Demo)
        {
            app.MapSmartRecruitersSandbox("/sandbox");
        }

        app.MapDesigner();
        return app;
    }

    /// <summary>Applies migrations, starts listening, seeds the demo when asked, and prints the URLs.</summary>
    public static async Task StartAsync(WebApplication app, ServeSettings settings, TextWriter stdout, CancellationToken cancellationToken)
    {
        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = app.Urls.First();
        foreach (var url in app.Urls)
        {
            await stdout.WriteLineAsync($"RulesEngine listening on {url}").ConfigureAwait(false);
        }

        if (settings.Demo)
        {
            var seeder = app.Services.GetRequiredService<DemoSeeder>();
            var published = await seeder.SeedAsync(new Uri(baseUrl), DemoSeeder.FindWorkflowsFolder(), cancellationToken).ConfigureAwait(false);
            var token = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value.AdminToken;
            await stdout.WriteLineAsync($"Admin token: {token}").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Designer: {baseUrl}/  (sign in with the admin token, tenant '{DemoSeeder.TenantId}')").ConfigureAwait(false);
            await stdout.WriteLineAsync($"SmartRecruiters Sandbox: {baseUrl}/sandbox  (API key '{DemoSeeder.SandboxApiKey}')").ConfigureAwait(false);
            await stdout.WriteLineAsync($"Published templates: {(published.Count == 0 ? "none" : string.Join(", ", published))}").ConfigureAwait(false);
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
        services.AddRulesEngineCron(configuration);
        services.AddRulesEngineComposition();
        services.AddRulesEngineTelemetry(configuration);
        return services;
    }
}
