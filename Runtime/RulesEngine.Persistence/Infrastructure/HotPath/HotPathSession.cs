using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>One open connection and its transaction, lent to a hot-path write; commands are reused per SQL text.</summary>
internal sealed class HotPathSession(DbConnection connection, HotPathStatements statements) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public HotPathStatements Statements { get; } = statements;

    public DbTransaction? Transaction { get; set; }

    public DbConnection Connection { get; } = connection;

    /// <summary>A command on this session's transaction; the caller sets its text (a cached command keeps its prepared statement).</summary>
    public DbCommand Command(string key)
    {
        if (!_commands.TryGetValue(key, out var command))
        {
            command = Connection.CreateCommand();
            _commands[key] = command;
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var command = Command(sql);
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static void Add(DbCommand command, RelationalTypeMapping mapping, string name, object? value)
        => command.Parameters.Add(mapping.CreateParameter(command, name, value, nullable: true));

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
