using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;
using CastExpr = Tenon.Execution.Expressions.CastExpr;
using InListExpr = Tenon.Execution.Expressions.InListExpr;
using IsNullExpr = Tenon.Execution.Expressions.IsNullExpr;

namespace Tenon.Binding;

/// <summary>
/// Access paths: where a WHERE condition is applied and how tables are read.
///
/// The WHERE condition is split into its AND-ed conjuncts. A conjunct that reads columns of one
/// table is pushed down to that table's scan (never into the NULL-extended side of an outer
/// join), one that relates both sides of an inner or cross join becomes part of the join's
/// condition (so equalities there become hash keys), and the rest stay in a filter on top.
/// Conjuncts with subqueries or volatile functions stay where they were written.
///
/// A scan with conditions like <c>col = value</c> or <c>col &lt; value</c> (value: a constant, a
/// parameter or an outer reference) on the leading columns of a non-partial index reads the rows
/// through that index (<see cref="IndexScanNode"/>); the pushed conditions are still checked on
/// every row it returns. An inner or left join whose right side is a table with an index on its
/// join keys probes that index for each left row (<see cref="IndexJoinNode"/>) when the left
/// side is expected to be smaller than the right table. Every path yields the same rows in the
/// same order as the plain plan, so the choice never shows in a result.
/// </summary>
public sealed partial class Binder
{
    /// <summary>A condition on one column usable by an index: <c>column op value</c>.</summary>
    /// <summary>A condition on one column usable by an index: <c>column op value</c>, <c>column IN (values)</c> (<paramref name="In"/>, op "in") or <c>column IS NULL</c> (<paramref name="Null"/>, op "null").</summary>
    private sealed record SeekCandidate(short Column, string Op, BoundExpr Value, bool FromJoin, InListExpr? In = null, IsNullExpr? Null = null);

    /// <summary>Applies <paramref name="where"/> (may be null) to a FROM plan, choosing access paths.</summary>
    public PlanNode PlanWhere(PlanNode from, BoundExpr? where)
    {
        var pushed = new List<BoundExpr>();
        var kept = new List<BoundExpr>();
        if (where is not null)
            foreach (var c in Conjuncts(where))
                (Pushable(c) && ReadsColumns(c) ? pushed : kept).Add(c);
        var plan = Push(from, 0, pushed);
        return kept.Count > 0 ? new FilterNode(plan, And(kept)) : plan;
    }

    private static List<BoundExpr> Conjuncts(BoundExpr e)
    {
        var result = new List<BoundExpr>();
        void Walk(BoundExpr x)
        {
            if (x is LogicalExpr { IsAnd: true } and)
                foreach (var o in and.Operands) Walk(o);
            else result.Add(x);
        }
        Walk(e);
        return result;
    }

    private static BoundExpr And(IReadOnlyList<BoundExpr> conjuncts) =>
        conjuncts.Count == 1 ? conjuncts[0] : new LogicalExpr(true, conjuncts.ToArray());

    /// <summary>
    /// Greater than 0 while a LATERAL subquery is bound. Its outer references read the row of
    /// the FROM items before it, which execution does not provide the way a correlated subquery
    /// expression does; until it does, conditions with outer references stay where they are.
    /// </summary>
    private int _lateralDepth;

    /// <summary>Whether a conjunct may be evaluated somewhere else than where it was written.</summary>
    private bool Pushable(BoundExpr e) =>
        !e.Descendants().Any(d => d is SubqueryExpr or SlotExpr or AggregateRef || d is FunctionExpr { Volatile: true }
            || (_lateralDepth > 0 && d is ColumnExpr { Level: > 0 }));

    private static bool ReadsColumns(BoundExpr e) => e.Descendants().Any(d => d is ColumnExpr { Level: 0 });

    /// <summary>1: reads only columns in [start, start+leftWidth); 2: only columns after; 3: both; 0: none.</summary>
    private static int SideOf(BoundExpr e, int start, int leftWidth)
    {
        var side = 0;
        foreach (var d in e.Descendants())
            if (d is ColumnExpr { Level: 0 } c)
                side |= c.Index < start + leftWidth ? 1 : 2;
        return side;
    }

    private static List<BoundExpr> Rebase(List<BoundExpr> conjuncts, int offset) =>
        offset == 0 ? conjuncts : conjuncts.Select(c => Rebase(c, offset)).ToList();

    /// <summary>
    /// Applies <paramref name="conjuncts"/> (column indexes relative to the whole FROM row) to
    /// <paramref name="node"/>, whose columns start at <paramref name="offset"/> in that row.
    /// </summary>
    private PlanNode Push(PlanNode node, int offset, List<BoundExpr> conjuncts) => node switch
    {
        TableScanNode scan => PlanScan(scan, Rebase(conjuncts, offset)),
        JoinNode join => PushIntoJoin(join, offset, conjuncts),
        _ => conjuncts.Count == 0 ? node : new FilterNode(node, And(Rebase(conjuncts, offset))),
    };

    private PlanNode PushIntoJoin(JoinNode join, int offset, List<BoundExpr> conjuncts)
    {
        var kind = join.Kind;
        var leftWidth = join.Left.Columns.Count;
        // Absolute indexes: rows of one side only; local indexes: the join's combined row.
        var toLeft = new List<BoundExpr>();
        var toRight = new List<BoundExpr>();
        var above = new List<BoundExpr>();
        var joinConditions = new List<BoundExpr>();
        var leftKept = kind is JoinKind.Inner or JoinKind.Cross or JoinKind.Left;
        var rightKept = kind is JoinKind.Inner or JoinKind.Cross or JoinKind.Right;
        // ON conjuncts of one side may filter that side first when its unmatched rows are dropped.
        if (join.Condition is not null)
            foreach (var c in Conjuncts(join.Condition))
            {
                var side = Pushable(c) ? SideOf(c, 0, leftWidth) : 0;
                if (side == 1 && kind is JoinKind.Inner or JoinKind.Right) toLeft.Add(Rebase(c, -offset));
                else if (side == 2 && kind is JoinKind.Inner or JoinKind.Left) toRight.Add(Rebase(c, -offset));
                else joinConditions.Add(c);
            }
        foreach (var c in conjuncts)
        {
            var side = SideOf(c, offset, leftWidth);
            if (side == 1 && leftKept) toLeft.Add(c);
            else if (side == 2 && rightKept) toRight.Add(c);
            else if (side == 3 && kind is JoinKind.Inner or JoinKind.Cross) joinConditions.Add(Rebase(c, offset));
            else above.Add(c);
        }

        var left = Push(join.Left, offset, toLeft);
        var condition = joinConditions.Count > 0 ? And(joinConditions) : null;
        if (kind == JoinKind.Cross && condition is not null) kind = JoinKind.Inner;
        var leftKeys = new List<BoundExpr>();
        var rightKeys = new List<BoundExpr>();
        if (condition is not null) ExtractEquiKeys(condition, leftWidth, leftKeys, rightKeys);

        PlanNode? result = null;
        if (kind is JoinKind.Inner or JoinKind.Left && join.Right is TableScanNode { IncludeRowId: false } rightScan && leftKeys.Count > 0)
            result = TryIndexJoin(kind, left, rightScan, Rebase(toRight, offset + leftWidth), condition,
                leftKeys, rightKeys.Select(k => Rebase(k, leftWidth)).ToList());
        result ??= new JoinNode(kind, left, Push(join.Right, offset + leftWidth, toRight), condition,
            leftKeys.Count > 0 ? leftKeys : null,
            leftKeys.Count > 0 ? rightKeys.Select(k => Rebase(k, leftWidth)).ToList() : null);
        return above.Count > 0 ? new FilterNode(result, And(Rebase(above, offset))) : result;
    }

    /// <summary>A scan of one table with its pushed conjuncts (column indexes local to the table's row).</summary>
    private PlanNode PlanScan(TableScanNode scan, List<BoundExpr> conjuncts)
    {
        if (conjuncts.Count == 0) return scan;
        var filter = And(conjuncts);
        if (Session.IndexScansEnabled && Catalog.Tables.TryGetValue(scan.TableOid, out var table))
        {
            var candidates = new List<SeekCandidate>();
            foreach (var c in conjuncts) AddSeekCandidates(c, table, candidates);
            if (ChooseSeek(table, candidates, requireJoinKey: false) is { } seek)
                return new IndexScanNode(scan.TableOid, scan.TableColumns, scan.IncludeRowId, seek, filter, SeekDecided(filter, 0, table, seek))
                    { Alias = scan.Alias };
        }
        return new FilterNode(scan, filter);
    }

    /// <param name="rightConjuncts">Conditions on the right table alone, local to its row.</param>
    /// <param name="rightKeys">Join keys of the right side, local to its row; <paramref name="leftKeys"/> are over the left row.</param>
    private PlanNode? TryIndexJoin(JoinKind kind, PlanNode left, TableScanNode rightScan, List<BoundExpr> rightConjuncts,
        BoundExpr? condition, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys)
    {
        if (!Session.IndexScansEnabled || !Catalog.Tables.TryGetValue(rightScan.TableOid, out var table)) return null;
        var candidates = new List<SeekCandidate>();
        foreach (var c in rightConjuncts) AddSeekCandidates(c, table, candidates);
        // A right side that a unique key already narrows to one row is cheapest hashed once.
        if (ChooseSeek(table, candidates, requireJoinKey: false) is { FullKey: true, Unique: true }) return null;
        for (var i = 0; i < leftKeys.Count; i++)
            if (KeyColumn(rightKeys[i], table, rightKeys[i].Type) is { } column)
                candidates.Add(new SeekCandidate(column, "=", leftKeys[i], FromJoin: true));
        if (ChooseSeek(table, candidates, requireJoinKey: true) is not { } seek) return null;
        // Costs from the row counts (table sizes are known exactly; the left side's size is
        // estimated), in microseconds per row as measured on the benchmark machine: hashing reads
        // and hashes every right row once (~0.3) and probes once per left row (~0.1); probing
        // descends the index once per left row (~0.5) and fetches each match with its own
        // descent (~1.5). With enable_hashjoin off the index is probed whenever it can be.
        var leftRows = Estimate(left);
        var rightRows = RowCount(table.Oid);
        var matches = seek is { FullKey: true, Unique: true } ? Math.Min(leftRows, rightRows) : rightRows * LeftFraction(left, leftRows, rightRows);
        var probeCost = leftRows * 0.5 + matches * 1.5;
        var hashCost = rightRows * 0.3 + leftRows * 0.1;
        if (probeCost >= hashCost && Session.HashJoinsEnabled) return null;
        var filter = rightConjuncts.Count > 0 ? And(rightConjuncts) : null;
        return new IndexJoinNode(kind, left, new IndexScanNode(table.Oid, rightScan.TableColumns, false, seek, filter) { Alias = rightScan.Alias },
            condition, SeekDecided(condition, left.Columns.Count, table, seek));
    }

    /// <summary>
    /// The conjuncts of an index join's condition (or, with <paramref name="leftWidth"/> 0, of an
    /// index scan's filter) that its seek decides: <c>value = key column</c> where the value is
    /// the seek's value for that key column (the column possibly widened to the operator's
    /// integer type). Only for integers, whose index order equality is exactly their <c>=</c>
    /// (text keys may be sought through casts and collations, which the condition must still check).
    /// </summary>
    private static List<BoundExpr> SeekDecided(BoundExpr? condition, int leftWidth, TableDef table, IndexSeek seek)
    {
        var decided = new List<BoundExpr>();
        if (condition is null) return decided;
        var index = table.Indexes.FirstOrDefault(i => i.Oid == seek.IndexOid);
        if (index is null) return decided;
        foreach (var c in Conjuncts(condition))
        {
            if (c is not BinaryOpExpr { Op: "=", Impl.IsValueEquality: true } eq) continue;
            var type = eq.Impl.LeftType.Id;
            if (type is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8) || eq.Left.Type.Id != type || eq.Right.Type.Id != type) continue;
            for (var j = 0; j < seek.Equal.Count; j++)
            {
                var value = seek.Equal[j];
                var other = ReferenceEquals(eq.Left, value) ? eq.Right : ReferenceEquals(eq.Right, value) ? eq.Left : null;
                // A key column widened to the operator's type: the seek fitted the value to the key.
                if (other is CastExpr { Context: not CastContext.Explicit, Operand: ColumnExpr widened } && IntegerWidth(widened.Type.Id) > 0)
                    other = widened;
                if (other is not ColumnExpr { Level: 0 } column || column.Index < leftWidth || column.Index - leftWidth >= table.Columns.Count) continue;
                var stored = table.Columns[column.Index - leftWidth];
                if (!stored.IsDropped && stored.Type.Id == column.Type.Id && IntegerWidth(stored.Type.Id) <= IntegerWidth(type) && stored.Number == index.Columns[j])
                {
                    decided.Add(c);
                    break;
                }
            }
        }
        return decided;
    }

    /// <summary>
    /// The number of rows of a table now, noted in <see cref="RowCountsRead"/>: a plan chosen from
    /// it is reused (prepared statements) only while the table stays about that size.
    /// </summary>
    private int RowCount(uint tableOid)
    {
        var n = _ctx.Transaction.Rows(tableOid).Count;
        RowCountsRead.Add((tableOid, n));
        return n;
    }

    /// <summary>The table sizes the planner's choices were made from (see <see cref="RowCount"/>).</summary>
    internal List<(uint TableOid, int Rows)> RowCountsRead { get; } = new();

    /// <summary>
    /// The share of the right table an index join is expected to fetch: the share of its table
    /// the left side keeps, when the left side reads one table (a key range of the parents
    /// matches about that share of the children); else about one match per left row.
    /// </summary>
    private double LeftFraction(PlanNode left, double leftRows, double rightRows)
    {
        var baseRows = BaseRows(left);
        if (baseRows is > 0) return Math.Min(1, leftRows / baseRows.Value);
        return rightRows <= 0 ? 1 : Math.Min(1, leftRows / rightRows);
    }

    private int? BaseRows(PlanNode node) => node switch
    {
        TableScanNode s => RowCount(s.TableOid),
        IndexScanNode i => RowCount(i.TableOid),
        FilterNode f => BaseRows(f.Input),
        _ => null,
    };

    /// <summary>A rough row count, enough to tell a filtered or keyed input from a whole table.</summary>
    private double Estimate(PlanNode node) => node switch
    {
        TableScanNode s => RowCount(s.TableOid),
        IndexScanNode i when i.Seek is { FullKey: true, Unique: true } => 1,
        // Without statistics: an equality on part of a key keeps a tenth, a two-sided range a
        // twentieth, a one-sided range a quarter.
        IndexScanNode i => RowCount(i.TableOid) / (i.Seek.Equal.Count > 0 || i.Seek.InList is not null || i.Seek.NullTest is not null ? 10.0 : i.Seek is { Lower: not null, Upper: not null } ? 20.0 : 4.0) + 1,
        FilterNode f => Estimate(f.Input) / 2,
        JoinNode j => Math.Max(Estimate(j.Left), Estimate(j.Right)),
        IndexJoinNode j => Estimate(j.Left) * 2,
        _ => 1000,
    };

    private void AddSeekCandidates(BoundExpr conjunct, TableDef table, List<SeekCandidate> candidates)
    {
        // IN (values) of the operand's own type, each compared with that type's equality.
        if (conjunct is InListExpr { Negated: false, Items.Count: > 0 } inList)
        {
            var type = inList.Operand.Type.Id;
            var plain = true;
            for (var i = 0; i < inList.Items.Count && plain; i++)
                plain = inList.EqualityOperators[i] is { IsValueEquality: true } eq && eq.LeftType.Id == type && eq.RightType.Id == type
                    && inList.Items[i].Type.Id == type && IsSeekValue(inList.Items[i]);
            if (plain && KeyColumn(inList.Operand, table, inList.Operand.Type) is { } column)
                candidates.Add(new SeekCandidate(column, "in", inList.Items[0], false, inList));
            return;
        }
        // A btree keeps NULL keys (after all others): IS NULL of a scalar column is a seek.
        if (conjunct is IsNullExpr { Negated: false, Operand: ColumnExpr { Type: { Id: not TypeId.Record, IsArray: false } } operand } isNull)
        {
            if (KeyColumn(operand, table, operand.Type) is { } column)
                candidates.Add(new SeekCandidate(column, "null", operand, false, Null: isNull));
            return;
        }
        if (conjunct is not BinaryOpExpr { Op: "=" or "<" or "<=" or ">" or ">=" } b) return;
        if (KeyColumn(b.Left, table, b.Impl.LeftType) is { } left && IsSeekValue(b.Right))
            candidates.Add(new SeekCandidate(left, b.Op, b.Right, false));
        else if (KeyColumn(b.Right, table, b.Impl.RightType) is { } right && IsSeekValue(b.Left))
            candidates.Add(new SeekCandidate(right, Flip(b.Op), b.Left, false));
    }

    private static string Flip(string op) => op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };

    /// <summary>
    /// The column number when <paramref name="e"/> is a column of <paramref name="table"/> compared
    /// as <paramref name="compareType"/> in the order its index keys are stored in (the column's
    /// own type; text, varchar and name share one order, so a relabeling cast among them is fine).
    /// </summary>
    private static short? KeyColumn(BoundExpr e, TableDef table, SqlType compareType)
    {
        if (e is CastExpr { Operand: ColumnExpr inner } cast && IsPlainText(inner.Type.Id) && IsPlainText(cast.Type.Id)) e = inner;
        // An integer column widened for an operator of a wider integer type: PostgreSQL compares
        // int2, int4 and int8 within one btree operator family, so its index answers the
        // condition (the seek value is fitted to the key type, IndexSeek.Narrow).
        var widened = false;
        if (e is CastExpr { Context: not CastContext.Explicit, Operand: ColumnExpr { Level: 0 } narrow } widening
            && IntegerWidth(narrow.Type.Id) is > 0 and var from && IntegerWidth(widening.Type.Id) > from)
        {
            e = narrow;
            widened = true;
        }
        if (e is not ColumnExpr { Level: 0 } c || c.Index >= table.Columns.Count) return null;
        var column = table.Columns[c.Index];
        if (column.IsDropped) return null;
        var stored = column.Type.Id;
        if (widened) return IntegerWidth(compareType.Id) > IntegerWidth(stored) && stored == c.Type.Id ? column.Number : null;
        if (stored != compareType.Id && !(IsPlainText(stored) && IsPlainText(compareType.Id))) return null;
        return column.Number;
    }

    /// <summary>2, 4 or 8 for int2, int4 and int8; 0 for any other type.</summary>
    private static int IntegerWidth(TypeId id) => id switch { TypeId.Int2 => 2, TypeId.Int4 => 4, TypeId.Int8 => 8, _ => 0 };

    private static bool IsPlainText(TypeId id) => id is TypeId.Text or TypeId.Varchar or TypeId.Name;

    /// <summary>A value fixed for the whole scan: a constant, a parameter, an outer reference, or a cast of one.</summary>
    private bool IsSeekValue(BoundExpr e) => e switch
    {
        ConstExpr or ParamExpr => true,
        ColumnExpr { Level: > 0 } => _lateralDepth == 0,
        CastExpr c => IsSeekValue(c.Operand),
        _ => false,
    };

    /// <summary>
    /// The best index for the candidates: the most leading key columns fixed by equalities, then a
    /// range on the next one; a unique index fixed entirely beats everything. Partial indexes and
    /// expression keys are not used.
    /// </summary>
    private static IndexSeek? ChooseSeek(TableDef table, List<SeekCandidate> candidates, bool requireJoinKey)
    {
        if (candidates.Count == 0) return null;
        IndexSeek? best = null;
        var bestScore = 0;
        foreach (var index in table.Indexes)
        {
            // A GiST or GIN index is stored as a btree but answers none of these conditions in
            // PostgreSQL; a hash index answers equality of its one key only.
            if (index.Predicate is not null || index.Method is not (null or "hash")) continue;
            var hash = index.Method == "hash";
            var equal = new List<BoundExpr>();
            TypeId?[]? narrow = null;
            void Fit(int k, BoundExpr value)
            {
                var keyType = table.Column(index.Columns[k]).Type.Id;
                if (IntegerWidth(value.Type.Id) <= IntegerWidth(keyType)) return;
                narrow ??= new TypeId?[index.Columns.Count];
                narrow[k] = keyType;
            }
            var usesJoin = false;
            var k = 0;
            for (; k < index.Columns.Count && index.Columns[k] != 0; k++)
            {
                var column = index.Columns[k];
                var eq = candidates.FirstOrDefault(c => c.Column == column && c.Op == "=");
                if (eq is null) break;
                Fit(k, eq.Value);
                equal.Add(eq.Value);
                usesJoin |= eq.FromJoin;
            }
            if (hash && k < index.Columns.Count) continue;
            SeekCandidate? low = null, high = null, inList = null, isNull = null;
            // PostgreSQL's btree answers "= ANY" and IS NULL on a key column (its hash indexes do not).
            if (!hash && !requireJoinKey && k < index.Columns.Count && index.Columns[k] != 0)
            {
                inList = candidates.FirstOrDefault(c => c.Column == index.Columns[k] && c.In is not null);
                if (inList is null) isNull = candidates.FirstOrDefault(c => c.Column == index.Columns[k] && c.Null is not null);
            }
            if (inList is not null)
                foreach (var item in inList.In!.Items) Fit(k, item);
            else if (isNull is null && !hash && k < index.Columns.Count && index.Columns[k] != 0)
            {
                var column = index.Columns[k];
                low = candidates.FirstOrDefault(c => c.Column == column && c.Op is ">" or ">=");
                high = candidates.FirstOrDefault(c => c.Column == column && c.Op is "<" or "<=");
                if (low is not null) Fit(k, low.Value);
                if (high is not null) Fit(k, high.Value);
            }
            if (requireJoinKey && !usesJoin) continue;
            var full = k == index.Columns.Count && index.Unique;
            var score = (full ? 1000 : 0) + equal.Count * 4 + (inList is null && isNull is null ? 0 : 3) + (low is null ? 0 : 1) + (high is null ? 0 : 1);
            if (score <= bestScore) continue;
            bestScore = score;
            best = new IndexSeek(index.Oid, index.Columns.Count, index.Unique, equal,
                low?.Value, low?.Op == ">=", high?.Value, high?.Op == "<=") { Narrow = narrow, InList = inList?.In, NullTest = isNull?.Null };
        }
        return best;
    }
}
