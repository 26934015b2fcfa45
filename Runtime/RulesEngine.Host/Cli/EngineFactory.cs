using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Activities;
using RulesEngine.Activities.Console;
using RulesEngine.Activities.SmartRecruiters;

namespace RulesEngine.Host.Cli;

/// <summary>Builds the engine's services for the in-process CLI verbs.</summary>
internal static class EngineFactory
{
    public static ServiceProvider Create(TextWriter console, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IWriteLineSink>(new TextWriterSink(console));
        services.AddRulesEngineActivities();
        services.AddSmartRecruitersActivities();
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
