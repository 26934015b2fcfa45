using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace RulesEngine.Persistence;

/// <summary>Where the runtime keeps its data. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>The name under <c>ConnectionStrings</c> that holds the connection string.</summary>
    public const string ConnectionStringName = "RulesEngine";

    /// <summary>The default SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public const string DefaultSqliteFileName = "rulesengine.db";

    /// <value>Default <see cref="DatabaseProvider.Sqlite"/>.</value>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string; taken from <c>ConnectionStrings:RulesEngine</c> when that is set.
    /// </summary>
    /// <value>Default null: for SQLite, a file <c>rulesengine.db</c> in <see cref="DataDirectory"/>; required for the other providers.</value>
    public string? ConnectionString { get; set; }

    /// <summary>Folder of the default SQLite file, created when missing.</summary>
    /// <value>Default <c>./data</c>.</value>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Journal inputs and outputs longer than this are cut, so one chatty activity cannot bloat the database.</summary>
    /// <value>Default 8192 characters.</value>
    [Range(256, 1_000_000)]
    public int JournalMaxPayloadChars { get; set; } = 8192;

    /// <summary>How many DbContext instances the pool keeps.</summary>
    /// <value>Default 128.</value>
    [Range(1, 4096)]
    public int PoolSize { get; set; } = 128;

    /// <summary>
    /// SQLite <c>PRAGMA synchronous</c>: NORMAL (commits survive a process crash; with WAL the fast setting) or FULL
    /// (every commit is synced to disk, surviving power loss too, at several times the cost per commit).
    /// </summary>
    /// <value>Default NORMAL.</value>
    [RegularExpression("^(?i)(NORMAL|FULL|EXTRA)$")]
    public string SqliteSynchronous { get; set; } = "NORMAL";

    /// <summary>
    /// PostgreSQL <c>synchronous_commit</c> for the writes of runs: webhook inbox rows with the instances they start,
    /// and run progress with its journal entries and bookmarks. Unset, they take the server's setting, normally
    /// <c>on</c>: nobody is answered before the commit is flushed to disk. With <c>off</c> they are answered once
    /// committed, and PostgreSQL flushes within 3 × <c>wal_writer_delay</c>: a crash of this process still loses
    /// nothing, but a crash of the database server or its machine can lose the last runs it answered. Definitions,
    /// connections, cron claims and all other writes keep the server's setting.
    /// </summary>
    /// <value>Default null (the server's setting).</value>
    [RegularExpression("^(?i)(on|off|local|remote_write|remote_apply)$")]
    public string? PostgreSqlRunSynchronousCommit { get; set; }

    /// <summary>
    /// How long published versions, webhook routes, mapping tables and connections read by runs are kept in memory.
    /// A node sees its own changes at once; other nodes of a cluster after at most this long. Zero turns caching off.
    /// </summary>
    /// <value>Default 2 seconds.</value>
    public TimeSpan ReadCacheTimeToLive { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The options as configured: section <c>Database</c>, connection string <c>ConnectionStrings:RulesEngine</c>.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(SectionName).Bind(options);
        options.ConnectionString = configuration.GetConnectionString(ConnectionStringName) ?? options.ConnectionString;
        return options;
    }

    /// <summary>The connection string in use: the configured one, or on SQLite the default file in <see cref="DataDirectory"/>.</summary>
    public string ResolveConnectionString() => Infrastructure.DbContextOptionsConfigurator.ResolveConnectionString(this);
}
