using Microsoft.EntityFrameworkCore;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>The SQL Server flavour of <see cref="RulesEngineDbContext"/>; its migrations live in Infrastructure/Migrations/SqlServer.</summary>
public sealed class SqlServerRulesEngineDbContext : RulesEngineDbContext
{
    public SqlServerRulesEngineDbContext(DbContextOptions<SqlServerRulesEngineDbContext> options)
        : base(options)
    {
    }
}
