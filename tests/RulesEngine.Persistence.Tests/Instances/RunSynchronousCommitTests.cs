using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Infrastructure;
using RulesEngine.Persistence.Instances;

namespace RulesEngine.Persistence.Tests.Instances;

/// <summary>
/// <c>Database:PostgreSqlRunSynchronousCommit</c>: the commit mode of the runs' writes only, on a real PostgreSQL.
/// </summary>
public sealed class RunSynchronousCommitTests
{
    [Fact]
    public async Task RunWrites_TakeTheConfiguredMode_AndEveryOtherConnectionKeepsTheServersSetting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, new Dictionary<string, string?>
        {
            ["Database:PostgreSqlRunSynchronousCommit"] = "ON",
        });
        var options = db.Get<IOptions<DatabaseOptions>>().Value;

        // The operator's own session options stay, and ours comes after them.
        var withTimeout = new DatabaseOptions
        {
            Provider = DatabaseProvider.PostgreSql,
            ConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Options = "-c statement_timeout=4321" }.ConnectionString,
            PostgreSqlRunSynchronousCommit = options.PostgreSqlRunSynchronousCommit,
        };
        var runs = DbContextOptionsConfigurator.ResolveRunConnectionString(withTimeout);
        // The test server runs with synchronous_commit=off, so "on" shows the run writes' own setting.
        (await ShowAsync(runs, "synchronous_commit", ct)).ShouldBe("on");
        (await ShowAsync(runs, "statement_timeout", ct)).ShouldBe("4321ms");
        (await ShowAsync(DbContextOptionsConfigurator.ResolveConnectionString(withTimeout), "synchronous_commit", ct)).ShouldBe("off");

        // The writer opens its connections with it: a run starts, is deduplicated and finishes.
        var inbox = db.Get<IWebhookInboxStore>();
        var tenant = Some.TenantId();
        var delivery = new NewWebhookInboxItem(tenant, "http:/x", "k-1", null, "{}");
        (await inbox.TryAddStartedAsync(delivery, Some.RunningInstance(tenant, "i-1", db.Time.GetUtcNow()), ct)).IsNew.ShouldBeTrue();
        var repeated = await inbox.TryAddStartedAsync(delivery, Some.RunningInstance(tenant, "i-2", db.Time.GetUtcNow()), ct);
        repeated.IsNew.ShouldBeFalse();
        repeated.Item.InstanceId.ShouldBe("i-1");
        var end = new InstanceProgress
        {
            Update = new WorkflowInstanceUpdate { Status = WorkflowStatus.Finished },
            Journal = [Some.JournalEntry(tenant, "i-1", 1)],
            ReleaseLease = true,
        };
        (await db.Get<IWorkflowInstanceStore>().SaveProgressAsync(tenant, "i-1", "node-a", end, ct)).ShouldBeTrue();
        (await db.Get<IWorkflowInstanceStore>().GetAsync(tenant, "i-1", ct)).ShouldNotBeNull().Status.ShouldBe(WorkflowStatus.Finished);

        // Those writes went through sessions opened with the runs' connection string, which only they use.
        await using var look = db.CreateContext();
        var queries = await look.Database.SqlQuery<string>(
            $"SELECT query AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND application_name = {DbContextOptionsConfigurator.RunsApplicationName}")
            .ToListAsync(ct);
        queries.ShouldContain(q => q.Contains("UPDATE", StringComparison.Ordinal) && q.Contains("unnest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownMode_IsRefusedAtStart_NamingTheSetting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, new Dictionary<string, string?>
            {
                ["Database:PostgreSqlRunSynchronousCommit"] = "sometimes",
            });
        });
        failure.Message.ShouldContain(nameof(DatabaseOptions.PostgreSqlRunSynchronousCommit));
    }

    private static async Task<string> ShowAsync(string connectionString, string setting, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
