namespace RulesEngine.Persistence;

public enum DatabaseProvider
{
    /// <summary>A local file; no set-up, one node.</summary>
    Sqlite,

    /// <summary>PostgreSQL; several hosts on one database form a cluster.</summary>
    PostgreSql,

    /// <summary>SQL Server; several hosts on one database form a cluster.</summary>
    SqlServer,
}
