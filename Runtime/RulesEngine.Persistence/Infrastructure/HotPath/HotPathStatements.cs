using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using RulesEngine.Persistence.Bookmarks;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Instances;
using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>The SQL of a webhook run's writes (inbox row, instance, progress, journal, bookmarks), built once from the EF model.</summary>
internal sealed class HotPathStatements
{
    private readonly ISqlGenerationHelper _sql;
    private readonly IEntityType _instance;
    private readonly string _instanceTable;
    private readonly string _bookmarkDelete;
    private readonly RelationalTypeMapping _bookmarkTenantMapping;
    private readonly RelationalTypeMapping _bookmarkInstanceMapping;
    private readonly ConcurrentDictionary<int, string> _progressUpdates = new();
    private readonly Dictionary<string, (RelationalTypeMapping Mapping, string Name)> _setParameters;
    private readonly Dictionary<string, (RelationalTypeMapping Mapping, string Name)> _whereParameters;

    public HotPathStatements(IModel model, ISqlGenerationHelper sql)
    {
        _sql = sql;
        Inbox = new RowInsert<WebhookInboxItem>(model, sql);
        Instances = new RowInsert<WorkflowInstance>(model, sql);
        Journal = new RowInsert<JournalEntry>(model, sql);
        Bookmarks = new RowInsert<Bookmark>(model, sql);

        _instance = model.FindEntityType(typeof(WorkflowInstance))!;
        _instanceTable = sql.DelimitIdentifier(_instance.GetTableName()!, _instance.GetSchema());
        _setParameters = InstanceParameters(SetPrefix, nameof(WorkflowInstance.Status), nameof(WorkflowInstance.SubStatus), nameof(WorkflowInstance.Error),
            nameof(WorkflowInstance.UpdatedAt), nameof(WorkflowInstance.FinishedAt), nameof(WorkflowInstance.StateJson), nameof(WorkflowInstance.CorrelationId));
        _whereParameters = InstanceParameters(WherePrefix, nameof(WorkflowInstance.TenantId), nameof(WorkflowInstance.Id),
            nameof(WorkflowInstance.LeaseOwner), nameof(WorkflowInstance.LeaseExpiresAt));
        var bookmark = model.FindEntityType(typeof(Bookmark))!;
        var bookmarkTable = StoreObjectIdentifier.Table(bookmark.GetTableName()!, bookmark.GetSchema());
        var tenant = bookmark.FindProperty(nameof(Bookmark.TenantId))!;
        var instance = bookmark.FindProperty(nameof(Bookmark.InstanceId))!;
        _bookmarkTenantMapping = tenant.GetRelationalTypeMapping();
        _bookmarkInstanceMapping = instance.GetRelationalTypeMapping();
        _bookmarkDelete = $"DELETE FROM {sql.DelimitIdentifier(bookmark.GetTableName()!, bookmark.GetSchema())} WHERE "
            + $"{sql.DelimitIdentifier(tenant.GetColumnName(bookmarkTable)!)} = {sql.GenerateParameterNamePlaceholder("t")} AND "
            + $"{sql.DelimitIdentifier(instance.GetColumnName(bookmarkTable)!)} = {sql.GenerateParameterNamePlaceholder("i")}{sql.StatementTerminator}";
    }

    public RowInsert<WebhookInboxItem> Inbox { get; }

    public RowInsert<WorkflowInstance> Instances { get; }

    public RowInsert<JournalEntry> Journal { get; }

    public RowInsert<Bookmark> Bookmarks { get; }

    public async Task InsertAsync<T>(HotPathSession session, RowInsert<T> insert, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        for (var start = 0; start < rows.Count; start += RowInsert<T>.MaxRowsPerStatement)
        {
            var chunk = start == 0 && rows.Count <= RowInsert<T>.MaxRowsPerStatement
                ? rows
                : rows.Skip(start).Take(RowInsert<T>.MaxRowsPerStatement).ToList();
            var command = session.Command($"{typeof(T).Name}#{chunk.Count}");
            insert.Prepare(command, chunk);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task DeleteBookmarksAsync(HotPathSession session, string tenantId, string instanceId, CancellationToken cancellationToken)
    {
        var command = session.Command(_bookmarkDelete);
        command.CommandText = _bookmarkDelete;
        HotPathSession.Add(command, _bookmarkTenantMapping, _sql.GenerateParameterName("t"), tenantId);
        HotPathSession.Add(command, _bookmarkInstanceMapping, _sql.GenerateParameterName("i"), instanceId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The progress UPDATE of an instance this node still leases (1 row) or lost (0 rows). It comes first in its
    /// transaction: it checks the lease and takes the write lock, so a node that lost its lease writes nothing.
    /// </summary>
    public async Task<int> UpdateProgressAsync(
        HotPathSession session, string tenantId, string instanceId, string leaseOwner, DateTimeOffset now,
        WorkflowInstanceUpdate update, bool releaseLease, CancellationToken cancellationToken)
    {
        var variant = (update.StateJson is null ? 0 : 1) | (update.CorrelationId is null ? 0 : 2) | (releaseLease ? 4 : 0);
        var sql = _progressUpdates.GetOrAdd(variant, BuildProgressUpdate);
        var command = session.Command(sql);
        command.CommandText = sql;
        Set(command, nameof(WorkflowInstance.Status), update.Status);
        Set(command, nameof(WorkflowInstance.SubStatus), update.SubStatus);
        Set(command, nameof(WorkflowInstance.Error), update.Error);
        Set(command, nameof(WorkflowInstance.UpdatedAt), now);
        Set(command, nameof(WorkflowInstance.FinishedAt), update.IsTerminal ? now : null);
        if (update.StateJson is not null)
        {
            Set(command, nameof(WorkflowInstance.StateJson), update.StateJson);
        }

        if (update.CorrelationId is not null)
        {
            Set(command, nameof(WorkflowInstance.CorrelationId), update.CorrelationId);
        }

        Where(command, nameof(WorkflowInstance.TenantId), tenantId);
        Where(command, nameof(WorkflowInstance.Id), instanceId);
        Where(command, nameof(WorkflowInstance.LeaseOwner), leaseOwner);
        Where(command, nameof(WorkflowInstance.LeaseExpiresAt), now);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private const string SetPrefix = "s_";
    private const string WherePrefix = "w_";

    private Dictionary<string, (RelationalTypeMapping Mapping, string Name)> InstanceParameters(string prefix, params string[] properties) =>
        properties.ToDictionary(
            p => p,
            p => (_instance.FindProperty(p)!.GetRelationalTypeMapping(), _sql.GenerateParameterName(prefix + p)),
            StringComparer.Ordinal);

    private void Set(System.Data.Common.DbCommand command, string property, object? value)
    {
        var (mapping, name) = _setParameters[property];
        HotPathSession.Add(command, mapping, name, value);
    }

    private void Where(System.Data.Common.DbCommand command, string property, object? value)
    {
        var (mapping, name) = _whereParameters[property];
        HotPathSession.Add(command, mapping, name, value);
    }

    private string BuildProgressUpdate(int variant)
    {
        var table = StoreObjectIdentifier.Table(_instance.GetTableName()!, _instance.GetSchema());
        string Column(string property) => _sql.DelimitIdentifier(_instance.FindProperty(property)!.GetColumnName(table)!);
        string Parameter(string prefix, string property) => _sql.GenerateParameterNamePlaceholder(prefix + property);
        var setters = new List<string>();
        foreach (var property in new[] { nameof(WorkflowInstance.Status), nameof(WorkflowInstance.SubStatus), nameof(WorkflowInstance.Error), nameof(WorkflowInstance.UpdatedAt), nameof(WorkflowInstance.FinishedAt) })
        {
            setters.Add($"{Column(property)} = {Parameter(SetPrefix, property)}");
        }

        if ((variant & 1) != 0)
        {
            setters.Add($"{Column(nameof(WorkflowInstance.StateJson))} = {Parameter(SetPrefix, nameof(WorkflowInstance.StateJson))}");
        }

        if ((variant & 2) != 0)
        {
            setters.Add($"{Column(nameof(WorkflowInstance.CorrelationId))} = {Parameter(SetPrefix, nameof(WorkflowInstance.CorrelationId))}");
        }

        if ((variant & 4) != 0)
        {
            setters.Add($"{Column(nameof(WorkflowInstance.LeaseOwner))} = NULL");
            setters.Add($"{Column(nameof(WorkflowInstance.LeaseExpiresAt))} = NULL");
        }

        return new StringBuilder("UPDATE ").Append(_instanceTable).Append(" SET ").AppendJoin(", ", setters)
            .Append(" WHERE ").Append(Column(nameof(WorkflowInstance.TenantId))).Append(" = ").Append(Parameter(WherePrefix, nameof(WorkflowInstance.TenantId)))
            .Append(" AND ").Append(Column(nameof(WorkflowInstance.Id))).Append(" = ").Append(Parameter(WherePrefix, nameof(WorkflowInstance.Id)))
            .Append(" AND ").Append(Column(nameof(WorkflowInstance.LeaseOwner))).Append(" = ").Append(Parameter(WherePrefix, nameof(WorkflowInstance.LeaseOwner)))
            .Append(" AND ").Append(Column(nameof(WorkflowInstance.LeaseExpiresAt))).Append(" > ").Append(Parameter(WherePrefix, nameof(WorkflowInstance.LeaseExpiresAt)))
            .Append(_sql.StatementTerminator).ToString();
    }
}
