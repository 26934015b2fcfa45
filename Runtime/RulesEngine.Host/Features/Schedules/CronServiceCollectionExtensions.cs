using Quartz;
using RulesEngine.Persistence;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>Registers cron scheduling: Quartz.NET with its persistent ADO.NET store in the RulesEngine database.</summary>
public static class CronServiceCollectionExtensions
{
    /// <summary>
    /// Quartz keeps its tables (created at start when missing) beside ours: on SQLite as a single scheduler, on PostgreSQL
    /// and SQL Server clustered, so every host shares the schedule and each fire runs on one of them. Its clock is the
    /// container's <see cref="TimeProvider"/>, so tests drive it with a fake one.
    /// </summary>
    public static IServiceCollection AddRulesEngineCron(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CronOptions>().BindConfiguration(CronOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var cron = configuration.GetSection(CronOptions.SectionName).Get<CronOptions>() ?? new CronOptions();
        var database = DatabaseOptions.Read(configuration);
        var connectionString = database.ResolveConnectionString();
        var clustered = cron.Clustered ?? database.Provider != DatabaseProvider.Sqlite;

        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(cron.Threads);
            quartz.UsePersistentStore(store =>
            {
                store.ProvisionSchema();
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(options => options.MisfireThreshold = cron.MisfireThreshold);
                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(new SqlitePragmaProviderFactory(database.SqliteSynchronous), connectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(connectionString);
                        break;
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown database provider {database.Provider}.");
                }

                if (clustered)
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = cron.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = cron.ClusterCheckinInterval * 2;
                    });
                }
            });
        });
        services.AddSingleton<CronJobs>();

        // Registered before Quartz's hosted service, so the jobs are reconciled before the scheduler starts firing.
        services.AddHostedService(sp => sp.GetRequiredService<CronJobs>());
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
