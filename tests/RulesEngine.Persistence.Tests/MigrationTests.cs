using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Tests;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndCreatesAllTables(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);

        await using var db = database.CreateContext();
        (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(ct)).ShouldNotBeEmpty();

        // Every mapped table answers a query.
        (await db.Tenants.CountAsync(ct)).ShouldBe(0);
        (await db.ApiTokens.CountAsync(ct)).ShouldBe(0);
        (await db.Connections.CountAsync(ct)).ShouldBe(0);
        (await db.MappingTables.CountAsync(ct)).ShouldBe(0);
        (await db.MappingRows.CountAsync(ct)).ShouldBe(0);
        (await db.WorkflowDefinitions.CountAsync(ct)).ShouldBe(0);
        (await db.WorkflowVersions.CountAsync(ct)).ShouldBe(0);
        (await db.WorkflowInstances.CountAsync(ct)).ShouldBe(0);
        (await db.Bookmarks.CountAsync(ct)).ShouldBe(0);
        (await db.JournalEntries.CountAsync(ct)).ShouldBe(0);
        (await db.TriggerIndex.CountAsync(ct)).ShouldBe(0);
        (await db.WebhookInbox.CountAsync(ct)).ShouldBe(0);
        (await db.OnceKeys.CountAsync(ct)).ShouldBe(0);
        (await db.Snapshots.CountAsync(ct)).ShouldBe(0);
        (await db.AuditEntries.CountAsync(ct)).ShouldBe(0);
        (await db.DataProtectionKeys.CountAsync(ct)).ShouldBe(0);

        // A second start finds nothing to do.
        await DatabaseMigrator.MigrateAsync(database.Services, ct);
        (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void Migrations_OfEveryProvider_MatchTheModel(DatabaseProvider provider)
    {
        // A model change without a new migration for each provider fails here (and MigrateAsync would refuse at start).
        using var db = OfflineContext(provider);
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run Infrastructure/Migrations/add-migration.sh for {provider}");
        db.GetService<IMigrationsAssembly>().Migrations.ShouldNotBeEmpty();
    }

    [Fact]
    public void GenerateSqlServerScript_WithoutAServer_ContainsCreateTableStatements()
    {
        var script = DatabaseMigrator.GenerateSqlServerScript();

        script.ShouldContain("CREATE TABLE [WorkflowInstances]");
        script.ShouldContain("CREATE TABLE [WorkflowVersions]");
        script.ShouldContain("CREATE TABLE [WebhookInbox]");
        script.ShouldContain("CREATE TABLE [DataProtectionKeys]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_WebhookInbox_TenantId_Source_DedupKey]");
        script.ShouldContain("datetimeoffset");
        script.ShouldContain("__EFMigrationsHistory");
    }

    [Fact]
    public void GenerateSqlServerScript_Idempotent_GuardsEachMigration()
    {
        var script = DatabaseMigrator.GenerateSqlServerScript(idempotent: true);

        script.ShouldContain("IF NOT EXISTS");
        script.ShouldContain("CREATE TABLE [Tenants]");
    }

    [Fact]
    public void GenerateScript_PostgreSql_UsesPostgreSqlTypes()
    {
        var script = DatabaseMigrator.GenerateScript(DatabaseProvider.PostgreSql);

        script.ShouldContain("CREATE TABLE \"WorkflowInstances\"");
        script.ShouldContain("timestamp with time zone");
    }

    private static RulesEngineDbContext OfflineContext(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteRulesEngineDbContext(new DbContextOptionsBuilder<SqliteRulesEngineDbContext>().UseSqlite("Data Source=:memory:").Options),
        DatabaseProvider.PostgreSql => new PostgreSqlRulesEngineDbContext(new DbContextOptionsBuilder<PostgreSqlRulesEngineDbContext>().UseNpgsql("Host=offline").Options),
        _ => new SqlServerRulesEngineDbContext(new DbContextOptionsBuilder<SqlServerRulesEngineDbContext>().UseSqlServer("Server=offline").Options),
    };
}
