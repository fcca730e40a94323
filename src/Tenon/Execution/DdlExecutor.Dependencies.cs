using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// What a DROP takes with it. Foreign keys of other tables depend on a referenced table, its
/// referenced columns and the unique index that backs them: dropping any of those fails with
/// 2BP01 listing them, or with CASCADE drops them too, after one NOTICE, as PostgreSQL reports it.
/// Objects that belong to the dropped thing (a table's indexes and constraints, a column's
/// indexes and constraints) go silently.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>
    /// Fails or cascades for foreign keys that depend on an object being dropped.
    /// <paramref name="what"/> names it as PostgreSQL does: "table t", "index i", "column c of table t";
    /// <paramref name="dependsOn"/> is what the keys depend on when that is not the dropped object
    /// itself (dropping a key constraint: they depend on its index).
    /// </summary>
    private void DropDependentForeignKeys(IReadOnlyList<ForeignKeyDef> dependents, bool cascade, string what, string? dependsOn = null)
    {
        if (dependents.Count == 0) return;
        string Describe(ForeignKeyDef fk) => $"constraint {fk.Name} on table {Catalog.Table(fk.TableOid).Name}";
        if (!cascade)
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                string.Join("\n", dependents.Select(fk => $"{Describe(fk)} depends on {dependsOn ?? what}")),
                "Use DROP ... CASCADE to drop the dependent objects too.");
        ReportCascade(dependents.Select(Describe).ToList());
        foreach (var fk in dependents) RemoveConstraint(fk);
    }

    /// <summary>Foreign keys on tables other than <paramref name="except"/> whose parent key uses <paramref name="indexOid"/>.</summary>
    private List<ForeignKeyDef> ForeignKeysUsingIndex(uint indexOid, uint except = 0) =>
        Catalog.Tables.Values.SelectMany(t => t.ForeignKeys).Where(fk => fk.ParentIndexOid == indexOid && fk.TableOid != except).OrderBy(fk => fk.Oid).ToList();

    /// <summary>Removes a constraint from its table, with the index of a key constraint.</summary>
    private void RemoveConstraint(ConstraintDef c)
    {
        var table = Catalog.Table(c.TableOid);
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Where(x => x.Oid != c.Oid).ToArray() })
            .RemoveConstraintComment(c.Oid);
        if (c is KeyConstraintDef key && Catalog.Indexes.TryGetValue(key.IndexOid, out var index)) RemoveIndex(index);
    }

    /// <summary>Column numbers a constraint's CHECK expression, or an index's expressions and predicate, read.</summary>
    private HashSet<short> ColumnsUsed(TableDef table, IEnumerable<Sql.Ast.Expr> expressions)
    {
        var binder = new Binder(ctx);
        var scope = RowWriter.TableScope(table);
        var used = new HashSet<short>();
        foreach (var e in expressions)
            foreach (var c in binder.BindExpr(e, scope).Descendants().OfType<Expressions.ColumnExpr>())
                used.Add((short)(c.Index + 1));
        return used;
    }

    private void DropColumn(TableDef table, Sql.Ast.DropColumnAction action)
    {
        var col = table.FindColumn(action.Column);
        if (col is null && SystemColumns.IsSystemName(action.Column))
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot drop system column \"{action.Column}\"");
        if (col is null)
        {
            if (action.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"column \"{action.Column}\" of relation \"{table.Name}\" does not exist, skipping"));
                return;
            }
            throw new TenonException(SqlState.UndefinedColumn, $"column \"{action.Column}\" of relation \"{table.Name}\" does not exist");
        }
        var n = col.Number;
        DropViewsUsingColumn(table, col, action.Cascade);
        DropGeneratedColumnsReading(Catalog.Table(table.Oid), col, action.Cascade);
        table = Catalog.Table(table.Oid);
        // Foreign keys referencing this column from elsewhere need CASCADE; the table's own
        // constraints and indexes over the column go with it.
        var referencing = Catalog.Tables.Values.SelectMany(t => t.ForeignKeys)
            .Where(fk => fk.ParentTableOid == table.Oid && fk.ParentColumns.Contains(n) && !(fk.TableOid == table.Oid && fk.Columns.Contains(n)))
            .OrderBy(fk => fk.Oid).ToList();
        DropDependentForeignKeys(referencing, action.Cascade, $"column {col.Name} of table {table.Name}");
        table = Catalog.Table(table.Oid);
        foreach (var c in table.Constraints.ToList())
        {
            var involved = c switch
            {
                KeyConstraintDef k => k.Columns.Contains(n) || Catalog.Indexes.TryGetValue(k.IndexOid, out var ki) && ki.IncludeColumns.Contains(n),
                ForeignKeyDef fk => fk.Columns.Contains(n),
                CheckConstraintDef ck => ColumnsUsed(table, [ck.Condition]).Contains(n),
                _ => false,
            };
            if (!involved) continue;
            if (c is KeyConstraintDef key)
                DropDependentForeignKeys(ForeignKeysUsingIndex(key.IndexOid, table.Oid), action.Cascade, $"column {col.Name} of table {table.Name}", $"index {key.Name}");
            RemoveConstraint(c);
        }
        table = Catalog.Table(table.Oid);
        foreach (var index in table.Indexes.Where(i => i.ConstraintName is null).ToList())
        {
            var exprs = index.Expressions.Where(x => x is not null).Select(x => x!.Expr);
            if (index.Predicate is not null) exprs = exprs.Append(index.Predicate);
            if (index.AllColumns.Contains(n) || ColumnsUsed(table, exprs).Contains(n))
            {
                DropDependentForeignKeys(ForeignKeysUsingIndex(index.Oid, table.Oid), action.Cascade, $"column {col.Name} of table {table.Name}", $"index {index.Name}");
                RemoveIndex(index);
            }
        }
        DropStatisticsUsingColumn(table, n);
        foreach (var seq in Catalog.Sequences.Values.Where(s => s.OwnerTableOid == table.Oid && s.OwnerColumn == n).ToList())
            Catalog = Catalog.RemoveSequence(seq.Oid);
        table = Catalog.Table(table.Oid);
        var cols = table.Columns.ToList();
        cols[n - 1] = col with { IsDropped = true, NotNull = false, Default = null, DefaultText = null, Identity = IdentityKind.None, OwnedSequence = null, Generated = null };
        Catalog = Catalog.PutTable(table with { Columns = cols });
        // The slot stays (column numbers are stable); its values are no longer needed.
        var wt = Tx.Write(table.Oid);
        foreach (var (rowId, row) in wt.Rows.Scan().ToList())
        {
            if (row[n - 1] is null) continue;
            var copy = (object?[])row.Clone();
            copy[n - 1] = null;
            wt.Rows = wt.Rows.Update(rowId, copy, Tx.Token);
        }
    }
}
