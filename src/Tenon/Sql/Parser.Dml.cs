using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>INSERT, UPDATE, DELETE, TRUNCATE.</summary>
public sealed partial class Parser
{
    /// [WITH …] {SELECT … | INSERT … | UPDATE … | DELETE …}
    private Statement ParseWithStatement()
    {
        int save = _pos;
        var with = ParseWithClause();
        if (Cur.Is("insert")) return ParseInsert(with);
        if (Cur.Is("update")) return ParseUpdate(with);
        if (Cur.Is("delete")) return ParseDelete(with);
        if (Cur.Is("merge")) return ParseMerge(with);
        _pos = save;
        return SelectOrSelectInto(ParseQuery());
    }

    /// INSERT INTO qualified_name [AS ColId] ['(' insert_column_list ')'] [OVERRIDING {SYSTEM|USER} VALUE]
    ///   {DEFAULT VALUES | SelectStmt} [ON CONFLICT …] [RETURNING target_list]
    private InsertStatement ParseInsert(WithClause? with)
    {
        var ins = ExpectKw("insert");
        ExpectKw("into");
        var table = ParseQualifiedName();
        string? alias = null;
        if (AcceptKw("as")) alias = ParseColId();
        List<string>? cols = null;
        List<int>? positions = null;
        List<InsertIndirection?>? indirections = null;
        if (Cur.Kind == TokenKind.LParen && !LooksLikeSubquery())
        {
            Advance();
            cols = new List<string>();
            positions = new List<int>();
            indirections = new List<InsertIndirection?>();
            do
            {
                var (name, path, pos) = ParseSetTarget();
                positions.Add(pos);
                cols.Add(name);
                indirections.Add(path.Count == 0 ? null : new InsertIndirection(path, _lastSetTarget) { Steps = _lastSetSteps });
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        var overriding = ParseOverriding();
        Query? source = null;
        if (Cur.Is("default") && At(1).Is("values"))
        {
            _pos += 2;
        }
        else if (AtQueryStart()) source = ParseQuery();
        else throw Error();
        OnConflictClause? onConflict = null;
        if (Cur.Is("on") && At(1).Is("conflict")) onConflict = ParseOnConflict();
        IReadOnlyList<SelectItem>? returning = null;
        if (AcceptKw("returning")) returning = ParseTargetList();
        return new InsertStatement(table, alias, cols, source)
        {
            With = with,
            Overriding = overriding,
            OnConflict = onConflict,
            Returning = returning,
            ColumnPositions = positions,
            Indirections = indirections is not null && indirections.Any(i => i is not null) ? indirections : null,
            Position = ins.Position,
        };
    }

    /// ON CONFLICT [ '(' index_params ')' [WHERE a_expr] | ON CONSTRAINT name ] DO {NOTHING | UPDATE SET … [WHERE a_expr]}
    private OnConflictClause ParseOnConflict()
    {
        var t = Advance();
        Advance();
        List<IndexElement>? target = null;
        string? constraint = null;
        Expr? targetWhere = null;
        var targetPosition = Cur.Position;
        if (Cur.Kind == TokenKind.LParen)
        {
            target = ParseIndexParams();
            if (AcceptKw("where")) targetWhere = ParseExpr();
        }
        else if (Cur.Is("on") && At(1).Is("constraint"))
        {
            _pos += 2;
            constraint = ParseColId();
        }
        ExpectKw("do");
        if (AcceptKw("nothing"))
            return new OnConflictClause(target, constraint, true) { TargetWhere = targetWhere, TargetPosition = targetPosition, Position = t.Position };
        ExpectKw("update");
        ExpectKw("set");
        var set = ParseSetClauseList();
        Expr? where = null;
        if (AcceptKw("where")) where = ParseExpr();
        return new OnConflictClause(target, constraint, false) { TargetWhere = targetWhere, TargetPosition = targetPosition, Set = set, Where = where, Position = t.Position };
    }

    /// set_clause_list: set_target '=' a_expr | '(' set_target_list ')' '=' a_expr [, …]
    private List<SetClause> ParseSetClauseList()
    {
        var list = new List<SetClause>();
        do
        {
            if (Cur.Kind == TokenKind.LParen)
            {
                Advance();
                var targets = new List<(string Name, IReadOnlyList<string> Path, int Pos)>();
                var targetSteps = new List<(Expr? Subscripted, IReadOnlyList<AssignStep> Steps)>();
                do
                {
                    targets.Add(ParseSetTarget());
                    targetSteps.Add((_lastSetTarget, _lastSetSteps));
                }
                while (Accept(TokenKind.Comma));
                Expect(TokenKind.RParen);
                ExpectOp("=");
                var valueTok = Cur;
                var value = ParseExpr();
                IReadOnlyList<Expr> values;
                if (value is RowExpr row && row.Items.Any(i => i is StarExpr))
                {
                    // ROW(t.*, …): the row's width is known only once t is bound.
                    var source = new MultiAssignSource(value, targets.Count) { Position = valueTok.Position };
                    values = Enumerable.Range(0, targets.Count).Select(i => (Expr)new MultiAssignRef(source, i) { Position = valueTok.Position }).ToList();
                }
                else if (value is RowExpr r2) values = r2.Items;
                else if (value is ScalarSubqueryExpr sub)
                {
                    // A type mismatch points at the sub-select's output expression, when there is one per target.
                    var outputs = sub.Subquery.Body is SelectCore { Targets: var t } && t.Count == targets.Count && t.All(x => x.Expr is not StarExpr) ? t : null;
                    var source = new MultiAssignSource(value, targets.Count) { Position = valueTok.Position };
                    values = Enumerable.Range(0, targets.Count)
                        .Select(i => (Expr)new MultiAssignRef(source, i) { Position = outputs?[i].Expr.Position ?? valueTok.Position }).ToList();
                }
                else if (targets.Count == 1) values = new[] { value };
                else
                    throw SqlErrors.Syntax("source for a multiple-column UPDATE item must be a sub-SELECT or ROW() expression", value.Position);
                if (values.Count != targets.Count)
                    throw SqlErrors.Syntax("number of columns does not match number of values", valueTok.Position);
                for (int i = 0; i < targets.Count; i++)
                    list.Add(new SetClause(targets[i].Name, values[i])
                    {
                        Path = targets[i].Path, Position = targets[i].Pos, Subscripted = targetSteps[i].Subscripted, Steps = targetSteps[i].Steps,
                    });
            }
            else
            {
                var (name, path, pos) = ParseSetTarget();
                var subscripted = _lastSetTarget;
                var steps = _lastSetSteps;
                ExpectOp("=");
                list.Add(new SetClause(name, ParseExpr()) { Path = path, Position = pos, Subscripted = subscripted, Steps = steps });
            }
        }
        while (Accept(TokenKind.Comma));
        return list;
    }

    /// <summary>The subscripted target (<c>a[i][j]</c> as a SubscriptExpr chain) of the set_target just parsed, if it was one.</summary>
    private Expr? _lastSetTarget;

    /// <summary>The fields and subscripts of the set_target just parsed, in order.</summary>
    private IReadOnlyList<AssignStep> _lastSetSteps = [];

    /// set_target: ColId ['.' attr | '[' … ']' …]
    private (string Name, IReadOnlyList<string> Path, int Pos) ParseSetTarget()
    {
        var t = Cur;
        var name = ParseColId();
        var path = new List<string>();
        var steps = new List<AssignStep>();
        Expr? target = null;
        while (true)
        {
            if (Cur.Kind == TokenKind.Dot)
            {
                var dot = Advance();
                var field = ParseColLabel();
                path.Add(field);
                steps.Add(new AssignStep(field, null, null, false) { Position = dot.Position });
                continue;
            }
            if (Cur.Kind == TokenKind.LBracket)
            {
                int start = Cur.Start;
                var bracket = Cur;
                Advance();
                Expr? lower = null, upper = null;
                if (Cur.Kind != TokenKind.Colon) lower = ParseExpr();
                var slice = Accept(TokenKind.Colon);
                if (slice && Cur.Kind != TokenKind.RBracket) upper = ParseExpr();
                Expect(TokenKind.RBracket);
                path.Add(SourceText(start, Prev.End));
                steps.Add(new AssignStep(null, lower, upper, slice) { Position = bracket.Position });
                // Subscripts are kept for array assignment (a target with a field in its path is not one).
                target = new SubscriptExpr(target ?? new ColumnRef([name]) { Position = t.Position }, lower, upper, slice) { Position = bracket.Position };
                continue;
            }
            _lastSetTarget = path.All(p => p.StartsWith('[')) ? target : null;
            _lastSetSteps = steps;
            return (name, path, t.Position);
        }
    }

    /// UPDATE relation_expr_opt_alias SET set_clause_list [FROM from_list] [WHERE a_expr | WHERE CURRENT OF name] [RETURNING …]
    private UpdateStatement ParseUpdate(WithClause? with)
    {
        var upd = ExpectKw("update");
        var table = ParseRelationExpr(out bool only);
        var alias = ParseDmlAlias(allowSet: false);
        ExpectKw("set");
        var set = ParseSetClauseList();
        var stmt = new UpdateStatement(table, alias, set) { With = with, Only = only, Position = upd.Position };
        if (AcceptKw("from")) stmt = stmt with { From = ParseFromList() };
        if (Cur.Is("where"))
        {
            Advance();
            if (Cur.Is("current") && At(1).Is("of"))
                throw SqlErrors.FeatureNotSupported("WHERE CURRENT OF is not supported", Cur.Position);
            stmt = stmt with { Where = ParseExpr() };
        }
        if (AcceptKw("returning")) stmt = stmt with { Returning = ParseTargetList() };
        return stmt;
    }

    /// relation_expr_opt_alias: relation_expr [[AS] ColId] (a bare SET is never an alias in UPDATE)
    private string? ParseDmlAlias(bool allowSet)
    {
        if (AcceptKw("as")) return ParseColId();
        if (IsColId(Cur) && (allowSet || !Cur.Is("set"))) return Advance().Text;
        return null;
    }

    /// DELETE FROM relation_expr_opt_alias [USING from_list] [WHERE a_expr] [RETURNING target_list]
    private DeleteStatement ParseDelete(WithClause? with)
    {
        var del = ExpectKw("delete");
        ExpectKw("from");
        var table = ParseRelationExpr(out bool only);
        var alias = ParseDmlAlias(allowSet: true);
        var stmt = new DeleteStatement(table, alias) { With = with, Only = only, Position = del.Position };
        if (AcceptKw("using")) stmt = stmt with { Using = ParseFromList() };
        if (Cur.Is("where"))
        {
            Advance();
            if (Cur.Is("current") && At(1).Is("of"))
                throw SqlErrors.FeatureNotSupported("WHERE CURRENT OF is not supported", Cur.Position);
            stmt = stmt with { Where = ParseExpr() };
        }
        if (AcceptKw("returning")) stmt = stmt with { Returning = ParseTargetList() };
        return stmt;
    }

    /// TRUNCATE [TABLE] relation_expr [, …] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]
    private TruncateStatement ParseTruncate()
    {
        var t = ExpectKw("truncate");
        AcceptKw("table");
        var names = new List<QualifiedName>();
        var only = new List<bool>();
        do
        {
            names.Add(ParseRelationExpr(out var o));
            only.Add(o);
        }
        while (Accept(TokenKind.Comma));
        bool restart = false;
        if (AcceptKw("restart")) { ExpectKw("identity"); restart = true; }
        else if (AcceptKw("continue")) ExpectKw("identity");
        bool cascade = ParseOptDropBehavior();
        return new TruncateStatement(names, restart, cascade) { Only = only, Position = t.Position };
    }

    /// opt_drop_behavior: [CASCADE | RESTRICT] — true for CASCADE
    private bool ParseOptDropBehavior()
    {
        if (AcceptKw("cascade")) return true;
        AcceptKw("restrict");
        return false;
    }

    /// <summary><c>[OVERRIDING {SYSTEM | USER} VALUE]</c> of INSERT (and MERGE's INSERT action).</summary>
    private OverridingKind ParseOverriding()
    {
        if (!AcceptKw("overriding")) return OverridingKind.None;
        var kind = OverridingKind.SystemValue;
        if (!AcceptKw("system"))
        {
            ExpectKw("user");
            kind = OverridingKind.UserValue;
        }
        ExpectKw("value");
        return kind;
    }
}
