using Tenon.Errors;
using Tenon.Sql;
using Tenon.Sql.Ast;

namespace Tenon.Tests.Sql;

internal static class ParseHelpers
{
    public static Statement One(string sql) => Parser.ParseStatement(sql);

    public static Query Query(string sql) => Assert.IsType<SelectStatement>(One(sql)).Query;

    public static SelectCore Core(string sql) => Assert.IsType<SelectCore>(Query(sql).Body);

    public static Expr Expr(string exprText) => Core("SELECT " + exprText).Targets[0].Expr;

    public static TenonException Fails(string sql) => Assert.Throws<TenonException>(() => Parser.ParseScript(sql));
}
