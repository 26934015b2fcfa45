using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RulesEngine.Persistence.Audit;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Infrastructure.HotPath;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;
using RulesEngine.Persistence.Mappings;
using RulesEngine.Persistence.OnceKeys;
using RulesEngine.Persistence.Snapshots;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Tokens;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The Data Protection application name: nodes of one cluster must share it to read each other's secrets.</summary>
    public const string DataProtectionApplicationName = "RulesEngine";

    /// <summary>
    /// Registers <see cref="DatabaseOptions"/> (section <c>Database</c>, connection string <c>ConnectionStrings:RulesEngine</c>),
    /// a pooled <see cref="IDbContextFactory{TContext}"/> of <see cref="RulesEngineDbContext"/> for the configured provider,
    /// a scoped <see cref="RulesEngineDbContext"/>, Data Protection with its key ring in the database, and all stores.
    /// Call <see cref="DatabaseMigrator.MigrateAsync"/> at start before using them.
    /// </summary>
    public static IServiceCollection AddRulesEnginePersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The provider decides which context type (and so which migrations) to register, so it is read now.
        var options = DatabaseOptions.Read(configuration);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .PostConfigure(o => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? o.ConnectionString)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (services.Any(d => d.ServiceType == typeof(IDbContextFactory<RulesEngineDbContext>)))
        {
            return services;
        }

        var connectionString = DbContextOptionsConfigurator.ResolveConnectionString(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddProvider<SqliteRulesEngineDbContext>(services, options, connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                AddProvider<PostgreSqlRulesEngineDbContext>(services, options, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                AddProvider<SqlServerRulesEngineDbContext>(services, options, connectionString);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {options.Provider}.");
        }

        // Data Protection's EF repository resolves the context from a scope.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<RulesEngineDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<RulesEngineDbContext>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HotPathWriter>();
        services.TryAddSingleton<ITenantStore, TenantStore>();
        services.TryAddSingleton<IApiTokenStore, ApiTokenStore>();
        services.TryAddSingleton<ConnectionStore>();
        services.TryAddSingleton<IConnectionStore>(sp => sp.GetRequiredService<ConnectionStore>());
        services.TryAddSingleton<IConnectionSecretsReader>(sp => sp.GetRequiredService<ConnectionStore>());
        services.TryAddSingleton<IMappingTableStore, MappingTableStore>();
        services.TryAddSingleton<IWorkflowDefinitionStore, WorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowInstanceStore, WorkflowInstanceStore>();
        services.TryAddSingleton<IJournalStore, JournalStore>();
        services.TryAddSingleton<IBookmarkStore, BookmarkStore>();
        services.TryAddSingleton<ITriggerIndexStore, TriggerIndexStore>();
        services.TryAddSingleton<IWebhookInboxStore, WebhookInboxStore>();
        services.TryAddSingleton<IOnceKeyStore, OnceKeyStore>();
        services.TryAddSingleton<ISnapshotStore, SnapshotStore>();
        services.TryAddSingleton<Schedules.ICronFireStore, Schedules.CronFireStore>();
        services.TryAddSingleton<IAuditStore, AuditStore>();
        return services;
    }

    private static void AddProvider<TContext>(IServiceCollection services, DatabaseOptions options, string connectionString)
        where TContext : RulesEngineDbContext
    {
        services.AddPooledDbContextFactory<TContext>(
            builder => DbContextOptionsConfigurator.Configure(builder, options.Provider, connectionString, options.SqliteSynchronous),
            options.PoolSize);
        services.AddSingleton<IDbContextFactory<RulesEngineDbContext>>(sp => new ProviderDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }
}
