using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using ExprSource = Tenon.Sql.ExprSource;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER INDEX's actions other than RENAME: storage parameters (SET/RESET, checked per access
/// method), statistics targets of expression columns, SET TABLESPACE (Tenon has only
/// pg_default), OWNER TO, [NO] DEPENDS ON EXTENSION (checked, not recorded), ATTACH PARTITION
/// (an index of a partition becomes a partition of a partitioned index), and ALTER INDEX ALL IN
/// TABLESPACE (nothing to move). Errors and their order are PostgreSQL's.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult AlterIndex(AlterIndexStatement stmt)
    {
        var oid = Lookup(stmt.Name);
        if (oid == 0)
        {
            if (SystemRelations.Find(Catalog, Path, stmt.Name.Schema, stmt.Name.Name) is null)
            {
                if (!stmt.IfExists) throw SqlErrors.RelationDoesNotExist(stmt.Name.ToString());
                ctx.Session.RaiseNotice(new Notice("NOTICE", SqlState.SuccessfulCompletion, $"relation \"{stmt.Name}\" does not exist, skipping"));
                return new StatementResult("ALTER INDEX");
            }
        }
        if (!Catalog.Indexes.ContainsKey(oid))
            throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not an index");
        foreach (var action in stmt.Actions)
        {
            var index = Catalog.Indexes[oid];
            switch (action)
            {
                case IndexOptionsAction o:
                    PutIndexDef(index with { Options = IndexStorageParameters.Merge(index.Options, o.Options, o.Reset, index.AccessMethod) });
                    break;
                case IndexStatisticsAction s:
                    SetIndexStatistics(index, s);
                    break;
                case IndexTablespaceAction t:
                    RequireNonSharedTablespace(t.Tablespace);
                    break;
                case IndexOwnerAction o:
                    CheckOwner(new OwnerToAction(o.Role));
                    break;
                case IndexDependsOnExtensionAction d:
                    if (!Catalog.Extensions.ContainsKey(d.Extension) && d.Extension != "plpgsql")
                        throw new TenonException(SqlState.UndefinedObject, $"extension \"{d.Extension}\" does not exist");
                    break;
                case AttachIndexPartitionAction a:
                    AttachIndexPartition(index, a.Partition);
                    break;
            }
        }
        return new StatementResult("ALTER INDEX");
    }

    /// <summary>Replaces an index's definition in the catalog and in its table's list.</summary>
    private void PutIndexDef(IndexDef index)
    {
        var table = Catalog.Table(index.TableOid);
        Catalog = Catalog.PutIndex(index, table.Schema);
        Catalog = Catalog.PutTable(table with { Indexes = table.Indexes.Select(i => i.Oid == index.Oid ? index : i).ToArray() });
    }

    /// <summary>
    /// ALTER INDEX … ALTER [COLUMN] n SET STATISTICS t: only an expression key has statistics of
    /// its own; a target above 10000 is lowered with a warning, below -1 refused.
    /// </summary>
    private void SetIndexStatistics(IndexDef index, IndexStatisticsAction s)
    {
        var target = s.Target;
        if (target < -1) throw new TenonException(SqlState.InvalidParameterValue, $"statistics target {target} is too low");
        if (target > 10000)
        {
            target = 10000;
            ctx.Session.RaiseNotice(new Notice("WARNING", SqlState.SuccessfulCompletion, "lowering statistics target to 10000"));
        }
        var table = Catalog.Table(index.TableOid);
        var names = PgAttribute.IndexColumnNames(table, index);
        int position;
        if (s.Column is { } number)
        {
            if (number > names.Count)
                throw new TenonException(SqlState.UndefinedColumn, $"column number {number} of relation \"{index.Name}\" does not exist");
            position = number - 1;
        }
        else
        {
            position = names.ToList().IndexOf(s.ColumnName!);
            if (position < 0)
                throw new TenonException(SqlState.UndefinedColumn, $"column \"{s.ColumnName}\" of relation \"{index.Name}\" does not exist");
        }
        if (position >= index.Columns.Count)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot alter statistics on included column \"{names[position]}\" of index \"{index.Name}\"");
        if (index.Columns[position] != 0)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot alter statistics on non-expression column \"{names[position]}\" of index \"{index.Name}\"",
                hint: "Alter statistics on table column instead.");
        var targets = Enumerable.Range(0, names.Count).Select(index.StatisticsTarget).ToArray();
        targets[position] = target;
        PutIndexDef(index with { StatisticsTargets = targets.All(t => t == -1) ? [] : targets });
    }

    public StatementResult AlterIndexAllInTablespace(AlterIndexAllInTablespaceStatement stmt)
    {
        RequireNonSharedTablespace(stmt.Tablespace);
        RequireNonSharedTablespace(stmt.NewTablespace);
        foreach (var role in stmt.OwnedBy) CheckOwner(new OwnerToAction(role));
        return new StatementResult("ALTER INDEX");
    }

    /// <summary>
    /// ALTER INDEX parent ATTACH PARTITION child: <paramref name="parent"/> must be an index of a
    /// partitioned table, the child an equal index of one of its partitions that is not attached
    /// elsewhere, and the partition must have no other index attached to it; a key constraint's
    /// index needs a constraint on the child too, which becomes the parent constraint's copy. Once
    /// every partition has its index attached, an invalid parent (made with CREATE INDEX ON ONLY)
    /// becomes valid, and so on up the tree.
    /// </summary>
    private void AttachIndexPartition(IndexDef parent, QualifiedName childName)
    {
        var parentTable = Catalog.Table(parent.TableOid);
        if (!parentTable.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, $"ALTER action ATTACH PARTITION cannot be performed on relation \"{parent.Name}\"",
                "This operation is not supported for indexes.");
        var childOid = Lookup(childName);
        if (childOid == 0) throw SqlErrors.RelationDoesNotExist(childName.ToString());
        if (!Catalog.Indexes.TryGetValue(childOid, out var child))
            throw new TenonException(SqlState.WrongObjectType, $"\"{childName.Name}\" is not an index");
        if (child.ParentIndexOid == parent.Oid) return;
        var childTable = Catalog.Table(child.TableOid);
        TenonException CannotAttach(string detail) =>
            new(SqlState.InvalidObjectDefinition, $"cannot attach index \"{child.Name}\" as a partition of index \"{parent.Name}\"", detail);
        if (childTable.PartitionParent != parentTable.Oid)
            throw CannotAttach($"Index \"{child.Name}\" is not an index on any partition of table \"{parentTable.Name}\".");
        if (child.ParentIndexOid != 0)
            throw CannotAttach($"Index \"{child.Name}\" is already attached to another index.");
        if (!IndexesMatch(parentTable, parent, childTable, child))
            throw CannotAttach("The index definitions do not match.");
        var parentConstraint = parentTable.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IndexOid == parent.Oid);
        var childConstraint = childTable.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IndexOid == child.Oid);
        if (parentConstraint is not null && childConstraint is null)
            throw CannotAttach($"The index \"{parent.Name}\" belongs to a constraint in table \"{parentTable.Name}\" but no constraint exists for index \"{child.Name}\".");
        if (childTable.Indexes.Any(i => i.ParentIndexOid == parent.Oid))
            throw CannotAttach($"Another index is already attached for partition \"{childTable.Name}\".");
        PutIndexDef(child with { ParentIndexOid = parent.Oid });
        if (parentConstraint is not null)
        {
            childTable = Catalog.Table(childTable.Oid);
            Catalog = Catalog.PutTable(childTable with
            {
                Constraints = childTable.Constraints.Select(c => c.Oid == childConstraint!.Oid ? c with { ParentConstraintOid = parentConstraint.Oid } : c).ToArray(),
            });
        }
        ValidatePartitionedIndex(Catalog.Indexes[parent.Oid]);
    }

    /// <summary>An invalid partitioned index becomes valid when each partition of its table has a valid index attached to it; then its own parent is looked at.</summary>
    private void ValidatePartitionedIndex(IndexDef index)
    {
        if (index.Valid) return;
        var table = Catalog.Table(index.TableOid);
        var attached = Catalog.Indexes.Values.Where(i => i.ParentIndexOid == index.Oid).ToList();
        if (PartitionBound.Children(Catalog, table).Any(p => !attached.Any(i => i.TableOid == p.Oid && i.Valid))) return;
        PutIndexDef(index with { Valid = true });
        if (index.ParentIndexOid != 0 && Catalog.Indexes.TryGetValue(index.ParentIndexOid, out var up))
            ValidatePartitionedIndex(up);
    }

    /// <summary>
    /// Whether an index of a partition can be a partition of a partitioned table's index (what
    /// PostgreSQL's CompareIndexInfo compares): method, uniqueness, the same columns by name in the
    /// same order with the same options, the same expressions and predicate.
    /// </summary>
    private static bool IndexesMatch(TableDef parentTable, IndexDef parent, TableDef childTable, IndexDef child)
    {
        if (parent.AccessMethod != child.AccessMethod || parent.Unique != child.Unique || parent.NullsNotDistinct != child.NullsNotDistinct
            || parent.Exclusion != child.Exclusion || parent.Columns.Count != child.Columns.Count || parent.IncludeColumns.Count != child.IncludeColumns.Count)
            return false;
        bool SameColumn(short p, short c) => p == 0 ? c == 0 : c != 0 && parentTable.Column(p).Name == childTable.Column(c).Name;
        for (var i = 0; i < parent.Columns.Count; i++)
        {
            if (!SameColumn(parent.Columns[i], child.Columns[i])) return false;
            if (Flag(parent.Descending, i) != Flag(child.Descending, i)) return false;
            if (parent.NullsOption(i) != child.NullsOption(i)) return false;
            if (parent.Columns[i] == 0 && ExprSource.Print(parent.Expressions[i]!.Expr) != ExprSource.Print(child.Expressions[i]!.Expr)) return false;
        }
        for (var i = 0; i < parent.IncludeColumns.Count; i++)
            if (!SameColumn(parent.IncludeColumns[i], child.IncludeColumns[i])) return false;
        if ((parent.Predicate is null) != (child.Predicate is null)) return false;
        return parent.Predicate is null || ExprSource.Print(parent.Predicate) == ExprSource.Print(child.Predicate!);
    }

    private static bool Flag(IReadOnlyList<bool> flags, int i) => i < flags.Count && flags[i];
}
