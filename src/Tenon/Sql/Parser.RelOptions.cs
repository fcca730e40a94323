using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Storage parameter lists (reloptions) and the ALTER TABLE actions about a table's storage.</summary>
public sealed partial class Parser
{
    /// '(' reloption_elem [, …] ')' ; reloption_elem: ColLabel ['.' ColLabel] ['=' def_arg]
    private List<RelOption> ParseRelOptionList()
    {
        Expect(TokenKind.LParen);
        var list = new List<RelOption>();
        do
        {
            var t = Cur;
            string? ns = null;
            var name = ParseColLabel();
            if (Accept(TokenKind.Dot))
            {
                ns = name;
                name = ParseColLabel();
            }
            string? value = null;
            if (AcceptOp("=")) value = ParseDefArg();
            list.Add(new RelOption(ns, name, value) { Position = t.Position });
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return list;
    }

    /// def_arg as a storage parameter's value: a word (folded), a number with its sign as written, or a string.
    private string ParseDefArg()
    {
        var t = Cur;
        if (t.Kind == TokenKind.String) { Advance(); return t.Text; }
        if (t.Kind == TokenKind.Operator && t.Text is "-" or "+" && At(1).Kind is TokenKind.Integer or TokenKind.Numeric)
        {
            Advance();
            return (t.Text == "-" ? "-" : "") + Advance().Text;
        }
        if (t.Kind is TokenKind.Integer or TokenKind.Numeric) { Advance(); return t.Text; }
        if (t.Kind == TokenKind.Identifier) return ParseColLabel();
        throw Error();
    }

    /// The storage-related ALTER TABLE actions, or null when the tokens start none of them:
    /// SET (…) | RESET (…) | CLUSTER ON name | SET WITHOUT CLUSTER | SET WITHOUT OIDS
    /// | SET LOGGED | SET UNLOGGED | OF type | NOT OF | REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX name}
    private AlterTableAction? TryParseStorageAlterAction()
    {
        if (Cur.Is("set") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            return new RelOptionsAction(ParseRelOptionList(), Reset: false);
        }
        if (Cur.Is("reset") && At(1).Kind == TokenKind.LParen)
        {
            Advance();
            return new RelOptionsAction(ParseRelOptionList(), Reset: true);
        }
        if (Cur.Is("cluster") && At(1).Is("on"))
        {
            _pos += 2;
            return new ClusterOnAction(ParseColId());
        }
        if (Cur.Is("set") && At(1).Is("without") && At(2).Is("cluster"))
        {
            _pos += 3;
            return new SetWithoutClusterAction();
        }
        if (Cur.Is("set") && At(1).Is("without") && At(2).Is("oids"))
        {
            _pos += 3;
            return new SetWithoutOidsAction();
        }
        if (Cur.Is("set") && (At(1).Is("logged") || At(1).Is("unlogged")))
        {
            Advance();
            return new SetPersistenceAction(Advance().Is("logged"));
        }
        if (Cur.Is("of"))
        {
            Advance();
            return new OfTypeAction(ParseQualifiedName());
        }
        if (Cur.Is("not") && At(1).Is("of"))
        {
            _pos += 2;
            return new NotOfAction();
        }
        if (Cur.Is("replica") && At(1).Is("identity"))
        {
            _pos += 2;
            if (AcceptKw("default")) return new ReplicaIdentityAction('d', null);
            if (AcceptKw("full")) return new ReplicaIdentityAction('f', null);
            if (AcceptKw("nothing")) return new ReplicaIdentityAction('n', null);
            ExpectKw("using");
            ExpectKw("index");
            return new ReplicaIdentityAction('i', ParseColId());
        }
        // SET is followed by one of the words above (or SCHEMA, TABLESPACE, ACCESS METHOD); anything else is a syntax error there.
        if (Cur.Is("set") && !(At(1).Is("schema") || At(1).Is("tablespace") || At(1).Is("access")))
        {
            Advance();
            throw Error();
        }
        return null;
    }
}
