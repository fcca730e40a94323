using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    /// <summary>
    /// ALTER COLUMN c [SET DATA] TYPE t [USING expr], every such action of one ALTER TABLE together,
    /// as PostgreSQL runs them: each conversion (the column itself, or the USING expression, cast to
    /// t in assignment context) is bound against the table as it was and applied to the old row;
    /// then, in PostgreSQL's order, NOT NULL and the CHECK constraints that use a changed column are
    /// re-checked per row, the indexes are rebuilt (a unique one failing as CREATE UNIQUE INDEX
    /// does), and the foreign keys on either side of a changed column are re-planned (42804 when
    /// the types no longer compare) and re-validated, once all columns have their new types. Any
    /// error leaves the table as it was, because the statement's changes are discarded.
    /// </summary>
    private void AlterColumnTypes(TableDef table, IReadOnlyList<AlterColumnAction> actions)
    {
        var oldScope = RowWriter.TableScope(table);
        var changes = new List<(ColumnDef Column, SqlType Type, BoundExpr Transform)>();
        foreach (var ac in actions)
        {
            var col = table.FindColumn(ac.Column)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{ac.Column}\" of relation \"{table.Name}\" does not exist");
            if (changes.Any(c => c.Column.Number == col.Number))
                throw new TenonException(SqlState.FeatureNotSupported, $"cannot alter type of column \"{col.Name}\" twice");
            // PostgreSQL reports no position for errors in the type name here, nor for errors in the
            // constraint and index expressions it re-parses (their text is not this statement's).
            var newType = WithoutPosition(() => Binder.ResolveType(ac.Type!, Catalog, Path.TempSchema));
            RefuseMemberOfItself(table, newType);
            if (ac.Collation is not null && newType.Id is not (TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name))
                throw new TenonException(SqlState.DatatypeMismatch, $"collations are not supported by type {newType.WithoutModifier().DisplayName}");
            var binder = new Binder(ctx) { NoSubqueriesIn = "transform expression" };
            BoundExpr transform;
            if (ac.Using is null)
            {
                transform = new ColumnExpr(col.Number - 1, col.Type, 0, col.Name);
                transform = binder.TryCoerce(transform, newType, CastContext.Assignment)
                    ?? throw new TenonException(SqlState.DatatypeMismatch, $"column \"{col.Name}\" cannot be cast automatically to type {newType.WithoutModifier().DisplayName}",
                        hint: $"You might need to specify \"USING {SqlErrors.QuoteIdentifier(col.Name)}::{newType.DisplayName}\".");
            }
            else
            {
                var bound = binder.BindExpr(ac.Using, oldScope);
                transform = binder.TryCoerce(bound, newType, CastContext.Assignment)
                    ?? throw new TenonException(SqlState.DatatypeMismatch, $"result of USING clause for column \"{col.Name}\" cannot be cast automatically to type {newType.WithoutModifier().DisplayName}",
                        hint: "You might need to add an explicit cast.");
            }
            changes.Add((col, newType, transform));
        }
        // Values of the row type stored elsewhere cannot follow a change of an attribute's type.
        RequireRowTypeUnused(table);
        foreach (var (col, newType, _) in changes)
        {
            if (col.Identity != IdentityKind.None && newType.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8))
                throw new TenonException(SqlState.InvalidParameterValue, "identity column type must be smallint, integer, or bigint");
            foreach (var other in table.LiveColumns.Where(c => c.Generated is not null && c.Number != col.Number))
            {
                var generated = new Binder(ctx).BindExpr(other.Generated!, oldScope);
                if (generated.Descendants().OfType<ColumnExpr>().Any(x => x.Index == col.Number - 1))
                    throw new TenonException(SqlState.FeatureNotSupported, "cannot alter type of a column used by a generated column",
                        $"Column \"{col.Name}\" is used by generated column \"{other.Name}\".");
            }
            if (col.Default is not null
                && new Binder(ctx).TryCoerce(new Binder(ctx).BindExpr(col.Default, null), newType, CastContext.Assignment) is null)
                throw new TenonException(SqlState.DatatypeMismatch, $"default for column \"{col.Name}\" cannot be cast automatically to type {newType.WithoutModifier().DisplayName}");
            if (col.Identity != IdentityKind.None
                && Catalog.Sequences.Values.FirstOrDefault(s => s.OwnerTableOid == table.Oid && s.OwnerColumn == col.Number) is { } sequence)
                Catalog = Catalog.PutSequence(ApplySequenceOptions(sequence, [new SequenceOption("as", null) { Type = actions.First(a => table.FindColumn(a.Column) == col).Type }], creating: false));
        }

        var columns = table.Columns.ToList();
        foreach (var (col, newType, _) in changes) columns[col.Number - 1] = col with { Type = newType };
        var newTable = table with { Columns = columns };
        // Expression keys of indexes are typed by their expression, which may change with the column.
        newTable = newTable with { Indexes = WithoutPosition(() => newTable.Indexes.Select(i => RetypeIndexExpressions(newTable, i)).ToArray()) };
        foreach (var index in newTable.Indexes) Catalog = Catalog.PutIndex(index, newTable.Schema);
        Catalog = Catalog.PutTable(newTable);

        // Rewrite the rows (conversion errors first, then NOT NULL and the checks that use a changed column, row by row).
        // Tenon keeps a constraint as written and binds it again for the new types; PostgreSQL re-parses
        // it with its implicit casts written out, which can resolve differently (e.g. "z > 0" bound
        // when z was numeric keeps comparing numerics after z becomes text).
        var changed = changes.Select(c => c.Column.Number - 1).ToHashSet();
        var checks = WithoutPosition(() => newTable.Checks.OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (Check: c, Bound: new Binder(ctx).BindCondition(c.Condition, RowWriter.TableScope(newTable), "CHECK")))
            .Where(c => c.Bound.Descendants().OfType<ColumnExpr>().Any(x => changed.Contains(x.Index)))
            .ToList());
        var wt = Tx.Write(table.Oid);
        foreach (var (rowId, row) in wt.Rows.Scan().ToList())
        {
            var converted = (object?[])row.Clone();
            foreach (var (col, _, transform) in changes) converted[col.Number - 1] = transform.Eval(row, ctx);
            foreach (var (col, _, _) in changes)
                if (col.NotNull && converted[col.Number - 1] is null)
                    throw new TenonException(SqlState.NotNullViolation, $"column \"{col.Name}\" of relation \"{table.Name}\" contains null values")
                    { SchemaName = table.Schema, TableName = table.Name, ColumnName = col.Name };
            foreach (var (check, bound) in checks)
                if (bound.Eval(converted, ctx) is false)
                    throw new TenonException(SqlState.CheckViolation, $"check constraint \"{check.Name}\" of relation \"{table.Name}\" is violated by some row")
                    { SchemaName = table.Schema, TableName = table.Name, ConstraintName = check.Name };
            wt.Rows = wt.Rows.Update(rowId, converted, Tx.Token);
        }
        RebuildIndexes(newTable);

        // Foreign keys through a changed column, on either side: the types must still compare, and the rows must still match.
        var numbers = changes.Select(c => c.Column.Number).ToHashSet();
        var foreignKeys = newTable.ForeignKeys.Where(fk => fk.Columns.Any(numbers.Contains))
            .Concat(Catalog.ReferencingForeignKeys(table.Oid).Where(fk => fk.ParentColumns.Any(numbers.Contains)))
            .DistinctBy(fk => fk.Oid).OrderBy(fk => fk.Oid).ToList();
        foreach (var fk in foreignKeys)
        {
            var child = Catalog.Table(fk.TableOid);
            var parent = Catalog.Table(fk.ParentTableOid);
            for (var i = 0; i < fk.Columns.Count; i++)
            {
                var ct = child.Column(fk.Columns[i]).Type;
                var pt = parent.Column(fk.ParentColumns[i]).Type;
                if (!ForeignKeyTypes.Compatible(ct, pt))
                    throw new TenonException(SqlState.DatatypeMismatch, $"foreign key constraint \"{fk.Name}\" cannot be implemented",
                        $"Key columns \"{child.Column(fk.Columns[i]).Name}\" and \"{parent.Column(fk.ParentColumns[i]).Name}\" are of incompatible types: {ct.WithoutModifier().DisplayName} and {pt.WithoutModifier().DisplayName}.");
            }
        }
        foreach (var fk in foreignKeys.Where(fk => fk.Validated))
            ValidateForeignKey(fk);
    }

    private static T WithoutPosition<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (TenonException ex)
        {
            ex.Position = 0;
            throw;
        }
    }

    private IndexDef RetypeIndexExpressions(TableDef table, IndexDef index)
    {
        if (!index.HasExpressions) return index;
        var binder = new Binder(ctx);
        var scope = RowWriter.TableScope(table);
        return index with
        {
            Expressions = index.Expressions.Select(e => e is null ? null : e with { Type = binder.BindExpr(e.Expr, scope).Type }).ToArray(),
        };
    }

    /// <summary>Rebuilds every index store of a table from its rows (after they were rewritten: ALTER COLUMN TYPE, enum RENAME VALUE), failing like CREATE UNIQUE INDEX on duplicates.</summary>
    private void RebuildIndexes(TableDef table)
    {
        var writer = new RowWriter(ctx);
        var stores = table.Indexes.Select(index => IndexStoreOverRows(table, index, writer)).ToArray();
        Tx.Write(table.Oid).Indexes = stores;
    }
}
