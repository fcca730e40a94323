using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER TABLE … ADD [CONSTRAINT name] {PRIMARY KEY | UNIQUE} USING INDEX index: the index must
/// be the table's own, valid, unique, on plain columns in default order, whole (not partial) and
/// not already a constraint's; a primary key makes its columns NOT NULL. A constraint name that
/// differs from the index's renames the index (after PostgreSQL's NOTICE). Checks and their order
/// are PostgreSQL's.
/// </summary>
public sealed partial class DdlExecutor
{
    private void AddKeyUsingIndex(uint tableOid, KeyUsingIndexConstraint c)
    {
        CheckTiming(c);
        var table = Catalog.Table(tableOid);
        var oid = Catalog.RelationsByName.GetValueOrDefault(SystemCatalog.Key(table.Schema, c.IndexName));
        if (!Catalog.Indexes.TryGetValue(oid, out var index))
            throw new TenonException(SqlState.UndefinedObject, $"index \"{c.IndexName}\" does not exist") { Position = c.Position };
        if (table.IsPartitioned)
            throw new TenonException(SqlState.FeatureNotSupported, "ALTER TABLE / ADD CONSTRAINT USING INDEX is not supported on partitioned tables");
        TenonException Unusable(string message) =>
            new(SqlState.WrongObjectType, message, "Cannot create a primary key or unique constraint using such an index.") { Position = c.Position };
        if (index.TableOid != tableOid)
            throw new TenonException(SqlState.WrongObjectType, $"index \"{index.Name}\" does not belong to table \"{table.Name}\"") { Position = c.Position };
        if (!index.Valid)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"index \"{index.Name}\" is not valid") { Position = c.Position };
        if (index.ConstraintName is not null)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"index \"{index.Name}\" is already associated with a constraint") { Position = c.Position };
        if (!index.Unique) throw Unusable($"\"{index.Name}\" is not a unique index");
        if (index.HasExpressions) throw Unusable($"index \"{index.Name}\" contains expressions");
        if (index.Predicate is not null) throw Unusable($"\"{index.Name}\" is a partial index");
        if (index.AccessMethod != "btree")
            throw new TenonException(SqlState.WrongObjectType, $"index \"{index.Name}\" is not a btree") { Position = c.Position };
        for (var i = 0; i < index.Columns.Count; i++)
            if (Flag(index.Descending, i) || index.NullsOption(i) != "")
                throw Unusable($"index \"{index.Name}\" column number {i + 1} does not have default sorting behavior");
        if (c.Primary && table.PrimaryKey is not null) throw MultiplePrimaryKeys(table, 0);
        if (c.Primary) table = MakePrimaryKeyColumnsNotNull(table, index.Columns);
        var name = c.Name ?? index.Name;
        if (table.FindConstraint(name) is not null)
            throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
        if (name != index.Name)
        {
            ctx.Session.RaiseNotice(new Notice("NOTICE", SqlState.SuccessfulCompletion,
                $"ALTER TABLE / ADD CONSTRAINT USING INDEX will rename index \"{index.Name}\" to \"{name}\""));
            if (Catalog.RelationExists(table.Schema, name))
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        }
        var deferrable = c.Timing.Deferrable == true || c.Timing.InitiallyDeferred == true;
        PutIndexDef(index with
        {
            Name = name, IsPrimary = c.Primary, ConstraintName = name, Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        });
        table = Catalog.Table(tableOid);
        var constraint = new KeyConstraintDef(name, Db.NextOid(), tableOid, c.Primary, index.Columns)
        {
            IndexOid = index.Oid, NullsNotDistinct = index.NullsNotDistinct, Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        };
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Append(constraint).ToArray() });
    }
}
