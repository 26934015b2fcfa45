using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>Turns <see cref="DatabaseOptions"/> into provider settings; shared by DI, design-time factories and script generation.</summary>
internal static class DbContextOptionsConfigurator
{
    /// <summary>A SQL Server connection string that is never opened: script generation needs a configured provider, not a server.</summary>
    public const string OfflineSqlServerConnectionString = "Server=(offline);Database=RulesEngine;Integrated Security=false;TrustServerCertificate=true";

    public static string ResolveConnectionString(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? string.Empty);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
            {
                builder.DataSource = Path.Combine(options.DataDirectory, DatabaseOptions.DefaultSqliteFileName);
            }

            if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            // Writers wait for each other instead of failing at once with "database is locked".
            if (builder.DefaultTimeout < 30)
            {
                builder.DefaultTimeout = 30;
            }

            return builder.ToString();
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException(
                $"Database provider {options.Provider} needs a connection string in ConnectionStrings:{DatabaseOptions.ConnectionStringName}.")
            : options.ConnectionString;
    }

    /// <summary>The PostgreSQL application name of the hot path's connections, unless the connection string names one.</summary>
    public const string RunsApplicationName = "RulesEngine runs";

    /// <summary>
    /// The connection string of the hot path's writes (see <c>HotPath/HotPathWriter</c>). On PostgreSQL it adds
    /// <see cref="DatabaseOptions.PostgreSqlRunSynchronousCommit"/> to the session options, after any the operator set,
    /// and names the application, so that a DBA can tell the run writer's sessions from the others.
    /// </summary>
    public static string ResolveRunConnectionString(DatabaseOptions options)
    {
        var connectionString = ResolveConnectionString(options);
        if (options.Provider != DatabaseProvider.PostgreSql)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = RunsApplicationName;
        }

        if (!string.IsNullOrEmpty(options.PostgreSqlRunSynchronousCommit))
        {
            builder.Options = $"{builder.Options} -c synchronous_commit={options.PostgreSqlRunSynchronousCommit.ToLowerInvariant()}".TrimStart();
        }

        return builder.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string? sqliteSynchronous = null)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                builder.AddInterceptors(new SqlitePragmaInterceptor(sqliteSynchronous));

                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(connectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }
}
