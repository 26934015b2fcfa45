using Microsoft.EntityFrameworkCore;
using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Tests.Sqlite;

/// <summary>
/// SQLite connections, EF's and those opened by other components (Quartz's job store), carry the database's
/// <c>synchronous</c> mode and a busy timeout, so a writer that meets a lock waits in SQLite's fine steps instead of
/// Microsoft.Data.Sqlite's 150 ms sleeps.
/// </summary>
public sealed class SqlitePragmaProviderFactoryTests
{
    [Theory]
    [InlineData("normal", 1L)]
    [InlineData("FULL", 2L)]
    public async Task OpenedConnection_HasTheConfiguredMode_SyncAndAsync(string mode, long expected)
    {
        var factory = new SqlitePragmaProviderFactory(mode);
        var file = Path.Combine(Path.GetTempPath(), $"rulesengine-pragma-{Guid.NewGuid():N}.db");
        try
        {
            foreach (var async in (bool[])[false, true])
            {
                await using var connection = factory.CreateConnection();
                connection.ConnectionString = $"Data Source={file};Pooling=false";
                if (async)
                {
                    await connection.OpenAsync(TestContext.Current.CancellationToken);
                }
                else
                {
                    connection.Open();
                }

                (await PragmaAsync(connection, "synchronous")).ShouldBe(expected);
                (await PragmaAsync(connection, "busy_timeout")).ShouldBe(1000L);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UnknownMode_IsRefusedBeforeItReachesAStatement() =>
        Should.Throw<ArgumentException>(() => new SqlitePragmaProviderFactory("OFF; DROP TABLE x"))
            .Message.ShouldContain("must be NORMAL, FULL or EXTRA");

    [Fact]
    public async Task EfConnections_HaveTheBusyTimeoutAndTheConfiguredMode()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var context = db.CreateContext();
        await context.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var connection = context.Database.GetDbConnection();
        (await PragmaAsync(connection, "busy_timeout")).ShouldBe(1000L);
        (await PragmaAsync(connection, "synchronous")).ShouldBe(1L); // NORMAL, the default of Database:SqliteSynchronous
    }

    private static async Task<object?> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}
