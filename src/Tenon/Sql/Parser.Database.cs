using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE DATABASE (DROP DATABASE is parsed with the other DROPs).</summary>
public sealed partial class Parser
{
    /// CREATE DATABASE name [WITH] [createdb_opt_item …]
    /// createdb_opt_item: createdb_opt_name ['='] {NumericOnly | opt_boolean_or_string | DEFAULT}
    /// createdb_opt_name: IDENT | CONNECTION LIMIT | ENCODING | LOCATION | OWNER | TABLESPACE | TEMPLATE
    private CreateDatabaseStatement ParseCreateDatabase(Token create)
    {
        ExpectKw("database");
        var name = ParseColId();
        AcceptKw("with");
        var options = new List<CreateDatabaseOption>();
        while (Cur.Kind == TokenKind.Identifier)
        {
            var at = Cur;
            string option;
            if (AcceptKws("connection", "limit")) option = "connection_limit";
            else if (at.Keyword == KeywordCategory.None || at.Is("encoding") || at.Is("location") || at.Is("owner")
                     || at.Is("tablespace") || at.Is("template"))
                option = Advance().Text;
            else break;
            AcceptOp("=");
            string? value;
            if (AcceptKw("default")) value = null;
            else if (Cur.Kind is TokenKind.Integer or TokenKind.Numeric || Cur.IsOp("-") || Cur.IsOp("+"))
            {
                var sign = AcceptOp("-") ? "-" : "";
                if (sign.Length == 0) AcceptOp("+");
                if (Cur.Kind is not (TokenKind.Integer or TokenKind.Numeric)) throw Error();
                value = sign + Advance().Text;
            }
            else value = ParseBooleanOrString();
            options.Add(new CreateDatabaseOption(option, value) { Position = at.Position });
        }
        return new CreateDatabaseStatement(name, options) { Position = create.Position };
    }
}
