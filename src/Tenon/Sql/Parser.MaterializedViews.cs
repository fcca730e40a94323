using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE / REFRESH / ALTER MATERIALIZED VIEW (DROP and COMMENT ON go with their statements).</summary>
public sealed partial class Parser
{
    /// CREATE [UNLOGGED] MATERIALIZED VIEW [IF NOT EXISTS] qualified_name ['(' names ')'] [USING m] [WITH (…)]
    ///   [TABLESPACE t] AS SelectStmt [WITH [NO] DATA]
    private Statement ParseCreateMaterializedView(Token create, bool unlogged)
    {
        ExpectKw("materialized");
        ExpectKw("view");
        bool ifNotExists = false;
        if (Cur.Is("if") && At(1).Is("not") && At(2).Is("exists"))
        {
            _pos += 3;
            ifNotExists = true;
        }
        var name = ParseQualifiedName();
        List<string>? cols = null;
        if (Cur.Kind == TokenKind.LParen) cols = ParseParenNameList();
        if (AcceptKw("using")) ParseColId();
        if (Cur.Is("with") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            SkipParenthesized();
        }
        if (AcceptKw("tablespace")) ParseColId();
        ExpectKw("as");
        int start = Cur.Start;
        var query = ParseQuery();
        var text = SourceText(start, Prev.End);
        var noData = ParseOptWithData();
        // The grammar takes UNLOGGED; the statement then refuses it (without a position).
        if (unlogged) throw new TenonException(SqlState.FeatureNotSupported, "materialized views cannot be unlogged");
        return new CreateMaterializedViewStatement(name, cols, query)
        {
            IfNotExists = ifNotExists, WithNoData = noData, QueryText = text, Position = create.Position,
        };
    }

    /// REFRESH MATERIALIZED VIEW [CONCURRENTLY] qualified_name [WITH [NO] DATA]
    private Statement ParseRefreshMaterializedView()
    {
        var refresh = ExpectKw("refresh");
        ExpectKw("materialized");
        ExpectKw("view");
        var concurrently = AcceptKw("concurrently");
        var name = ParseQualifiedName();
        var noData = ParseOptWithData();
        return new RefreshMaterializedViewStatement(name, concurrently, noData) { Position = refresh.Position };
    }

    /// [WITH DATA | WITH NO DATA]: true for WITH NO DATA.
    private bool ParseOptWithData()
    {
        if (!(Cur.Is("with") && (At(1).Is("data") || At(1).Is("no")))) return false;
        Advance();
        var noData = AcceptKw("no");
        ExpectKw("data");
        return noData;
    }

    /// ALTER MATERIALIZED VIEW [IF EXISTS] name {RENAME [COLUMN] a TO b | RENAME TO n | OWNER TO role}:
    /// an ALTER TABLE restricted to materialized views; other actions are unsupported.
    private Statement ParseAlterMaterializedView(Token alter)
    {
        ExpectKw("materialized");
        ExpectKw("view");
        bool ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        if (Cur.Is("all") && At(1).Is("in")) return Unsupported("ALTER MATERIALIZED VIEW ALL IN TABLESPACE");
        var name = ParseQualifiedName();
        if (Cur.Is("set") && At(1).Is("schema"))
        {
            _pos += 2;
            return new SetSchemaStatement(ObjectKind.MaterializedView, name, ParseColId(), ifExists) { Position = alter.Position };
        }
        var stmt = new AlterTableStatement(name, Array.Empty<AlterTableAction>()) { IfExists = ifExists, MaterializedView = true, Position = alter.Position };
        var t = Cur;
        if (AcceptKw("rename"))
        {
            AlterTableAction action;
            if (AcceptKw("to")) action = new RenameTableAction(ParseColId());
            else
            {
                AcceptKw("column");
                var old = ParseColId();
                ExpectKw("to");
                action = new RenameColumnAction(old, ParseColId());
            }
            return stmt with { Actions = new[] { action with { Position = t.Position } } };
        }
        if (Cur.Is("owner") && At(1).Is("to"))
        {
            _pos += 2;
            return stmt with { Actions = new[] { new OwnerToAction(ParseRoleSpec()) { Position = t.Position } } };
        }
        if (Cur.Kind is TokenKind.Semicolon or TokenKind.EndOfInput) throw Error();
        return Unsupported("ALTER MATERIALIZED VIEW " + Cur.Text.ToUpperInvariant());
    }
}
