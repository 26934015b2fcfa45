using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence;

/// <summary>Applies the provider's migrations at start, and produces migration scripts without a server.</summary>
public static class DatabaseMigrator
{
    /// <summary>
    /// Brings the configured database to the latest schema. Safe to call from several nodes at once:
    /// EF Core takes a database-wide migration lock.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(typeof(DatabaseMigrator).FullName!) ?? NullLogger.Instance;
        var factory = services.GetRequiredService<IDbContextFactory<RulesEngineDbContext>>();

        await using var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        if (pending.Count == 0)
        {
            Log.DatabaseUpToDate(logger, options.Provider);
            return;
        }

        Log.MigratingDatabase(logger, pending.Count, options.Provider);
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The SQL of all migrations for <paramref name="provider"/>, generated offline (no connection is opened),
    /// for a DBA who applies schema changes by hand.
    /// </summary>
    /// <param name="provider">The target database.</param>
    /// <param name="idempotent">Whether each migration is guarded by a check of the migrations history table.</param>
    public static string GenerateScript(DatabaseProvider provider, bool idempotent = false)
    {
        using var db = CreateOfflineContext(provider);
        var migrator = db.GetService<IMigrator>();
        return migrator.GenerateScript(options: idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
    }

    /// <summary>The SQL Server creation script, generated without a server.</summary>
    public static string GenerateSqlServerScript(bool idempotent = false) => GenerateScript(DatabaseProvider.SqlServer, idempotent);

    private static RulesEngineDbContext CreateOfflineContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteRulesEngineDbContext(
            new DbContextOptionsBuilder<SqliteRulesEngineDbContext>().UseSqlite("Data Source=:memory:").Options),
        DatabaseProvider.PostgreSql => new PostgreSqlRulesEngineDbContext(
            new DbContextOptionsBuilder<PostgreSqlRulesEngineDbContext>().UseNpgsql("Host=offline;Database=rulesengine").Options),
        DatabaseProvider.SqlServer => new SqlServerRulesEngineDbContext(
            new DbContextOptionsBuilder<SqlServerRulesEngineDbContext>().UseSqlServer(DbContextOptionsConfigurator.OfflineSqlServerConnectionString).Options),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };
}
