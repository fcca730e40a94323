using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// <c>INSERT … ON CONFLICT</c>: choosing the arbiter indexes (PostgreSQL's unique-index inference)
/// and, per proposed row, finding a conflicting row in them and resolving it.
/// </summary>
public sealed partial class DmlExecutor
{
    /// <summary>
    /// A bound ON CONFLICT clause. <see cref="Arbiters"/> are positions in the table's index list.
    /// DO UPDATE's SET and WHERE expressions read a row made of the existing row followed by the
    /// proposed one (the EXCLUDED pseudo-relation).
    /// </summary>
    private sealed record ConflictAction(bool DoNothing, IReadOnlyList<int> Arbiters,
        IReadOnlyList<(ColumnDef Col, BoundExpr? Expr)> Sets, BoundExpr? Where);

    private const string ExcludedName = "excluded";

    private ConflictAction BindOnConflict(Binder binder, TableDef table, InsertStatement stmt, OnConflictClause oc)
    {
        if (!oc.DoNothing && oc.TargetColumns is null && oc.ConstraintName is null)
            throw new TenonException(SqlState.SyntaxError, "ON CONFLICT DO UPDATE requires inference specification or constraint name",
                hint: "For example, ON CONFLICT (column_name).") { Position = oc.Position };

        // Parse analysis first (inference elements, their WHERE, the named constraint, SET, WHERE);
        // matching them to an index comes after, as PostgreSQL's planner does it.
        var tableScope = RowWriter.TableScope(table, stmt.Alias);
        var inferred = new List<(ColumnDef? Col, string? ExprText, IndexElement Element)>();
        foreach (var element in oc.TargetColumns ?? Array.Empty<IndexElement>())
        {
            // PostgreSQL places these errors, and a plain column's, at the inference specification's '('.
            var position = oc.TargetPosition;
            if (element.Descending)
                throw new TenonException(SqlState.SyntaxError, "ASC/DESC is not allowed in ON CONFLICT clause") { Position = position };
            if (element.NullsFirst is not null)
                throw new TenonException(SqlState.SyntaxError, "NULLS FIRST/LAST is not allowed in ON CONFLICT clause") { Position = position };
            ColumnDef? col;
            string? exprText = null;
            if (element.Column is { } name)
                col = table.FindColumn(name)
                    ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" does not exist",
                        hint: ColumnSuggestion.Hint(name, null, oc.DoNothing ? tableScope : ConflictScope(table, stmt.Alias, excludedVisible: true))) { Position = position };
            else
            {
                // A parenthesized plain column is that column; any other expression matches an index
                // expression that prints the same.
                var bound = binder.BindExpr(element.Expression!, tableScope);
                col = bound is ColumnExpr { TableOid: > 0 } ce && ce.TableOid == table.Oid ? table.Column(ce.ColumnNumber) : null;
                if (col is null) exprText = CatalogDefinitions.BoundText(ctx, table, bound);
            }
            if (element.OpClass is { } opclass && !BtreeOpClasses.Contains(opclass))
                throw new TenonException(SqlState.UndefinedObject, $"operator class \"{opclass}\" does not exist for access method \"btree\"");
            inferred.Add((col, exprText, element));
        }
        // The inference WHERE, as its AND-ed parts: a partial index qualifies when each part of its predicate is one of them.
        var whereParts = new HashSet<string>();
        if (oc.TargetWhere is not null)
        {
            binder.BindCondition(oc.TargetWhere, tableScope, "WHERE");
            foreach (var part in Conjuncts(oc.TargetWhere))
                whereParts.Add(CatalogDefinitions.BoundText(ctx, table, binder.BindCondition(part, tableScope, "WHERE")));
        }

        KeyConstraintDef? named = null;
        if (oc.ConstraintName is { } constraintName)
        {
            var c = table.FindConstraint(constraintName)
                ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{constraintName}\" for table \"{table.Name}\" does not exist");
            named = c as KeyConstraintDef
                ?? throw new TenonException(SqlState.WrongObjectType, "constraint in ON CONFLICT clause has no associated index");
        }

        var sets = new List<(ColumnDef, BoundExpr?)>();
        BoundExpr? where = null;
        if (!oc.DoNothing)
        {
            var scope = ConflictScope(table, stmt.Alias, excludedVisible: true);
            sets.AddRange(BindAssignments(binder, table, oc.Set, scope).Select(a => (a.Col, a.Expr)));
            if (oc.Where is not null) where = binder.BindCondition(oc.Where, scope, "WHERE");
        }
        return new ConflictAction(oc.DoNothing, InferArbiters(table, oc, inferred, named, whereParts), sets, where);
    }

    private static IEnumerable<Expr> Conjuncts(Expr e) =>
        e is AndExpr and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [e];

    /// <summary>
    /// The arbiters: the named constraint's index; else every unique index whose key columns are
    /// exactly the inferred set (repeats ignored), honouring a given collation or operator class;
    /// else, with no target (DO NOTHING only), every unique index.
    /// </summary>
    private List<int> InferArbiters(TableDef table, OnConflictClause oc, List<(ColumnDef? Col, string? ExprText, IndexElement Element)> inferred,
        KeyConstraintDef? named, HashSet<string> whereParts)
    {
        var arbiters = new List<int>();
        if (named is not null)
        {
            arbiters.Add(table.IndexPosition(named.IndexOid));
            return arbiters;
        }
        if (oc.TargetColumns is null)
        {
            for (var i = 0; i < table.Indexes.Count; i++)
                if (table.Indexes[i].Unique) arbiters.Add(i);
            return arbiters;
        }
        // As PostgreSQL: the index's plain key columns are exactly the plain elements, its expressions
        // exactly the expression elements (repeats ignored), a collation or operator class given
        // must be the key's, and a partial index's predicate must follow from the inference WHERE.
        var wanted = inferred.Where(x => x.Col is not null).Select(x => x.Col!.Number).ToHashSet();
        var wantedExprs = inferred.Where(x => x.ExprText is not null).Select(x => x.ExprText!).ToHashSet();
        var scope = RowWriter.TableScope(table);
        for (var i = 0; i < table.Indexes.Count; i++)
        {
            var index = table.Indexes[i];
            // An invalid index (ON ONLY a partitioned table, a partition's index not yet attached) never arbitrates.
            if (!index.Unique || !index.Valid || !index.Columns.Where(n => n != 0).ToHashSet().SetEquals(wanted)) continue;
            var exprs = new HashSet<string>();
            var keyTexts = new string?[index.Columns.Count];
            var keyTypes = new SqlType[index.Columns.Count];
            for (var k = 0; k < index.Columns.Count; k++)
                if (index.Columns[k] == 0)
                {
                    var bound = new Binder(ctx).BindExpr(index.Expressions[k]!.Expr, scope);
                    keyTexts[k] = CatalogDefinitions.BoundText(ctx, table, bound);
                    keyTypes[k] = bound.Type;
                    exprs.Add(keyTexts[k]!);
                }
                else keyTypes[k] = table.Column(index.Columns[k]).Type;
            if (!exprs.SetEquals(wantedExprs)) continue;
            // An element naming a collation or operator class needs a key of the same column or
            // expression with that collation and class (PostgreSQL's infer_collation_opclass_match).
            if (!inferred.All(x => x.Element.Collation is null && x.Element.OpClass is null
                    || Enumerable.Range(0, index.Columns.Count).Any(k =>
                        (x.Col is not null ? index.Columns[k] == x.Col.Number : index.Columns[k] == 0 && keyTexts[k] == x.ExprText)
                        && KeyMatches(index, k, keyTypes[k], x.Element))))
                continue;
            if (index.Predicate is not null && !Conjuncts(index.Predicate).All(part =>
                    whereParts.Contains(CatalogDefinitions.BoundText(ctx, table, new Binder(ctx).BindCondition(part, scope, "WHERE")))))
                continue;
            arbiters.Add(i);
        }
        if (arbiters.Count == 0)
            throw new TenonException(SqlState.InvalidColumnReference, "there is no unique or exclusion constraint matching the ON CONFLICT specification");
        return arbiters;
    }

    // A key's collation is the one written for it, else its type's ("default" for strings); its
    // operator class the one written, else the type's default.
    private static bool KeyMatches(IndexDef index, int k, SqlType type, IndexElement element)
    {
        var collatable = type.Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name;
        if (element.Collation is { } collation && collation != (index.KeyCollation(k) ?? (collatable ? "default" : null))) return false;
        if (element.OpClass is { } opclass && SameOpClass(opclass) != SameOpClass(index.KeyOpClass(k) ?? DdlExecutor.BuiltinDefaultOpClassOf(type))) return false;
        return true;
    }

    // varchar_ops is text_ops's other name.
    private static string? SameOpClass(string? name) => name == "varchar_ops" ? "text_ops" : name == "varchar_pattern_ops" ? "text_pattern_ops" : name;

    private static readonly HashSet<string> BtreeOpClasses = new(StringComparer.Ordinal)
    {
        "bool_ops", "int2_ops", "int4_ops", "int8_ops", "numeric_ops", "float4_ops", "float8_ops", "text_ops",
        "varchar_ops", "bpchar_ops", "name_ops", "uuid_ops", "date_ops", "timestamp_ops", "timestamptz_ops",
        "interval_ops", "bytea_ops", "time_ops", "timetz_ops", "oid_ops", "char_ops", "money_ops", "inet_ops",
        "text_pattern_ops", "varchar_pattern_ops", "bpchar_pattern_ops", "record_ops", "array_ops", "jsonb_ops",
    };

    /// <summary>
    /// The scope of DO UPDATE (the target, then EXCLUDED) or of RETURNING (the target; EXCLUDED is
    /// present only to give PostgreSQL's "cannot be referenced from this part of the query" error).
    /// </summary>
    private static Scope ConflictScope(TableDef table, string? alias, bool excludedVisible)
    {
        var scope = RowWriter.TableScope(table, alias);
        var n = table.Columns.Count;
        var target = alias ?? table.Name;
        if (!excludedVisible && target == ExcludedName) return scope;
        var cols = table.Columns.Select((c, i) => new ScopeColumn(c.Name, c.Type, n + i) { Hidden = c.IsDropped }).ToList();
        // Added directly: a target named "excluded" makes the name ambiguous rather than a duplicate alias.
        scope.Entries.Add(new RangeEntry(ExcludedName, cols) { Unreferenceable = !excludedVisible });
        scope.Width = 2 * n;
        return scope;
    }

    /// <summary>
    /// Inserts one proposed row under ON CONFLICT. Returns the row to report (inserted or
    /// updated), or null when the row was skipped. <paramref name="touched"/> holds the rows this
    /// statement has inserted or updated, which DO UPDATE may not update again.
    /// </summary>
    private object?[]? InsertOrResolve(RowWriter writer, TableDef table, ConflictAction action, object?[] row, HashSet<long> touched)
    {
        if (table.IsPartitioned) return InsertOrResolvePartitioned(writer, table, action, row, touched);
        writer.CheckRow(table, row);
        foreach (var position in action.Arbiters)
        {
            var index = table.Indexes[position];
            if (index.Deferrable)
                throw new TenonException(SqlState.ObjectNotInPrerequisiteState,
                    "ON CONFLICT does not support deferrable unique constraints/exclusion constraints as arbiters")
                { SchemaName = table.Schema, TableName = table.Name, ConstraintName = index.Name };
        }
        foreach (var position in action.Arbiters)
        {
            var index = table.Indexes[position];
            // A row a partial index does not cover cannot conflict in it.
            if (!writer.IndexCovers(table, index, row)) continue;
            var key = writer.IndexKey(table, index, row);
            if (!index.NullsNotDistinct && key.Any(v => v is null)) continue;
            ctx.Transaction.Reads?.Range(table.Oid, index, ctx.Transaction.Index(table.Oid, position).KeyComparer, Storage.Bound.Inclusive(key), Storage.Bound.Inclusive(key));
            if (!ctx.Transaction.Index(table.Oid, position).TrySeekFirst(key, out var rowId))
            {
                // REPEATABLE READ: a conflicting row committed after the snapshot cannot be seen, nor ignored.
                if (ctx.Transaction.KeyAddedConcurrently(table.Oid, position, key)) throw Transactions.SerializationErrors.ConcurrentUpdate();
                continue;
            }
            if (action.DoNothing) return null;
            if (touched.Contains(rowId))
                throw new TenonException(SqlState.CardinalityViolation, "ON CONFLICT DO UPDATE command cannot affect row a second time",
                    hint: "Ensure that no rows proposed for insertion within the same command have duplicate constrained values.");
            ctx.Transaction.Rows(table.Oid).TryGet(rowId, out var existing);
            var input = new object?[2 * table.Columns.Count];
            Array.Copy(existing!, input, table.Columns.Count);
            Array.Copy(row, 0, input, table.Columns.Count, table.Columns.Count);
            if (action.Where is not null && action.Where.Eval(input, ctx) is not true) return null;
            var newRow = (object?[])existing!.Clone();
            foreach (var (col, expr) in action.Sets)
                newRow[col.Number - 1] = expr is null ? writer.DefaultValue(table, col) : expr.Eval(input, ctx);
            // The updated row lives on under a new row id (a new tuple version); that is the one to guard.
            var updatedId = writer.Update(table, rowId, existing!, newRow);
            if (updatedId < 0) return null;
            touched.Add(updatedId);
            return newRow;
        }
        var insertedId = writer.Insert(table, row, rowChecked: true);
        if (insertedId < 0) return null;
        touched.Add(insertedId);
        return row;
    }
}
