using System.ComponentModel.DataAnnotations;

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
}
