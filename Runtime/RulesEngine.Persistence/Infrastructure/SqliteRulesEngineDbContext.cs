using Microsoft.EntityFrameworkCore;

namespace RulesEngine.Persistence.Infrastructure;

/// <summary>The SQLite flavour of <see cref="RulesEngineDbContext"/>; its migrations live in Infrastructure/Migrations/Sqlite.</summary>
public sealed class SqliteRulesEngineDbContext : RulesEngineDbContext
{
    public SqliteRulesEngineDbContext(DbContextOptions<SqliteRulesEngineDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date type and EF Core cannot translate ORDER BY or comparisons on DateTimeOffset text there;
        // UTC ticks keep ordering, range filters and keyset paging in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
