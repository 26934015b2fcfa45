using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// Folds the hot-path writes of many runs into at most two PostgreSQL statements, sent in one round trip and committed
/// together: one for every delivery's inbox row and instance, one for every run's progress with its journal entries.
/// Written one by one, each run cost six round trips and two commits, and PostgreSQL spent more CPU parsing and
/// committing them than our whole process spent on the run. The rows go in as one array per column (<c>unnest</c>), so
/// each statement's text is the same whatever the batch holds: it is prepared once per writer connection, and planned
/// once (statements that listed each row's values took PostgreSQL 0.3 ms to plan, more than to run).
/// Duplicate deliveries and lost leases are not errors here: they match nothing and are answered false. Anything
/// the server refuses rolls the whole batch back (one implicit transaction), and the writer then writes each alone.
/// </summary>
internal sealed class PostgresWriteBatch
{
    /// <summary>A progress write with more journal entries than this is written alone, in chunks.</summary>
    public const int MaxJournalEntries = 200;

    /// <summary>
    /// One run's progress as the columns of the progress statement's <c>v</c>: the instance property each sets or
    /// matches (its type mapping types the array), its alias in <c>v</c>, and its value. A last column, <c>rl</c>, is
    /// the lease-release flag.
    /// </summary>
    private static readonly (string Property, string Alias, Func<ProgressWrite, object?> Value)[] ProgressValues =
    [
        (nameof(WorkflowInstance.TenantId), "t", w => w.TenantId),
        (nameof(WorkflowInstance.Id), "i", w => w.InstanceId),
        (nameof(WorkflowInstance.LeaseOwner), "o", w => w.LeaseOwner),
        (nameof(WorkflowInstance.UpdatedAt), "n", w => w.Now),
        (nameof(WorkflowInstance.Status), "s", w => w.Update.Status),
        (nameof(WorkflowInstance.SubStatus), "ss", w => w.Update.SubStatus),
        (nameof(WorkflowInstance.Error), "e", w => w.Update.Error),
        (nameof(WorkflowInstance.FinishedAt), "f", w => w.Update.IsTerminal ? w.Now : null),
        (nameof(WorkflowInstance.StateJson), "sj", w => w.Update.StateJson),
        (nameof(WorkflowInstance.CorrelationId), "c", w => w.Update.CorrelationId),
    ];

    private readonly RowInsert<WebhookInboxItem> _inbox;
    private readonly RowInsert<WorkflowInstance> _instances;
    private readonly RowInsert<JournalEntry> _journal;
    private readonly RelationalTypeMapping[] _progressMappings;
    private readonly string _startsSql;
    private readonly string _progressSql;

    public PostgresWriteBatch(IModel model, ISqlGenerationHelper sql, HotPathStatements statements)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(statements);
        _inbox = statements.Inbox;
        _instances = statements.Instances;
        _journal = statements.Journal;

        var instance = model.FindEntityType(typeof(WorkflowInstance))!;
        var table = StoreObjectIdentifier.Table(instance.GetTableName()!, instance.GetSchema());
        string Column(string property) => sql.DelimitIdentifier(instance.FindProperty(property)!.GetColumnName(table)!);

        _progressMappings = ProgressValues.Select(v => instance.FindProperty(v.Property)!.GetRelationalTypeMapping()).ToArray();

        var parameter = 0;
        string Arrays(IEnumerable<string> storeTypes) =>
            string.Join(", ", storeTypes.Select(type => string.Create(CultureInfo.InvariantCulture, $"${++parameter}::{type}[]")));
        string Names<T>(RowInsert<T> insert) where T : class => string.Join(", ", insert.Columns.Select(c => c.Name));
        string Aliases(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i}")));
        string Alias<T>(RowInsert<T> insert, string property) where T : class =>
            string.Create(CultureInfo.InvariantCulture, $"c{IndexOf(insert, property)}");

        // The unique dedup index skips a duplicate delivery (DO NOTHING), and only the instances of rows that went in follow.
        var inboxInstanceId = _inbox.Columns[IndexOf(_inbox, nameof(WebhookInboxItem.InstanceId))].Name;
        _startsSql = $"WITH ins AS (INSERT INTO {_inbox.Table} ({Names(_inbox)}) SELECT * FROM unnest({Arrays(_inbox.Columns.Select(c => c.Mapping.StoreType))}) "
            + $"ON CONFLICT DO NOTHING RETURNING {inboxInstanceId}) "
            + $"INSERT INTO {_instances.Table} ({Names(_instances)}) SELECT * FROM unnest({Arrays(_instances.Columns.Select(c => c.Mapping.StoreType))}) "
            + $"AS r ({Aliases(_instances.Columns.Count)}) WHERE r.{Alias(_instances, nameof(WorkflowInstance.Id))} IN (SELECT {inboxInstanceId} FROM ins) "
            + $"RETURNING {Column(nameof(WorkflowInstance.Id))}";

        // Each run's update on the lease it still holds (a null state or correlation keeps the stored one, as the
        // single-run UPDATE leaves those columns out), and the journal entries of the runs whose update matched.
        // "Id = ANY(<the ids' array>)" gives the plan a primary-key lookup however few rows the table had when it
        // was planned: joined to v alone, a plan made on a new, empty table scanned the whole table on every batch.
        parameter = 0;
        var progressArrays = Arrays(_progressMappings.Select(m => m.StoreType).Append("boolean"));
        var journalArrays = Arrays(_journal.Columns.Select(c => c.Mapping.StoreType));
        string Keep(string property, string value) => $"{Column(property)} = COALESCE(v.{value}, w.{Column(property)})";
        string ReleaseOr(string property) => $"{Column(property)} = CASE WHEN v.rl THEN NULL ELSE w.{Column(property)} END";
        var idsParameter = Array.FindIndex(ProgressValues, v => v.Property == nameof(WorkflowInstance.Id)) + 1;
        _progressSql = $"WITH v AS (SELECT * FROM unnest({progressArrays}) AS v ({string.Join(", ", ProgressValues.Select(v => v.Alias))}, rl)), "
            + $"u AS (UPDATE {sql.DelimitIdentifier(instance.GetTableName()!, instance.GetSchema())} AS w SET "
            + $"{Column(nameof(WorkflowInstance.Status))} = v.s, {Column(nameof(WorkflowInstance.SubStatus))} = v.ss, "
            + $"{Column(nameof(WorkflowInstance.Error))} = v.e, {Column(nameof(WorkflowInstance.UpdatedAt))} = v.n, "
            + $"{Column(nameof(WorkflowInstance.FinishedAt))} = v.f, {Keep(nameof(WorkflowInstance.StateJson), "sj")}, {Keep(nameof(WorkflowInstance.CorrelationId), "c")}, "
            + $"{ReleaseOr(nameof(WorkflowInstance.LeaseOwner))}, {ReleaseOr(nameof(WorkflowInstance.LeaseExpiresAt))} "
            + $"FROM v WHERE w.{Column(nameof(WorkflowInstance.Id))} = ANY(${idsParameter.ToString(CultureInfo.InvariantCulture)}) "
            + $"AND w.{Column(nameof(WorkflowInstance.TenantId))} = v.t AND w.{Column(nameof(WorkflowInstance.Id))} = v.i "
            + $"AND w.{Column(nameof(WorkflowInstance.LeaseOwner))} = v.o AND w.{Column(nameof(WorkflowInstance.LeaseExpiresAt))} > v.n "
            + $"RETURNING w.{Column(nameof(WorkflowInstance.Id))} AS i), "
            + $"j AS (INSERT INTO {_journal.Table} ({Names(_journal)}) SELECT * FROM unnest({journalArrays}) AS r ({Aliases(_journal.Columns.Count)}) "
            + $"WHERE r.{Alias(_journal, nameof(JournalEntry.InstanceId))} IN (SELECT i FROM u)) "
            + "SELECT i FROM u";
    }

    /// <summary>Whether <paramref name="write"/> can go into a batch (bookmark replacement and very long journals write alone).</summary>
    public static bool CanBatch(object write) => write switch
    {
        StartRunWrite => true,
        ProgressWrite progress => !progress.ReplaceBookmarks && progress.Journal.Count <= MaxJournalEntries,
        _ => false,
    };

    /// <summary>Writes <paramref name="writes"/> in one transaction and returns each one's result (false: duplicate, or lease lost).</summary>
    public bool[] Execute(DbConnection connection, IReadOnlyList<object> writes)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(writes);
        var starts = new List<(int Index, StartRunWrite Write)>();
        var progress = new List<(int Index, ProgressWrite Write)>();
        for (var i = 0; i < writes.Count; i++)
        {
            switch (writes[i])
            {
                case StartRunWrite start:
                    starts.Add((i, start));
                    break;
                case ProgressWrite step when CanBatch(step):
                    progress.Add((i, step));
                    break;
                default:
                    throw new ArgumentException($"{writes[i].GetType().Name} cannot be batched.", nameof(writes));
            }
        }

        // No transaction: PostgreSQL runs the batch's statements (one Sync) in one implicit transaction, committed at
        // its end, which saves the BEGIN and COMMIT round trips.
        using var batch = connection.CreateBatch();
        if (starts.Count > 0)
        {
            var command = Command(batch, _startsSql);
            var inbox = starts.ConvertAll(s => s.Write.Inbox);
            var instances = starts.ConvertAll(s => s.Write.Instance);
            AddColumns(command, _inbox.Columns, inbox);
            AddColumns(command, _instances.Columns, instances);
        }

        if (progress.Count > 0)
        {
            var command = Command(batch, _progressSql);
            var values = progress.Select(p => p.Write).ToList();
            for (var c = 0; c < ProgressValues.Length; c++)
            {
                AddArray(command, _progressMappings[c], values.ConvertAll(w => ProgressValues[c].Value(w)));
            }

            var release = command.CreateParameter();
            release.Value = values.ConvertAll(w => w.ReleaseLease).ToArray();
            command.Parameters.Add(release);
            AddColumns(command, _journal.Columns, values.SelectMany(w => w.Journal).ToList());
        }

        // Prepared on this connection the first time; the same text is found prepared from then on.
        batch.Prepare();
        var results = new bool[writes.Count];
        using var reader = batch.ExecuteReader();
        if (starts.Count > 0)
        {
            var added = ReadIds(reader);
            foreach (var (index, write) in starts)
            {
                results[index] = added.Contains(write.Instance.Id);
            }

            reader.NextResult();
        }

        if (progress.Count > 0)
        {
            var saved = ReadIds(reader);
            foreach (var (index, write) in progress)
            {
                results[index] = saved.Contains(write.InstanceId);
            }
        }

        return results;
    }

    private static DbBatchCommand Command(DbBatch batch, string sql)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = sql;
        batch.BatchCommands.Add(command);
        return command;
    }

    private static void AddColumns<T>(DbBatchCommand command, IReadOnlyList<RowInsert<T>.Column> columns, List<T> rows)
        where T : class
    {
        foreach (var column in columns)
        {
            AddArray(command, column.Mapping, rows.ConvertAll(row => column.Property.GetValue(row)));
        }
    }

    /// <summary>
    /// One column's values as an array of the provider's type, converted as EF converts them (enums to text), and
    /// passed unnamed: Npgsql then sends the statement as it is, with no rewriting of its parameter markers.
    /// </summary>
    private static void AddArray(DbBatchCommand command, RelationalTypeMapping mapping, List<object?> values)
    {
        var converter = mapping.Converter;
        var type = converter?.ProviderClrType ?? mapping.ClrType;
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null)
        {
            type = typeof(Nullable<>).MakeGenericType(type);
        }

        var array = Array.CreateInstance(type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            array.SetValue(value is not null && converter is not null ? converter.ConvertToProvider(value) : value, i);
        }

        var parameter = command.CreateParameter();
        parameter.Value = array;
        command.Parameters.Add(parameter);
    }

    private static HashSet<string> ReadIds(DbDataReader reader)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static int IndexOf<T>(RowInsert<T> insert, string property)
        where T : class
    {
        for (var i = 0; i < insert.Columns.Count; i++)
        {
            if (insert.Columns[i].Property.Name == property)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{typeof(T).Name}.{property} is not written by its insert.");
    }
}
