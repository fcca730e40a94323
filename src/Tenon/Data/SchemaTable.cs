using System.Data;
using System.Data.Common;
using Tenon.Catalog;
using Tenon.Types;

namespace Tenon.Data;

/// <summary>Builds <see cref="TenonDataReader.GetSchemaTable"/>'s table from a row description.</summary>
internal static class SchemaTable
{
    public static DataTable Build(IReadOnlyList<ResultColumn> columns, SystemCatalog catalog)
    {
        var table = new DataTable("SchemaTable");
        var cols = table.Columns;
        cols.Add(SchemaTableColumn.ColumnName, typeof(string));
        cols.Add(SchemaTableColumn.ColumnOrdinal, typeof(int));
        cols.Add(SchemaTableColumn.ColumnSize, typeof(int));
        cols.Add(SchemaTableColumn.NumericPrecision, typeof(int));
        cols.Add(SchemaTableColumn.NumericScale, typeof(int));
        cols.Add(SchemaTableColumn.DataType, typeof(Type));
        cols.Add("DataTypeName", typeof(string));
        cols.Add(SchemaTableColumn.ProviderType, typeof(int));
        cols.Add(SchemaTableColumn.AllowDBNull, typeof(bool));
        cols.Add(SchemaTableColumn.IsKey, typeof(bool));
        cols.Add(SchemaTableColumn.IsUnique, typeof(bool));
        cols.Add(SchemaTableColumn.IsLong, typeof(bool));
        cols.Add(SchemaTableColumn.IsAliased, typeof(bool));
        cols.Add(SchemaTableColumn.IsExpression, typeof(bool));
        cols.Add(SchemaTableOptionalColumn.IsAutoIncrement, typeof(bool));
        cols.Add(SchemaTableOptionalColumn.IsReadOnly, typeof(bool));
        cols.Add(SchemaTableColumn.BaseSchemaName, typeof(string));
        cols.Add(SchemaTableColumn.BaseTableName, typeof(string));
        cols.Add(SchemaTableColumn.BaseColumnName, typeof(string));

        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var row = table.NewRow();
            row[SchemaTableColumn.ColumnName] = c.Name;
            row[SchemaTableColumn.ColumnOrdinal] = i;
            row[SchemaTableColumn.ColumnSize] = ColumnSize(c.Type);
            row[SchemaTableColumn.NumericPrecision] = c.Type is { Id: TypeId.Numeric, Precision: >= 0 } ? c.Type.Precision : DBNull.Value;
            row[SchemaTableColumn.NumericScale] = c.Type is { Id: TypeId.Numeric, Precision: >= 0 } ? c.Type.Scale : DBNull.Value;
            row[SchemaTableColumn.DataType] = FieldValues.FieldType(c.Type);
            row["DataTypeName"] = FieldValues.DataTypeName(c.Type);
            row[SchemaTableColumn.ProviderType] = (int)c.Type.TypeOid;
            row[SchemaTableColumn.IsLong] = c.Type.Id is TypeId.Text or TypeId.Bytea;
            TableDef? baseTable = null;
            ColumnDef? baseColumn = null;
            if (c.TableOid != 0 && catalog.Tables.TryGetValue(c.TableOid, out var t) && c.ColumnNumber >= 1 && c.ColumnNumber <= t.Columns.Count)
            {
                baseTable = t;
                baseColumn = t.Column(c.ColumnNumber);
            }
            row[SchemaTableColumn.AllowDBNull] = baseColumn is null || !baseColumn.NotNull;
            row[SchemaTableColumn.IsKey] = baseColumn is not null && baseTable!.PrimaryKey is { } pk && pk.Columns.Contains(baseColumn.Number);
            row[SchemaTableColumn.IsUnique] = false;
            row[SchemaTableColumn.IsAliased] = baseColumn is not null && baseColumn.Name != c.Name;
            row[SchemaTableColumn.IsExpression] = baseColumn is null;
            row[SchemaTableOptionalColumn.IsAutoIncrement] = baseColumn is not null && (baseColumn.Identity != IdentityKind.None || baseColumn.OwnedSequence is not null);
            row[SchemaTableOptionalColumn.IsReadOnly] = baseColumn is null || baseColumn.Generated is not null;
            row[SchemaTableColumn.BaseSchemaName] = (object?)baseTable?.Schema ?? DBNull.Value;
            row[SchemaTableColumn.BaseTableName] = (object?)baseTable?.Name ?? DBNull.Value;
            row[SchemaTableColumn.BaseColumnName] = (object?)baseColumn?.Name ?? DBNull.Value;
            table.Rows.Add(row);
        }
        return table;
    }

    // The type's fixed storage size, the declared length of varchar(n)/char(n), else -1 (variable).
    private static int ColumnSize(SqlType type) =>
        type.Id is TypeId.Varchar or TypeId.Bpchar && type.Length >= 0 ? type.Length
        : type.StorageLength > 0 ? type.StorageLength : -1;
}
