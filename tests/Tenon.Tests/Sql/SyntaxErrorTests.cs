using Tenon.Errors;
using Tenon.Sql;

namespace Tenon.Tests.Sql;

/// <summary>Error texts and positions as PostgreSQL 15 reports them (taken from pg-oracle runs).</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("select 1 from;", "syntax error at or near \";\"", 14)]
    [InlineData("select a from t where;", "syntax error at or near \";\"", 22)]
    [InlineData("select * from t join u;", "syntax error at or near \";\"", 23)]
    [InlineData("create table t (check int);", "syntax error at or near \"int\"", 23)]
    [InlineData("create table t (a int default 1 not null check);", "syntax error at or near \")\"", 47)]
    [InlineData("insert into t (a) values (1,);", "syntax error at or near \")\"", 29)]
    [InlineData("update t set a = 1 where;", "syntax error at or near \";\"", 25)]
    [InlineData("select 1 < 2 < 3;", "syntax error at or near \"<\"", 14)]
    [InlineData("select 1 = 1 = true;", "syntax error at or near \"=\"", 14)]
    [InlineData("select 1 between 2 and 3 between 4 and 5;", "syntax error at or near \"between\"", 26)]
    [InlineData("select 1 like 2 like 3;", "syntax error at or near \"like\"", 17)]
    [InlineData("select a from t limit 1, 2;", "LIMIT #,# syntax is not supported", 17)]
    [InlineData("foo bar;", "syntax error at or near \"foo\"", 1)]
    [InlineData("select left from t;", "syntax error at or near \"from\"", 13)]
    [InlineData("select 1 from (select 1);", "subquery in FROM must have an alias", 15)]
    [InlineData("select * from (values (1));", "VALUES in FROM must have an alias", 15)]
    [InlineData("select cast(1 as);", "syntax error at or near \")\"", 17)]
    [InlineData("select case when end;", "syntax error at or near \"end\"", 18)]
    [InlineData("create table t (a int not null deferrable);", "misplaced DEFERRABLE clause", 32)]
    [InlineData("select float4(1) from t order by a nulls;", "syntax error at or near \"nulls\"", 36)]
    [InlineData("select x::float(0);", "precision for type float must be at least 1 bit", 17)]
    [InlineData("select distinct from t;", "syntax error at or near \"from\"", 17)]
    [InlineData("select (1,2) = ;", "syntax error at or near \";\"", 16)]
    [InlineData("drop table;", "syntax error at or near \";\"", 11)]
    [InlineData("alter table t add;", "syntax error at or near \";\"", 18)]
    [InlineData("create index on;", "syntax error at or near \";\"", 16)]
    [InlineData("with x as (select 1) ;", "syntax error at or near \";\"", 22)]
    [InlineData("select 1 union;", "syntax error at or near \";\"", 15)]
    [InlineData("values;", "syntax error at or near \";\"", 7)]
    [InlineData("select * from t where a is distinct b;", "syntax error at or near \"b\"", 37)]
    [InlineData("create sequence s increment by;", "syntax error at or near \";\"", 31)]
    [InlineData("begin isolation level foo;", "syntax error at or near \"foo\"", 23)]
    [InlineData("select count(*) over (partition a);", "syntax error at or near \"a\"", 33)]
    [InlineData("SELECT 1 +   ", "syntax error at end of input", 14)]
    [InlineData("SELECT (1 +  \n -- c\n ", "syntax error at end of input", 22)]
    [InlineData("select 1; select 2 +", "syntax error at end of input", 21)]
    [InlineData("select 1; select 2 2", "syntax error at or near \"2\"", 20)]
    [InlineData("SELECT 1 +   ;", "syntax error at or near \";\"", 14)]
    [InlineData("SELECT FOO BAR BAZ", "syntax error at or near \"BAZ\"", 16)]
    public void Errors_match_postgres(string sql, string message, int position)
    {
        var ex = Assert.Throws<TenonException>(() => Parser.ParseScript(sql));
        Assert.Equal(message, ex.MessageText);
        Assert.Equal(position, ex.Position);
    }

    [Fact]
    public void Syntax_errors_use_sqlstate_42601()
    {
        Assert.Equal("42601", Assert.Throws<TenonException>(() => Parser.ParseScript("selec 1")).SqlState);
    }

    [Fact]
    public void Parse_statement_rejects_several_statements()
    {
        Assert.Throws<TenonException>(() => Parser.ParseStatement("select 1; select 2"));
        Assert.IsType<Tenon.Sql.Ast.SelectStatement>(Parser.ParseStatement("select 1;"));
    }
}
