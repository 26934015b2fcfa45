using Microsoft.EntityFrameworkCore;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>The PostgreSQL flavour of <see cref="RulesEngineDbContext"/>; its migrations live in Infrastructure/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlRulesEngineDbContext : RulesEngineDbContext
{
    public PostgreSqlRulesEngineDbContext(DbContextOptions<PostgreSqlRulesEngineDbContext> options)
        : base(options)
    {
    }
}
