using RulesEngine.Persistence.Infrastructure;

namespace RulesEngine.Persistence.Tests.Sqlite;

/// <summary>Connections opened by other components (Quartz's job store) carry the database's <c>PRAGMA synchronous</c>.</summary>
public sealed class SqliteSynchronousProviderFactoryTests
{
    [Theory]
    [InlineData("normal", 1L)]
    [InlineData("FULL", 2L)]
    public async Task OpenedConnection_HasTheConfiguredMode_SyncAndAsync(string mode, long expected)
    {
        var factory = new SqliteSynchronousProviderFactory(mode);
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

                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA synchronous;";
                (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe(expected);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void UnknownMode_IsRefusedBeforeItReachesAStatement() =>
        Should.Throw<ArgumentException>(() => new SqliteSynchronousProviderFactory("OFF; DROP TABLE x"))
            .Message.ShouldContain("must be NORMAL, FULL or EXTRA");
}
