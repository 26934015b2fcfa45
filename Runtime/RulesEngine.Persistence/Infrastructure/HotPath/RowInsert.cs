using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace RulesEngine.Persistence.Infrastructure.HotPath;

/// <summary>
/// An INSERT of one entity type's rows, built from the EF model (table, column names, value converters, provider
/// parameter types), so the hot path writes exactly what <c>SaveChanges</c> would, without change tracking.
/// </summary>
internal sealed class RowInsert<T>
    where T : class
{
    private readonly string _table;
    private readonly Column[] _columns;
    private readonly ISqlGenerationHelper _sql;
    private readonly string[] _byRowCount = new string[MaxRowsPerStatement + 1];
    private readonly string[][] _parameterNames;

    /// <summary>Rows per statement: well under every provider's parameter limit (SQL Server: 2,100).</summary>
    public const int MaxRowsPerStatement = 50;

    public RowInsert(IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        _sql = sql;
        var tableName = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        _table = sql.DelimitIdentifier(tableName, entity.GetSchema());

        // A database-generated integer key (journal entries) is left to the database, as SaveChanges does.
        _columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .Select(p => new Column(
                sql.DelimitIdentifier(p.GetColumnName(table)!),
                p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} has no CLR property."),
                p.GetRelationalTypeMapping(),
                p.IsNullable))
            .ToArray();
        _parameterNames = Enumerable.Range(0, MaxRowsPerStatement)
            .Select(r => Enumerable.Range(0, _columns.Length).Select(c => sql.GenerateParameterName(Name(r, c))).ToArray())
            .ToArray();
    }

    /// <summary>The table, delimited.</summary>
    public string Table => _table;

    /// <summary>The columns written, in the order of the statement's column list.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>Adds an INSERT of <paramref name="rows"/> (at most <see cref="MaxRowsPerStatement"/>) to <paramref name="command"/>.</summary>
    public void Prepare(DbCommand command, IReadOnlyList<T> rows)
    {
        if (rows.Count is 0 or > MaxRowsPerStatement)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows.Count, $"1 to {MaxRowsPerStatement} rows per statement.");
        }

        command.CommandText = _byRowCount[rows.Count] ??= BuildSql(rows.Count);
        command.Parameters.Clear();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < _columns.Length; c++)
            {
                var column = _columns[c];
                command.Parameters.Add(column.Mapping.CreateParameter(command, _parameterNames[r][c], column.Property.GetValue(rows[r]), column.Nullable));
            }
        }
    }

    private string BuildSql(int rowCount)
    {
        var text = new StringBuilder("INSERT INTO ").Append(_table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(_sql.GenerateParameterNamePlaceholder(Name(r, c)));
            }

            text.Append(')');
        }

        return text.Append(_sql.StatementTerminator).ToString();
    }

    private static string Name(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"r{row}c{column}");

    /// <summary>A written column: its delimited name, the property it comes from, and the provider's mapping of it.</summary>
    public sealed record Column(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Nullable);
}
