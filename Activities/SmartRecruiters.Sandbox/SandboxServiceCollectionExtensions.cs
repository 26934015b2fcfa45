using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmartRecruiters.Sandbox.Admin;
using SmartRecruiters.Sandbox.Auth;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.RateLimiting;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Vendor;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox;

/// <summary>Registers the SmartRecruiters simulator.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Adds the sandbox's services (state, limits, webhook dispatcher). Options bind from the
    /// <c>SmartRecruitersSandbox</c> configuration section, then <paramref name="configure"/> applies. Idempotent.
    /// </summary>
    public static IServiceCollection AddSmartRecruitersSandbox(this IServiceCollection services, Action<SandboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxStore>();
        services.TryAddSingleton<SandboxPaths>();
        services.TryAddSingleton<SandboxAuthenticator>();
        services.TryAddSingleton<SandboxRateLimiter>();
        services.TryAddSingleton<FaultInjector>();
        services.TryAddSingleton<VendorRecorder>();
        services.TryAddSingleton<WebhookQueue>();
        services.TryAddSingleton<WebhookPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookDispatcher>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName);
        return services;
    }
}
