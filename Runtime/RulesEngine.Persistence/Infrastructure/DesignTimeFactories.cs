using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RulesEngine.Persistence.Infrastructure;

// Used by `dotnet ef migrations add` only; none of these connection strings is ever opened.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRulesEngineDbContext>
{
    public SqliteRulesEngineDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqliteRulesEngineDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlRulesEngineDbContext>
{
    public PostgreSqlRulesEngineDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<PostgreSqlRulesEngineDbContext>().UseNpgsql("Host=localhost;Database=rulesengine").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerRulesEngineDbContext>
{
    public SqlServerRulesEngineDbContext CreateDbContext(string[] args)
        => new(new DbContextOptionsBuilder<SqlServerRulesEngineDbContext>().UseSqlServer(DbContextOptionsConfigurator.OfflineSqlServerConnectionString).Options);
}
