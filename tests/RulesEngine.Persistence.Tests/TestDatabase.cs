using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.TestSupport.PostgreSql;

namespace RulesEngine.Persistence.Tests;

/// <summary>
/// A migrated database of one provider behind a real service provider built by AddRulesEnginePersistence:
/// SQLite in a temp file, or a fresh database on the test process's PostgreSQL server.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteDirectory;
    private readonly string? postgresDatabase;
    private readonly Dictionary<string, string?> settings;

    private TestDatabase(DatabaseProvider provider, Dictionary<string, string?> settings, string? sqliteDirectory, string? postgresDatabase)
    {
        Provider = provider;
        this.settings = settings;
        this.sqliteDirectory = sqliteDirectory;
        this.postgresDatabase = postgresDatabase;
        Services = Build();
    }

    public DatabaseProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; private set; }

    /// <param name="provider">The provider.</param>
    /// <param name="extraSettings">More configuration, as a host would have it (<c>Database:…</c> keys).</param>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>(extraSettings ?? new Dictionary<string, string?>()) { ["Database:Provider"] = provider.ToString() };
        string? directory = null;
        string? database = null;
        if (provider == DatabaseProvider.Sqlite)
        {
            directory = Path.Combine(Path.GetTempPath(), "rulesengine-tests", Guid.NewGuid().ToString("N"));
            settings["Database:DataDirectory"] = directory;
        }
        else
        {
            var server = await PostgreSqlServer.Shared();
            database = "t_" + Guid.NewGuid().ToString("N")[..20];
            settings["ConnectionStrings:RulesEngine"] = await server.CreateDatabaseAsync(database, ct);
        }

        var db = new TestDatabase(provider, settings, directory, database);
        await DatabaseMigrator.MigrateAsync(db.Services, ct);
        return db;
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A plain context for looking at raw rows.</summary>
    public RulesEngineDbContext CreateContext() => Get<IDbContextFactory<RulesEngineDbContext>>().CreateDbContext();

    /// <summary>Throws the service provider away and builds a new one on the same database, as a restarted host would.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Services = Build();
        await DatabaseMigrator.MigrateAsync(Services, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }

        if (postgresDatabase is not null)
        {
            var server = await PostgreSqlServer.Shared();
            await server.DropDatabaseAsync(postgresDatabase, CancellationToken.None);
        }
    }

    private ServiceProvider Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddRulesEnginePersistence(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
