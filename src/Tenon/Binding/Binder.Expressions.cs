using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Types;
using BCast = Tenon.Execution.Expressions.CastExpr;

namespace Tenon.Binding;

public sealed partial class Binder
{
    /// <summary>Binds an expression in a scope (null scope: no columns visible).</summary>
    public BoundExpr BindExpr(Expr e, Scope? scope)
    {
        var bound = BindExprUnrecorded(e, scope);
        Recording?.Note(e, bound);
        return bound;
    }

    private BoundExpr BindExprUnrecorded(Expr e, Scope? scope)
    {
        if (NoSubqueriesIn is not null && e is InSubqueryExpr or QuantifiedExpr { Subquery: not null } or ExistsExpr or ScalarSubqueryExpr or ArraySubqueryExpr)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot use subquery in {NoSubqueriesIn}") { Position = e.Position };
        switch (e)
        {
            case IntegerLiteral i:
                return i.Value is >= int.MinValue and <= int.MaxValue
                    ? new ConstExpr((int)i.Value, SqlType.Int4)
                    : new ConstExpr(i.Value, SqlType.Int8);
            case NumericLiteral n:
                return new ConstExpr(Numeric.Parse(n.Text), SqlType.Numeric);
            case StringLiteral s:
                return UntypedLiteral(s, s.Value);
            case BoolLiteral b:
                return new ConstExpr(b.Value, SqlType.Bool);
            case NullLiteral:
                return new ConstExpr(null, SqlType.Unknown);
            case TypedLiteral tl:
            {
                var type = ResolveType(tl.Type, Catalog, Path.TempSchema);
                return TryCoerce(UntypedLiteral(tl, tl.Value), type, CastContext.Explicit, tl.Position)!;
            }
            case ColumnRef c:
                return BindColumnRef(c, scope);
            case ParamRef p:
                return BindParam(p);
            case Sql.Ast.CastExpr c:
                return BindCast(c, scope);
            case BinaryExpr b:
                return BindBinary(b.Op, b.Left, b.Right, scope, b.Position);
            case UnaryExpr u:
                return BindUnary(u, scope);
            case AndExpr a:
                return new LogicalExpr(true, [BindCondition(a.Left, scope, "AND"), BindCondition(a.Right, scope, "AND")]);
            case OrExpr o:
                return new LogicalExpr(false, [BindCondition(o.Left, scope, "OR"), BindCondition(o.Right, scope, "OR")]);
            case Sql.Ast.NotExpr n:
                return new Execution.Expressions.NotExpr(BindCondition(n.Operand, scope, "NOT"));
            case Sql.Ast.IsNullExpr n:
                return new Execution.Expressions.IsNullExpr(BindExpr(n.Operand, scope), n.Negated);
            case Sql.Ast.BooleanTestExpr bt:
            {
                var operand = BindCondition(bt.Operand, scope, bt.Kind switch
                {
                    BooleanTestKind.True => bt.Negated ? "IS NOT TRUE" : "IS TRUE",
                    BooleanTestKind.False => bt.Negated ? "IS NOT FALSE" : "IS FALSE",
                    _ => bt.Negated ? "IS NOT UNKNOWN" : "IS UNKNOWN",
                });
                bool? target = bt.Kind switch { BooleanTestKind.True => true, BooleanTestKind.False => false, _ => null };
                return new Execution.Expressions.BooleanTestExpr(operand, target, bt.Negated);
            }
            case IsDistinctFromExpr d:
            {
                var eq = (BinaryOpExpr)BindBinary("=", d.Left, d.Right, scope, d.Position);
                return new DistinctFromExpr(eq.Left, eq.Right, eq.Impl, d.Negated);
            }
            case BetweenExpr b:
                return BindBetween(b, scope);
            case Sql.Ast.InListExpr i:
                return BindInList(i, scope);
            case InSubqueryExpr i:
                return BindQuantified("=", i.Operand, false, i.Subquery, scope, i.Position, i.Negated);
            case QuantifiedExpr q when q.Subquery is not null:
                return BindQuantified(q.Op, q.Left, q.All, q.Subquery, scope, q.Position, false);
            case QuantifiedExpr q:
                return BindArrayQuantified(q, scope);
            case ArrayExpr a:
                return BindArrayConstructor(a, scope, null);
            case ArraySubqueryExpr a:
                return BindArraySubquery(a, scope);
            case Sql.Ast.SubscriptExpr s:
                return BindSubscript(s, scope);
            case ExistsExpr ex:
            {
                var (plan, correlated) = BindSubquery(ex.Subquery, scope);
                return new SubqueryExpr(plan, SubqueryKind.Exists, correlated, null, null, SqlType.Bool);
            }
            case ScalarSubqueryExpr sq:
            {
                var (plan, correlated) = BindSubquery(sq.Subquery, scope);
                if (plan.Columns.Count != 1)
                    throw new TenonException(SqlState.SyntaxError, "subquery must return only one column") { Position = sq.Position };
                return new SubqueryExpr(plan, SubqueryKind.Scalar, correlated, null, null, plan.Columns[0].Type);
            }
            case Sql.Ast.CaseExpr c:
                return BindCase(c, scope);
            case FunctionCall f:
                return BindFunction(f, scope);
            case NamedArgExpr n:
                return BindExpr(n.Value, scope);
            case SqlValueFunction v:
                return Functions.BindValueFunction(v, _ctx);
            case RowExpr r:
                return new RowConstructorExpr(BindRowItems(r.Items, scope).ToArray());
            case FieldSelectExpr f:
                return BindFieldSelect(f, scope);
            case MultiAssignRef m:
                return BindMultiAssignRef(m, scope);
            case CollateExpr c:
                return BindExpr(c.Operand, scope);
            case DefaultExpr:
                throw new TenonException(SqlState.SyntaxError, "DEFAULT is not allowed in this context") { Position = e.Position };
            case StarExpr star:
                return BindStarAsRow(star, scope);
        }
        throw new TenonException(SqlState.FeatureNotSupported, $"{e.GetType().Name} is not supported yet") { Position = e.Position };
    }

    /// <summary>Binds a condition that must be boolean (WHERE, ON, AND/OR operands …).</summary>
    public BoundExpr BindCondition(Expr e, Scope? scope, string clause) =>
        CoerceToBool(BindExpr(e, scope), clause, e.Position);

    private BoundExpr BindParam(ParamRef p)
    {
        if (ParameterTypes.TryGetValue(p.Number, out var known)) return new ParamExpr(p.Number, known);
        if (_ctx.ParameterTypes is { } declared && p.Number >= 1 && p.Number <= declared.Count) return new ParamExpr(p.Number, declared[p.Number - 1]);
        var ps = _ctx.Parameters;
        if (ps is null || p.Number > ps.Count || p.Number < 1)
            throw new TenonException(SqlState.UndefinedParameter, $"there is no parameter ${p.Number}") { Position = p.Position };
        var type = ParameterValues.TypeOf(ps[p.Number - 1]);
        ParameterTypes[p.Number] = type;
        return new ParamExpr(p.Number, type);
    }

    private BoundExpr BindColumnRef(ColumnRef c, Scope? scope)
    {
        var names = c.Names;
        var level = 0;
        for (var s = scope; s is not null; s = s.Parent, level++)
        {
            if (names.Count == 1)
            {
                var col = s.FindUnqualified(names[0], c.Position);
                if (col is not null) return MakeColumn(col, level, s, c.Position);
                if (names[0] == "xmin" && UnqualifiedXmin(s, level, c.Position) is { } xmin) return xmin;
            }
            else
            {
                var alias = names[^2];
                var entry = s.FindEntry(alias);
                if (entry is null) continue;
                if (entry.Unreferenceable)
                    throw new TenonException(SqlState.UndefinedTable, $"invalid reference to FROM-clause entry for table \"{alias}\"",
                        hint: $"There is an entry for table \"{alias}\", but it cannot be referenced from this part of the query.") { Position = c.Position };
                if (s.Entries.Count(e => e.Alias == alias) > 1)
                    throw new TenonException(SqlState.AmbiguousAlias, $"table reference \"{alias}\" is ambiguous") { Position = c.Position };
                var col = entry.Columns.FirstOrDefault(x => !x.Hidden && x.Name == names[^1]);
                if (col is null && names[^1] == "xmin" && XminOf(entry, s, level, c.Position) is { } qualifiedXmin) return qualifiedXmin;
                if (col is null && names[^1] == "tableoid" && TableOidColumn(names, s, c.Position) is { } qualifiedOid)
                {
                    if (level > 0) NoteOuterReference(s);
                    return qualifiedOid;
                }
                if (col is null)
                    throw new TenonException(SqlState.UndefinedColumn, $"column {alias}.{names[^1]} does not exist",
                        hint: ColumnSuggestion.Hint(names[^1], alias, scope)) { Position = c.Position };
                return MakeColumn(col, level, s, c.Position);
            }
        }
        if (_ctx.Variables?.Resolve(names, c.Position) is { } variable) return variable;
        if (names[^1] == "tableoid" && TableOidColumn(names, scope, c.Position) is { } tableOid) return tableOid;
        // The other system columns describe a row version, which a CHECK constraint cannot see.
        if (NoSubqueriesIn == "check constraint" && names[^1] is "ctid" or "xmin" or "cmin" or "xmax" or "cmax"
            && scope?.Entries.Any(e => e.TableOid != 0) == true)
            throw new TenonException(SqlState.InvalidColumnReference, $"system column \"{names[^1]}\" reference in check constraint is invalid") { Position = c.Position };
        if (NoSubqueriesIn == GenerationExpression && names[^1] is "ctid" or "xmin" or "cmin" or "xmax" or "cmax"
            && scope?.Entries.Any(e => e.TableOid != 0) == true)
            throw new TenonException(SqlState.InvalidColumnReference, $"cannot use system column \"{names[^1]}\" in column generation expression") { Position = c.Position };
        if (names.Count > 1)
        {
            var alias = names[^2];
            // A table referenced by its real name while it has an alias gets PostgreSQL's hint.
            for (var s = scope; s is not null; s = s.Parent)
                foreach (var e in s.Entries)
                    if (e.TableOid != 0 && Catalog.Tables.TryGetValue(e.TableOid, out var t) && t.Name == alias && e.Alias != alias)
                        throw new TenonException(SqlState.UndefinedTable, $"invalid reference to FROM-clause entry for table \"{alias}\"",
                            hint: $"Perhaps you meant to reference the table alias \"{e.Alias}\".") { Position = c.Position };
            if (_invisibleEntries?.Any(e => e.Alias == alias) == true)
                throw new TenonException(SqlState.UndefinedTable, $"invalid reference to FROM-clause entry for table \"{alias}\"",
                    hint: $"There is an entry for table \"{alias}\", but it cannot be referenced from this part of the query.") { Position = c.Position };
            throw new TenonException(SqlState.UndefinedTable, $"missing FROM-clause entry for table \"{alias}\"") { Position = c.Position };
        }
        // A bare FROM-item name is a whole-row reference; a scalar function's is its value.
        for (var (s, up) = (scope, 0); s is not null; s = s.Parent, up++)
            if (s.FindEntry(names[0]) is { ScalarFunction: true, Unreferenceable: false } fn)
                return MakeColumn(fn.Columns[0], up, s, c.Position);
            else if (s.FindEntry(names[0]) is not null) break;
        if (WholeRow(names[0], scope, c.Position, bareName: true) is { } wholeRow) return wholeRow;
        for (var s = scope; s is not null; s = s.Parent)
            if (s.Entries.FirstOrDefault(e => e.Unreferenceable && e.Columns.Any(x => !x.Hidden && x.Name == names[0])) is { } unreferenceable)
                throw new TenonException(SqlState.UndefinedTable, $"invalid reference to FROM-clause entry for table \"{unreferenceable.Alias}\"",
                    hint: $"There is an entry for table \"{unreferenceable.Alias}\", but it cannot be referenced from this part of the query.") { Position = c.Position };
        var invisible = _invisibleEntries?.FirstOrDefault(e => e.Alias is not null && e.Columns.Any(x => !x.Hidden && x.Name == names[0]));
        throw new TenonException(SqlState.UndefinedColumn, $"column \"{names[0]}\" does not exist",
            hint: invisible is not null
                ? $"There is a column named \"{names[0]}\" in table \"{invisible.Alias}\", but it cannot be referenced from this part of the query."
                : ColumnSuggestion.Hint(names[0], null, scope)) { Position = c.Position };
    }

    /// <summary>
    /// The system column tableoid of a table in FROM (or of the table a CHECK constraint or DML
    /// statement is about): the table's oid. Tenon's rows do not carry it, so it is bound as a
    /// constant, which would be wrong for a null-extended row of an outer join; that case is refused.
    /// </summary>
    private BoundExpr? TableOidColumn(IReadOnlyList<string> names, Scope? scope, int position)
    {
        var level = 0;
        for (var s = scope; s is not null; s = s.Parent, level++)
        {
            var candidates = names.Count == 1
                ? s.Entries.Where(e => e.TableOid != 0 && Catalog.Tables.ContainsKey(e.TableOid)).ToList()
                : s.Entries.Where(e => e.Alias == names[^2] && e.TableOid != 0 && Catalog.Tables.ContainsKey(e.TableOid)).ToList();
            if (candidates.Count == 0) continue;
            if (candidates.Count > 1)
                throw new TenonException(SqlState.AmbiguousColumn, "column reference \"tableoid\" is ambiguous") { Position = position };
            if (candidates[0].Columns.FirstOrDefault(c => c.Hidden && c.Name == "tableoid" && c.Type.Id == TypeId.Oid) is { } carried)
            {
                UsedTableOid = true;
                return MakeColumn(carried, level, s, position);
            }
            if (candidates[0].NullExtended)
                throw new TenonException(SqlState.FeatureNotSupported, "tableoid of the nullable side of an outer join is not supported by Tenon yet") { Position = position };
            if (s != scope && names.Count == 1) NoteOuterReference(s);
            UsedTableOid = true;
            return new ConstExpr(candidates[0].TableOid, SqlType.Oid);
        }
        return null;
    }

    private ColumnExpr MakeColumn(ScopeColumn col, int level, Scope s, int position)
    {
        NoteColumnUse(col);
        if (_columnPrivilegeTables is { } checkedTables && col.ColumnNumber > 0 && checkedTables.Contains(col.TableOid)) RequireColumnSelect(col);
        var entry = s.Entries.FirstOrDefault(e => !e.Synthetic && e.Columns.Contains(col));
        var name = entry?.Alias is { } a ? $"{a}.{col.Name}" : col.Name;
        var column = new ColumnExpr(col.Index, col.Type, level, name) { Position = position, TableOid = col.TableOid, ColumnNumber = col.ColumnNumber };
        Recording?.Columns.TryAdd(column, (entry?.Alias is null ? null : entry, col.Name));
        if (level > 0) NoteOuterReference(s, column);
        return column;
    }

    private BoundExpr BindCast(Sql.Ast.CastExpr c, Scope? scope)
    {
        var target = ResolveType(c.Type, Catalog, Path.TempSchema);
        var operand = c.Operand is ArrayExpr a && target.IsArray ? BindArrayConstructor(a, scope, target) : BindExpr(c.Operand, scope);
        if (operand is ParamExpr { Type.Id: TypeId.Unknown } p)
        {
            ParameterTypes[p.Number] = target.WithoutModifier();
            operand = new ParamExpr(p.Number, target.WithoutModifier());
        }
        var result = TryCoerce(operand, target, CastContext.Explicit, c.Operand.Position);
        if (result is null)
            throw new TenonException(SqlState.CannotCoerce, $"cannot cast type {operand.Type.DisplayName} to {target.DisplayName}") { Position = c.Position };
        return result;
    }

    /// <summary>Binds <c>left op right</c>, expanding row comparisons and resolving the operator.</summary>
    public BoundExpr BindBinary(string op, Expr leftAst, Expr rightAst, Scope? scope, int position)
    {
        if (leftAst is RowExpr lr && rightAst is RowExpr rr && op is "=" or "<>")
        {
            if (lr.Items.Count != rr.Items.Count)
                throw new TenonException(SqlState.SyntaxError, "unequal number of entries in row expressions") { Position = position };
            var parts = lr.Items.Zip(rr.Items, (a, b) => BindBinary(op, a, b, scope, position)).ToArray();
            return op == "=" ? new LogicalExpr(true, parts) : new LogicalExpr(false, parts);
        }
        var left = BindExpr(leftAst, scope);
        var right = BindExpr(rightAst, scope);
        return MakeBinary(op, left, right, position, leftAst.Position, rightAst.Position);
    }

    /// <summary>
    /// Resolves a binary operator. Errors about the operator point at <paramref name="position"/>;
    /// a literal operand that fails its type's input points at itself, as in PostgreSQL.
    /// </summary>
    public BoundExpr MakeBinary(string op, BoundExpr left, BoundExpr right, int position, int leftPosition = 0, int rightPosition = 0)
    {
        // Untyped parameters take the other side's type, like unknown literals.
        if (left is ParamExpr { Type.Id: TypeId.Unknown } lp && right.Type.Id != TypeId.Unknown)
            left = RetypeParam(lp, right.Type);
        if (right is ParamExpr { Type.Id: TypeId.Unknown } rp && left.Type.Id != TypeId.Unknown)
            right = RetypeParam(rp, left.Type);
        var impl = Operators.ResolveBinary(op, left.Type, right.Type, _ctx.Settings);
        if (impl is null)
            throw new TenonException(SqlState.UndefinedFunction,
                $"operator does not exist: {left.Type.DisplayName} {op} {right.Type.DisplayName}",
                hint: "No operator matches the given name and argument types. You might need to add explicit type casts.") { Position = position };
        // anytextcat/textanycat: the non-string operand of || is converted by its output function.
        var context = op == "||" && impl.ResultType.Id == TypeId.Text ? CastContext.Explicit : CastContext.Implicit;
        var l = TryCoerce(left, impl.LeftType, context, leftPosition > 0 ? leftPosition : position) ?? new BCast(left, impl.LeftType, context);
        var r = TryCoerce(right, impl.RightType, context, rightPosition > 0 ? rightPosition : position) ?? new BCast(right, impl.RightType, context);
        return new BinaryOpExpr(op, l, r, impl);
    }

    private ParamExpr RetypeParam(ParamExpr p, SqlType type)
    {
        var t = type.WithoutModifier();
        ParameterTypes[p.Number] = t;
        return new ParamExpr(p.Number, t);
    }

    private BoundExpr BindUnary(UnaryExpr u, Scope? scope)
    {
        var operand = BindExpr(u.Operand, scope);
        if (operand is ConstExpr { Type.Id: TypeId.Unknown })
            operand = TryCoerce(operand, SqlType.Numeric, CastContext.Implicit, u.Operand.Position)!;
        var impl = Operators.ResolveUnary(u.Op, operand.Type);
        if (impl is null)
            throw new TenonException(SqlState.UndefinedFunction,
                $"operator does not exist: {u.Op} {operand.Type.DisplayName}",
                hint: "No operator matches the given name and argument type. You might need to add an explicit type cast.") { Position = u.Position };
        var coerced = TryCoerce(operand, impl.OperandType, CastContext.Implicit) ?? operand;
        return new UnaryOpExpr(u.Op, coerced, impl);
    }

    private BoundExpr BindBetween(BetweenExpr b, Scope? scope)
    {
        var x = BindExpr(b.Operand, scope);
        var lo = BindExpr(b.Low, scope);
        var hi = BindExpr(b.High, scope);
        // As PostgreSQL rewrites it: NOT BETWEEN is x < low OR x > high (the same under three-valued logic).
        BoundExpr Range(BoundExpr low, BoundExpr high) => b.Negated
            ? new LogicalExpr(false, [MakeBinary("<", x, low, b.Position), MakeBinary(">", x, high, b.Position)])
            : new LogicalExpr(true, [MakeBinary(">=", x, low, b.Position), MakeBinary("<=", x, high, b.Position)]);
        return b.Symmetric
            ? new LogicalExpr(b.Negated, [Range(lo, hi), Range(hi, lo)])
            : Range(lo, hi);
    }

    private BoundExpr BindInList(Sql.Ast.InListExpr i, Scope? scope)
    {
        var operand = BindExpr(i.Operand, scope);
        var items = i.Items.Select(x => BindExpr(x, scope)).ToList();
        // PostgreSQL unifies the operand and all items to one type when it can.
        var all = new List<BoundExpr> { operand };
        all.AddRange(items);
        var common = Operators.CommonType(all.Select(a => a.Type).ToList(), out _);
        if (common is not null && common.Id != TypeId.Unknown)
        {
            var coerced = all.Select((a, k) => TryCoerce(a, common, CastContext.Implicit, k == 0 ? i.Operand.Position : i.Items[k - 1].Position)).ToList();
            if (coerced.All(c => c is not null) && Operators.ResolveBinary("=", common, common) is { } eq)
            {
                return new Execution.Expressions.InListExpr(coerced[0]!, coerced.Skip(1).Select(c => c!).ToArray(),
                    Enumerable.Repeat(eq, items.Count).ToArray(), i.Negated);
            }
        }
        var parts = items.Select(item => (BinaryOpExpr)MakeBinary("=", operand, item, i.Position)).ToList();
        return new Execution.Expressions.InListExpr(parts[0].Left, parts.Select(p => p.Right).ToArray(), parts.Select(p => p.Impl).ToArray(), i.Negated);
    }

    private BoundExpr BindQuantified(string op, Expr leftAst, bool all, Query subquery, Scope? scope, int position, bool negated)
    {
        if (leftAst is Sql.Ast.RowExpr { Items.Count: > 1 } rowAst) return BindRowQuantified(op, rowAst, all, subquery, scope, position, negated);
        var left = BindExpr(leftAst, scope);
        var (plan, correlated) = BindSubquery(subquery, scope);
        if (plan.Columns.Count != 1)
            throw new TenonException(SqlState.SyntaxError,
                plan.Columns.Count > 1 ? "subquery has too many columns" : "subquery has too few columns") { Position = position };
        var rightType = plan.Columns[0].Type;
        if (left is ConstExpr { Type.Id: TypeId.Unknown })
            left = TryCoerce(left, rightType, CastContext.Implicit, leftAst.Position)!;
        var impl = Operators.ResolveBinary(op, left.Type, rightType);
        if (impl is null)
            throw new TenonException(SqlState.UndefinedFunction,
                $"operator does not exist: {left.Type.DisplayName} {op} {rightType.DisplayName}",
                hint: "No operator matches the given name and argument types. You might need to add explicit type casts.") { Position = position };
        var l = TryCoerce(left, impl.LeftType, CastContext.Implicit) ?? left;
        if (rightType != impl.RightType && rightType.Id != impl.RightType.Id)
        {
            var rightCol = new ColumnExpr(0, rightType, 0, "?column?");
            var cast = TryCoerce(rightCol, impl.RightType, CastContext.Implicit)!;
            plan = new ProjectNode(plan, [cast], [new PlanColumn(plan.Columns[0].Name, impl.RightType)]);
        }
        BoundExpr result = new SubqueryExpr(plan, all ? SubqueryKind.All : SubqueryKind.Any, correlated, l, impl, SqlType.Bool);
        return negated ? new Execution.Expressions.NotExpr(result) : result;
    }

    /// <summary>(a, b, …) op ANY/ALL (subquery) and (a, b) [NOT] IN (subquery): a row comparison with each row of as many columns.</summary>
    private BoundExpr BindRowQuantified(string op, Sql.Ast.RowExpr rowAst, bool all, Query subquery, Scope? scope, int position, bool negated)
    {
        var items = rowAst.Items.Select(x => BindExpr(x, scope)).ToList();
        var (plan, correlated) = BindSubquery(subquery, scope);
        if (plan.Columns.Count != items.Count)
            throw new TenonException(SqlState.SyntaxError,
                plan.Columns.Count > items.Count ? "subquery has too many columns" : "subquery has too few columns") { Position = position };
        if (op is not ("=" or "<>" or "<" or "<=" or ">" or ">="))
            throw new TenonException(SqlState.FeatureNotSupported, $"could not determine interpretation of row comparison operator {op}") { Position = position };
        var compare = new BinaryOperator[items.Count];
        var equals = op is "=" or "<>" ? null : new BinaryOperator[items.Count];
        var casts = new BoundExpr[items.Count];
        var needCast = false;
        for (var i = 0; i < items.Count; i++)
        {
            var rightType = plan.Columns[i].Type;
            if (items[i] is ConstExpr { Type.Id: TypeId.Unknown })
                items[i] = TryCoerce(items[i], rightType, CastContext.Implicit, rowAst.Items[i].Position)!;
            var impl = Operators.ResolveBinary(op, items[i].Type, rightType)
                ?? throw new TenonException(SqlState.UndefinedFunction,
                    $"operator does not exist: {items[i].Type.DisplayName} {op} {rightType.DisplayName}",
                    hint: "No operator matches the given name and argument types. You might need to add explicit type casts.") { Position = position };
            compare[i] = impl;
            items[i] = TryCoerce(items[i], impl.LeftType, CastContext.Implicit) ?? items[i];
            var rightCol = new ColumnExpr(i, rightType, 0, plan.Columns[i].Name);
            casts[i] = rightType.Id != impl.RightType.Id ? TryCoerce(rightCol, impl.RightType, CastContext.Implicit) ?? rightCol : rightCol;
            needCast |= !ReferenceEquals(casts[i], rightCol);
            if (equals is not null)
                equals[i] = Operators.ResolveBinary("=", impl.LeftType, impl.RightType)
                    ?? throw new TenonException(SqlState.UndefinedFunction, $"operator does not exist: {impl.LeftType.DisplayName} = {impl.RightType.DisplayName}") { Position = position };
        }
        if (needCast)
            plan = new ProjectNode(plan, casts, casts.Select((c, i) => new PlanColumn(plan.Columns[i].Name, c.Type)).ToList());
        BoundExpr result = new SubqueryExpr(plan, all ? SubqueryKind.All : SubqueryKind.Any, correlated, null, null, SqlType.Bool)
        {
            RowCompare = (items.ToArray(), compare, equals, op),
        };
        return negated ? new Execution.Expressions.NotExpr(result) : result;
    }

    private BoundExpr BindCase(Sql.Ast.CaseExpr c, Scope? scope)
    {
        var operand = c.Operand is null ? null : BindExpr(c.Operand, scope);
        var conditions = new List<BoundExpr>();
        foreach (var w in c.Whens)
            conditions.Add(operand is null
                ? BindCondition(w.Condition, scope, "CASE/WHEN")
                : MakeBinary("=", operand, BindExpr(w.Condition, scope), w.Condition.Position));
        var results = c.Whens.Select(w => BindExpr(w.Result, scope)).ToList();
        var positions = c.Whens.Select(w => w.Result.Position).ToList();
        if (c.Else is not null) { results.Add(BindExpr(c.Else, scope)); positions.Add(c.Else.Position); }
        var unified = UnifyTypes(results, "CASE", positions, out var type);
        var whens = conditions.Select((cond, i) => (cond, unified[i])).ToList();
        return new Execution.Expressions.CaseExpr(whens, c.Else is null ? null : unified[^1], type) { SimpleOperand = operand };
    }
}
