using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Statement dispatch (P.2), transaction control, SET/SHOW/RESET, EXPLAIN, unsupported statements.</summary>
public sealed partial class Parser
{
    private static readonly Dictionary<string, string> UnsupportedStarts = new(StringComparer.Ordinal)
    {
        ["listen"] = "LISTEN", ["notify"] = "NOTIFY",
        ["do"] = "DO",
        ["cluster"] = "CLUSTER",
        ["checkpoint"] = "CHECKPOINT", ["load"] = "LOAD", ["call"] = "CALL",
        ["security"] = "SECURITY LABEL", ["import"] = "IMPORT FOREIGN SCHEMA", ["reassign"] = "REASSIGN OWNED",
    };

    /// stmt
    private Statement ParseStatementBody()
    {
        Enter();
        try
        {
            var t = Cur;
            if (t.Kind == TokenKind.LParen) return SelectOrSelectInto(ParseQuery());
            if (t.Kind != TokenKind.Identifier || t.Keyword == KeywordCategory.None) throw Error();
            switch (t.Text)
            {
                case "select":
                case "values":
                case "table":
                    return SelectOrSelectInto(ParseQuery());
                case "with": return ParseWithStatement();
                case "insert": return ParseInsert(null);
                case "update": return ParseUpdate(null);
                case "delete": return ParseDelete(null);
                case "merge": return ParseMerge(null);
                case "truncate": return ParseTruncate();
                case "create": return ParseCreate();
                case "drop": return ParseDrop();
                case "alter": return ParseAlter();
                case "comment": return ParseComment();
                case "grant":
                case "revoke":
                    return ParseGrant();
                case "begin":
                case "start":
                case "commit":
                case "end":
                case "rollback":
                case "abort":
                case "savepoint":
                case "release":
                    return ParseTransaction();
                case "prepare":
                    if (At(1).Is("transaction")) return ParseTransaction();
                    return ParsePrepare();
                case "execute": return ParseExecute();
                case "deallocate": return ParseDeallocate();
                case "set": return ParseSet();
                case "show": return ParseShow();
                case "reset": return ParseReset();
                case "discard": return ParseDiscard();
                case "close": return ParseClose();
                case "unlisten": return ParseUnlisten();
                case "explain": return ParseExplain();
                case "analyze":
                case "analyse":
                case "vacuum":
                    return ParseVacuum();
                case "copy": return ParseCopy();
                case "lock": return ParseLock();
                case "declare": return ParseDeclareCursor();
                case "fetch":
                case "move":
                    return ParseFetch();
                case "do" when At(1).Kind == TokenKind.String || At(1).Is("language"): return ParseDo();
                case "call": return ParseCall();
                case "refresh": return ParseRefreshMaterializedView();
                case "reindex": return ParseReindex();
            }
            if (UnsupportedStarts.TryGetValue(t.Text, out var feature))
            {
                if (t.Is("do") && At(1).Kind != TokenKind.String && !At(1).Is("language")) throw ErrorAt(At(1));
                return Unsupported(feature);
            }
            throw Error();
        }
        finally
        {
            Leave();
        }
    }

    /// BEGIN [WORK | TRANSACTION] [modes] | START TRANSACTION [modes] | COMMIT/END [WORK | TRANSACTION] [AND [NO] CHAIN]
    /// | ROLLBACK/ABORT [WORK | TRANSACTION] [AND [NO] CHAIN] | ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name
    /// | SAVEPOINT name | RELEASE [SAVEPOINT] name | PREPARE TRANSACTION 'gid' | COMMIT PREPARED 'gid' | ROLLBACK PREPARED 'gid'
    private Statement ParseTransaction()
    {
        var t = Advance();
        switch (t.Text)
        {
            case "begin":
                if (!AcceptKw("work")) AcceptKw("transaction");
                return new TransactionStatement(TransactionAction.Begin) { Options = ParseTransactionModes() };
            case "start":
                ExpectKw("transaction");
                return new TransactionStatement(TransactionAction.Begin) { Options = ParseTransactionModes() };
            case "commit":
            case "end":
                if (t.Text == "commit" && AcceptKw("prepared"))
                    return new TransactionStatement(TransactionAction.CommitPrepared, ParseStringConst());
                if (!AcceptKw("work")) AcceptKw("transaction");
                return new TransactionStatement(TransactionAction.Commit) { Chain = ParseOptChain() };
            case "rollback":
            case "abort":
                if (t.Text == "rollback" && AcceptKw("prepared"))
                    return new TransactionStatement(TransactionAction.RollbackPrepared, ParseStringConst());
                if (!AcceptKw("work")) AcceptKw("transaction");
                if (t.Text == "rollback" && AcceptKw("to"))
                {
                    AcceptKw("savepoint");
                    return new TransactionStatement(TransactionAction.RollbackTo, ParseColId());
                }
                return new TransactionStatement(TransactionAction.Rollback) { Chain = ParseOptChain() };
            case "savepoint":
                return new TransactionStatement(TransactionAction.Savepoint, ParseColId());
            case "release":
                AcceptKw("savepoint");
                return new TransactionStatement(TransactionAction.Release, ParseColId());
            default:
                ExpectKw("transaction");
                return new TransactionStatement(TransactionAction.PrepareTransaction, ParseStringConst());
        }
    }

    /// opt_transaction_chain: [AND [NO] CHAIN]
    private bool ParseOptChain()
    {
        if (!AcceptKw("and")) return false;
        bool no = AcceptKw("no");
        ExpectKw("chain");
        return !no;
    }

    /// transaction_mode_list: mode [[,] mode …]; mode: ISOLATION LEVEL level | READ ONLY | READ WRITE | [NOT] DEFERRABLE
    private List<string> ParseTransactionModes()
    {
        var modes = new List<string>();
        while (true)
        {
            if (modes.Count > 0 && Cur.Kind == TokenKind.Comma) Advance();
            else if (modes.Count > 0 && !(Cur.Is("isolation") || Cur.Is("read") || Cur.Is("deferrable") || Cur.Is("not"))) return modes;
            if (AcceptKw("isolation"))
            {
                ExpectKw("level");
                string level;
                if (AcceptKw("serializable")) level = "serializable";
                else if (AcceptKw("repeatable")) { ExpectKw("read"); level = "repeatable read"; }
                else
                {
                    ExpectKw("read");
                    if (AcceptKw("committed")) level = "read committed";
                    else { ExpectKw("uncommitted"); level = "read uncommitted"; }
                }
                modes.Add("isolation level " + level);
            }
            else if (AcceptKw("read"))
            {
                if (AcceptKw("only")) modes.Add("read only");
                else { ExpectKw("write"); modes.Add("read write"); }
            }
            else if (AcceptKw("deferrable")) modes.Add("deferrable");
            else if (Cur.Is("not") && At(1).Is("deferrable")) { _pos += 2; modes.Add("not deferrable"); }
            else if (modes.Count == 0) return modes;
            else throw Error();
        }
    }

    /// SET [SESSION | LOCAL] {var_name {TO | =} {var_list | DEFAULT} | TIME ZONE zone | NAMES enc | SCHEMA s
    ///   | TRANSACTION modes | SESSION CHARACTERISTICS AS TRANSACTION modes} | SET CONSTRAINTS …
    private Statement ParseSet()
    {
        var set = ExpectKw("set");
        if (AcceptKw("constraints"))
        {
            List<QualifiedName>? names = null;
            if (!AcceptKw("all"))
            {
                names = new List<QualifiedName> { ParseQualifiedName() };
                while (Accept(TokenKind.Comma)) names.Add(ParseQualifiedName());
            }
            bool deferred;
            if (AcceptKw("deferred")) deferred = true;
            else { ExpectKw("immediate"); deferred = false; }
            return new SetConstraintsStatement(names, deferred) { Position = set.Position };
        }
        bool local = false;
        if (Cur.Is("session") && At(1).Is("characteristics"))
        {
            _pos += 2;
            ExpectKw("as");
            ExpectKw("transaction");
            var modes = ParseTransactionModes();
            if (modes.Count == 0) throw Error();
            return new SetTransactionStatement(modes, SessionDefaults: true) { Position = set.Position };
        }
        if (AcceptKw("local")) local = true;
        else if (Cur.Is("session") && !At(1).Is("authorization")) Advance();
        if (Cur.Is("session") && At(1).Is("authorization"))
        {
            _pos += 2;
            if (AcceptKw("default")) return new SetSessionAuthorizationStatement(null) { Local = local, Position = set.Position };
            return new SetSessionAuthorizationStatement(ParseStringOrWord()) { Local = local, Position = set.Position };
        }
        if (Cur.Is("role")) return ParseSetRole(set, local);
        if (AcceptKw("transaction"))
        {
            if (AcceptKw("snapshot")) return Unsupported("SET TRANSACTION SNAPSHOT");
            var modes = ParseTransactionModes();
            if (modes.Count == 0) throw Error();
            return new SetTransactionStatement(modes, SessionDefaults: false) { Position = set.Position };
        }
        if (Cur.Is("time") && At(1).Is("zone"))
        {
            _pos += 2;
            if (AcceptKw("local") || AcceptKw("default")) return new SetStatement("timezone", null, local);
            if (Cur.Is("interval")) throw SqlErrors.FeatureNotSupported("SET TIME ZONE INTERVAL is not supported", Cur.Position);
            return new SetStatement("timezone", new[] { ParseVarValue() }, local);
        }
        if (AcceptKw("names"))
        {
            if (AcceptKw("default") || Cur.Kind is TokenKind.Semicolon or TokenKind.EndOfInput)
                return new SetStatement("client_encoding", null, local);
            return new SetStatement("client_encoding", new[] { ParseStringOrWord() }, local);
        }
        if (Cur.Is("schema") && At(1).Kind == TokenKind.String)
        {
            Advance();
            return new SetStatement("search_path", new[] { ParseStringConst() }, local);
        }
        if (Cur.Is("xml") && At(1).Is("option")) return Unsupported("SET XML OPTION");
        var name = ParseVarName();
        if (!AcceptKw("to") && !AcceptOp("=")) throw Error();
        if (AcceptKw("default")) return new SetStatement(name, null, local);
        if (Cur.Is("from") && At(1).Is("current")) return Unsupported("SET FROM CURRENT");
        var values = new List<string> { ParseVarValue() };
        while (Accept(TokenKind.Comma)) values.Add(ParseVarValue());
        return new SetStatement(name, values, local);
    }

    /// var_name: ColId ['.' ColId …]
    private string ParseVarName()
    {
        var name = ParseColId();
        while (Accept(TokenKind.Dot)) name += "." + ParseColId();
        return name;
    }

    /// var_value: TRUE | FALSE | ON | NonReservedWord | Sconst | NumericOnly
    private string ParseVarValue()
    {
        var t = Cur;
        if (t.Kind == TokenKind.String) return Advance().Text;
        if (t.IsOp("-") || t.IsOp("+"))
        {
            Advance();
            var n = Cur;
            if (n.Kind is not (TokenKind.Integer or TokenKind.Numeric)) throw Error();
            Advance();
            return (t.Text == "-" ? "-" : "") + n.Text;
        }
        if (t.Kind is TokenKind.Integer or TokenKind.Numeric) return Advance().Text;
        if (t.Is("true") || t.Is("false") || t.Is("on")) return Advance().Text;
        return ParseNonReservedWord();
    }

    private string ParseStringOrWord() => Cur.Kind == TokenKind.String ? Advance().Text : ParseNonReservedWord();

    /// SHOW {var_name | TIME ZONE | TRANSACTION ISOLATION LEVEL | SESSION AUTHORIZATION | ALL}
    private Statement ParseShow()
    {
        ExpectKw("show");
        if (Cur.Is("time") && At(1).Is("zone")) { _pos += 2; return new ShowStatement("timezone"); }
        if (Cur.Is("transaction") && At(1).Is("isolation"))
        {
            _pos += 2;
            ExpectKw("level");
            return new ShowStatement("transaction_isolation");
        }
        if (Cur.Is("session") && At(1).Is("authorization")) { _pos += 2; return new ShowStatement("session_authorization"); }
        if (AcceptKw("all")) return new ShowStatement("all");
        return new ShowStatement(ParseVarName());
    }

    /// RESET {var_name | TIME ZONE | TRANSACTION ISOLATION LEVEL | SESSION AUTHORIZATION | ALL}
    private Statement ParseReset()
    {
        ExpectKw("reset");
        if (Cur.Is("time") && At(1).Is("zone")) { _pos += 2; return new ResetStatement("timezone"); }
        if (Cur.Is("transaction") && At(1).Is("isolation"))
        {
            _pos += 2;
            ExpectKw("level");
            return new ResetStatement("transaction_isolation");
        }
        if (Cur.Is("session") && At(1).Is("authorization")) { _pos += 2; return new SetSessionAuthorizationStatement(null, IsReset: true); }
        if (AcceptKw("role")) return new SetRoleStatement(null, false, IsReset: true);
        if (AcceptKw("all")) return new ResetStatement("all");
        return new ResetStatement(ParseVarName());
    }

    /// EXPLAIN [ANALYZE] [VERBOSE] ExplainableStmt | EXPLAIN '(' option [, …] ')' ExplainableStmt
    private Statement ParseExplain()
    {
        var ex = ExpectKw("explain");
        bool analyze = false, verbose = false;
        var options = new List<(string, string?)>();
        var positions = new List<int>();
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            do
            {
                if (!IsColLabel(Cur)) throw Error();
                positions.Add(Cur.Position);
                var name = Advance().Text;
                string? value = null;
                if (Cur.Kind is not (TokenKind.Comma or TokenKind.RParen)) value = ParseVarValue();
                if (name is "analyze" or "analyse") analyze = value is null || IsTrueOption(value);
                if (name == "verbose") verbose = value is null || IsTrueOption(value);
                options.Add((name == "analyse" ? "analyze" : name, value));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
        }
        else
        {
            if (AcceptKw("analyze") || AcceptKw("analyse")) analyze = true;
            if (AcceptKw("verbose")) verbose = true;
        }
        var start = Cur;
        Statement inner;
        if (Cur.Is("select") || Cur.Is("values") || Cur.Is("table") || Cur.Is("with") || Cur.Kind == TokenKind.LParen
            || Cur.Is("insert") || Cur.Is("update") || Cur.Is("delete") || Cur.Is("create") || Cur.Is("execute")
            || Cur.Is("declare") || Cur.Is("merge"))
            inner = ParseStatementBody();
        else throw Error();
        inner = inner with { Position = start.Position, EndPosition = EndOfPrevious };
        return new ExplainStatement(inner, analyze, verbose) { Options = options, OptionPositions = positions, Position = ex.Position };
    }

    private static bool IsTrueOption(string v) => v is "true" or "on" or "1" or "yes";
}
