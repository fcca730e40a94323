using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>COPY.</summary>
public sealed partial class Parser
{
    /// COPY [BINARY] qualified_name [(cols)] {FROM | TO} [PROGRAM] {Sconst | STDIN | STDOUT}
    ///      [[USING] DELIMITERS Sconst] [WITH] copy_options [WHERE a_expr]
    /// | COPY '(' PreparableStmt ')' TO [PROGRAM] {Sconst | STDIN | STDOUT} [WITH] copy_options
    private CopyStatement ParseCopy()
    {
        ExpectKw("copy");
        var options = new List<CopyOption>();
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            var inner = ParseCopyQuery();
            Expect(TokenKind.RParen);
            ExpectKw("to");
            var (program, file) = ParseCopyFileName();
            AcceptKw("with");
            ParseCopyOptions(options);
            return new CopyStatement(null, null, inner, IsFrom: false, file) { Options = options, IsProgram = program };
        }

        if (Cur.Is("binary"))
            options.Add(new CopyOption("format", CopyOptionArgKind.String, "binary") { Position = Advance().Position });
        var table = ParseQualifiedName();
        List<string>? columns = null;
        if (Cur.Kind == TokenKind.LParen) columns = ParseParenNameList();
        bool isFrom;
        if (AcceptKw("from")) isFrom = true;
        else
        {
            ExpectKw("to");
            isFrom = false;
        }
        var (isProgram, fileName) = ParseCopyFileName();
        // copy_delimiter: [USING] DELIMITERS Sconst (before WITH, the oldest spelling)
        if (Cur.Is("delimiters") || (Cur.Is("using") && At(1).Is("delimiters")))
        {
            var at = Cur.Position;
            AcceptKw("using");
            ExpectKw("delimiters");
            options.Add(new CopyOption("delimiter", CopyOptionArgKind.String, ParseStringConst()) { Position = at });
        }
        AcceptKw("with");
        ParseCopyOptions(options);
        Expr? where = null;
        var wherePosition = Cur.Position;
        if (AcceptKw("where")) where = ParseExpr();
        return new CopyStatement(table, columns, null, isFrom, fileName)
        {
            Options = options, Where = where, WherePosition = where is null ? 0 : wherePosition, IsProgram = isProgram,
        };
    }

    /// PreparableStmt: SelectStmt | InsertStmt | UpdateStmt | DeleteStmt
    private Statement ParseCopyQuery()
    {
        var start = Cur;
        Statement stmt = Cur.Text switch
        {
            _ when Cur.Is("insert") => ParseInsert(null),
            _ when Cur.Is("update") => ParseUpdate(null),
            _ when Cur.Is("delete") => ParseDelete(null),
            _ when Cur.Is("with") => ParseWithStatement(),
            _ => new SelectStatement(ParseQuery()),
        };
        return stmt with { Position = start.Position, EndPosition = EndOfPrevious };
    }

    /// [PROGRAM] copy_file_name: Sconst | STDIN | STDOUT (null for the client pipe)
    private (bool Program, string? File) ParseCopyFileName()
    {
        var program = AcceptKw("program");
        if (Cur.Kind == TokenKind.String) return (program, Advance().Text);
        if (!program && (AcceptKw("stdin") || AcceptKw("stdout"))) return (false, null);
        throw Error();
    }

    /// copy_options: copy_opt_list (old style, possibly empty) | '(' copy_generic_opt_list ')'
    private void ParseCopyOptions(List<CopyOption> options)
    {
        if (Cur.Kind == TokenKind.LParen)
        {
            Advance();
            do
            {
                var at = Cur.Position;
                var name = ParseColLabel();
                options.Add(ParseCopyGenericArg(name) with { Position = at });
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
            return;
        }
        while (ParseOldCopyOption() is { } option) options.Add(option);
    }

    /// copy_generic_opt_arg: opt_boolean_or_string | NumericOnly | '*' | '(' opt_boolean_or_string [, …] ')' | empty
    private CopyOption ParseCopyGenericArg(string name)
    {
        var t = Cur;
        if (t.Kind is TokenKind.Comma or TokenKind.RParen) return new CopyOption(name, CopyOptionArgKind.None);
        if (t.IsOp("*"))
        {
            Advance();
            return new CopyOption(name, CopyOptionArgKind.Star);
        }
        if (t.Kind == TokenKind.LParen)
        {
            Advance();
            var list = new List<string>();
            do list.Add(ParseBooleanOrString());
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RParen);
            return new CopyOption(name, CopyOptionArgKind.List, List: list);
        }
        if (t.Kind is TokenKind.Integer or TokenKind.Numeric || t.IsOp("-") || t.IsOp("+"))
        {
            var sign = "";
            if (AcceptOp("-")) sign = "-";
            else AcceptOp("+");
            if (Cur.Kind is not (TokenKind.Integer or TokenKind.Numeric)) throw Error();
            return new CopyOption(name, CopyOptionArgKind.Number, sign + Advance().Text);
        }
        return new CopyOption(name, CopyOptionArgKind.String, ParseBooleanOrString());
    }

    /// opt_boolean_or_string: TRUE | FALSE | ON | NonReservedWord | Sconst
    private string ParseBooleanOrString()
    {
        if (Cur.Kind == TokenKind.String) return Advance().Text;
        if (Cur.Is("true") || Cur.Is("false") || Cur.Is("on")) return Advance().Text;
        return ParseNonReservedWord();
    }

    /// copy_opt_item: BINARY | FREEZE | DELIMITER [AS] Sconst | NULL [AS] Sconst | CSV | HEADER
    ///   | QUOTE [AS] Sconst | ESCAPE [AS] Sconst | FORCE QUOTE {columnList | '*'}
    ///   | FORCE NOT NULL columnList | FORCE NULL columnList | ENCODING Sconst
    private CopyOption? ParseOldCopyOption()
    {
        var at = Cur.Position;
        CopyOption StringArg(string name)
        {
            AcceptKw("as");
            return new CopyOption(name, CopyOptionArgKind.String, ParseStringConst()) { Position = at };
        }
        CopyOption ListArg(string name) => new CopyOption(name, CopyOptionArgKind.List, List: ParseNameList()) { Position = at };

        if (AcceptKw("binary")) return new CopyOption("format", CopyOptionArgKind.String, "binary") { Position = at };
        if (AcceptKw("csv")) return new CopyOption("format", CopyOptionArgKind.String, "csv") { Position = at };
        if (AcceptKw("freeze")) return new CopyOption("freeze", CopyOptionArgKind.String, "true") { Position = at };
        if (AcceptKw("header")) return new CopyOption("header", CopyOptionArgKind.String, "true") { Position = at };
        if (AcceptKw("delimiter")) return StringArg("delimiter");
        if (AcceptKw("null")) return StringArg("null");
        if (AcceptKw("quote")) return StringArg("quote");
        if (AcceptKw("escape")) return StringArg("escape");
        if (AcceptKw("encoding")) return new CopyOption("encoding", CopyOptionArgKind.String, ParseStringConst()) { Position = at };
        if (!AcceptKw("force")) return null;
        if (AcceptKw("quote"))
        {
            if (AcceptOp("*")) return new CopyOption("force_quote", CopyOptionArgKind.Star) { Position = at };
            return ListArg("force_quote");
        }
        if (AcceptKws("not", "null")) return ListArg("force_not_null");
        ExpectKw("null");
        return ListArg("force_null");
    }
}
