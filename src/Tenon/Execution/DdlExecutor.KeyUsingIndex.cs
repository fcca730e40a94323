using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER TABLE … ADD [CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX index: an existing unique
/// btree index of the table, on plain columns in default order and without a predicate, becomes the
/// constraint's index (renamed to the constraint's name); a primary key makes its columns NOT NULL.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>The index the constraint names, with PostgreSQL's parse-time checks (errors at the constraint).</summary>
    private IndexDef ExistingIndexForKey(TableDef table, KeyUsingIndexConstraint c, bool creating)
    {
        TenonException Error(string state, string message, string? detail = null) => new(state, message, detail) { Position = c.Position };
        const string Unusable = "Cannot create a primary key or unique constraint using such an index.";
        if (creating) throw Error(SqlState.FeatureNotSupported, "cannot use an existing index in CREATE TABLE");
        var oid = Catalog.LookupRelation(table.Schema, c.Index);
        if (oid == 0 || !Catalog.Indexes.TryGetValue(oid, out var index))
            throw Error(SqlState.UndefinedObject, $"index \"{c.Index}\" does not exist");
        if (index.TableOid != table.Oid)
            throw Error(SqlState.ObjectNotInPrerequisiteState, $"index \"{c.Index}\" does not belong to table \"{table.Name}\"");
        if (index.ConstraintName is not null)
            throw Error(SqlState.ObjectNotInPrerequisiteState, $"index \"{c.Index}\" is already associated with a constraint");
        if (!index.Unique) throw Error(SqlState.WrongObjectType, $"\"{c.Index}\" is not a unique index", Unusable);
        if (index.Expressions.Any(e => e is not null)) throw Error(SqlState.WrongObjectType, $"index \"{c.Index}\" contains expressions", Unusable);
        if (index.Predicate is not null) throw Error(SqlState.WrongObjectType, $"\"{c.Index}\" is a partial index", Unusable);
        if (index.Deferrable && c.Timing.Deferrable != true)
            throw Error(SqlState.WrongObjectType, $"\"{c.Index}\" is a deferrable index", "Cannot create a non-deferrable constraint using a deferrable index.");
        if (index.AccessMethod != "btree")
            throw Error(SqlState.WrongObjectType, $"index \"{c.Index}\" is not a btree", Unusable);
        for (var i = 0; i < index.Columns.Count; i++)
        {
            var descending = i < index.Descending.Count && index.Descending[i];
            var nullsFirst = i < index.NullsFirst.Count && index.NullsFirst[i];
            if (descending || nullsFirst)
                throw Error(SqlState.WrongObjectType, $"index \"{c.Index}\" column number {i + 1} does not have default sorting behavior", Unusable);
        }
        return index;
    }

    private void AddKeyUsingIndex(uint tableOid, KeyUsingIndexConstraint c)
    {
        var table = Catalog.Table(tableOid);
        if (table.IsPartitioned)
            throw new TenonException(SqlState.FeatureNotSupported, "ALTER TABLE / ADD CONSTRAINT USING INDEX is not supported on partitioned tables");
        var index = ExistingIndexForKey(table, c, creating: false);
        if (c.Primary && table.PrimaryKey is not null) throw MultiplePrimaryKeys(table, 0);
        var name = c.Name ?? index.Name;
        if (name != index.Name)
        {
            if (Catalog.RelationExists(table.Schema, name))
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index \"{index.Name}\" to \"{name}\""));
        }
        if (table.FindConstraint(name) is not null)
            throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
        var columns = table.Columns.ToList();
        if (c.Primary)
            foreach (var n in index.Columns)
            {
                if (columns[n - 1].NotNull) continue;
                foreach (var (_, row) in Tx.Rows(tableOid).Scan())
                    if (row[n - 1] is null)
                        throw new TenonException(SqlState.NotNullViolation, $"column \"{columns[n - 1].Name}\" of relation \"{table.Name}\" contains null values")
                        { SchemaName = table.Schema, TableName = table.Name, ColumnName = columns[n - 1].Name };
                columns[n - 1] = columns[n - 1] with { NotNull = true };
            }
        var keyIndex = index with { Name = name, ConstraintName = name, IsPrimary = c.Primary };
        Catalog = Catalog.RemoveIndex(index.Oid, table.Schema);
        Catalog = Catalog.PutIndex(keyIndex, table.Schema);
        var constraint = new KeyConstraintDef(name, Db.NextOid(), tableOid, c.Primary, index.Columns.ToArray())
        {
            IndexOid = index.Oid, NullsNotDistinct = index.NullsNotDistinct, Deferrable = index.Deferrable, InitiallyDeferred = index.InitiallyDeferred,
        };
        Catalog = Catalog.PutTable(table with
        {
            Columns = columns,
            Indexes = table.Indexes.Select(i => i.Oid == index.Oid ? keyIndex : i).ToArray(),
            Constraints = table.Constraints.Append(constraint).ToArray(),
        });
    }
}
