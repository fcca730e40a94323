using Tenon.Sql;
using Tenon.Sql.Ast;
using static Tenon.Tests.Sql.ParseHelpers;

namespace Tenon.Tests.Sql;

public sealed class QueryParserTests
{
    [Fact]
    public void Select_targets_aliases_and_bare_labels()
    {
        var c = Core("SELECT 1 x, 2 AS \"Y\", 3 select, *, t.* FROM t");
        Assert.Equal("x", c.Targets[0].Alias);
        Assert.Equal("Y", c.Targets[1].Alias);
        Assert.Equal("select", c.Targets[2].Alias);
        Assert.IsType<StarExpr>(c.Targets[3].Expr);
        Assert.Equal("t", Assert.IsType<StarExpr>(c.Targets[4].Expr).Table);
        Assert.Single(c.From);
    }

    [Fact]
    public void Select_without_targets_is_allowed()
    {
        Assert.Empty(Core("SELECT FROM t").Targets);
        Assert.Empty(Core("SELECT").Targets);
    }

    [Fact]
    public void Distinct_and_distinct_on()
    {
        Assert.True(Core("SELECT DISTINCT a FROM t").Distinct);
        Assert.Single(Core("SELECT DISTINCT ON (a) a, b FROM t").DistinctOn!);
    }

    [Fact]
    public void Where_group_having_window_order_limit_offset()
    {
        var q = Query("SELECT a, count(*) FROM t WHERE a > 1 GROUP BY a HAVING count(*) > 1 WINDOW w AS (ORDER BY a) ORDER BY a DESC NULLS LAST, 2 USING < LIMIT 10 OFFSET 5");
        var c = Assert.IsType<SelectCore>(q.Body);
        Assert.NotNull(c.Where);
        Assert.Single(c.GroupBy);
        Assert.NotNull(c.Having);
        Assert.Equal("w", c.Windows[0].Name);
        Assert.True(q.OrderBy[0].Descending);
        Assert.False(q.OrderBy[0].NullsFirst);
        Assert.Equal("<", q.OrderBy[1].UsingOperator);
        Assert.Equal(10, Assert.IsType<IntegerLiteral>(q.Limit).Value);
        Assert.Equal(5, Assert.IsType<IntegerLiteral>(q.Offset).Value);
    }

    [Fact]
    public void Fetch_first_and_locking()
    {
        var q = Query("SELECT * FROM t FETCH FIRST 3 ROWS ONLY");
        Assert.Equal(3, Assert.IsType<IntegerLiteral>(q.Limit).Value);
        Assert.Equal(1, Assert.IsType<IntegerLiteral>(Query("SELECT * FROM t FETCH NEXT ROW ONLY").Limit).Value);
        Assert.Equal("FOR UPDATE OF t NOWAIT", Query("SELECT * FROM t FOR UPDATE OF t NOWAIT").Locking);
        Assert.Null(Query("SELECT * FROM t LIMIT ALL").Limit);
    }

    [Fact]
    public void Intersect_binds_tighter_than_union()
    {
        var b = Assert.IsType<SetOperationBody>(Query("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3").Body);
        Assert.Equal(SetOperator.Union, b.Operator);
        Assert.Equal(SetOperator.Intersect, Assert.IsType<SetOperationBody>(b.Right).Operator);
        var l = Assert.IsType<SetOperationBody>(Query("SELECT 1 EXCEPT ALL SELECT 2 UNION SELECT 3").Body);
        Assert.Equal(SetOperator.Union, l.Operator);
        Assert.True(Assert.IsType<SetOperationBody>(l.Left).All);
    }

    [Fact]
    public void Parenthesized_queries_and_values_and_table()
    {
        var b = Assert.IsType<SetOperationBody>(Query("(SELECT 1 ORDER BY 1 LIMIT 1) UNION (SELECT 2)").Body);
        Assert.IsType<NestedQueryBody>(b.Left);
        Assert.IsType<SelectCore>(b.Right);
        Assert.Equal(2, Assert.IsType<ValuesBody>(Query("VALUES (1, 'a'), (2, DEFAULT)").Body).Rows.Count);
        var t = Core("TABLE s.t");
        Assert.Equal("s", Assert.IsType<NamedTableRef>(t.From[0]).Name.Schema);
        Assert.IsType<SelectCore>(Query("((SELECT 1))").Body);
    }

    [Fact]
    public void With_clauses()
    {
        var q = Query("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), m AS MATERIALIZED (SELECT 2) SELECT * FROM r");
        Assert.True(q.With!.Recursive);
        Assert.Equal(new[] { "n" }, q.With.Ctes[0].ColumnNames);
        Assert.True(q.With.Ctes[1].Materialized);
        var ins = Assert.IsType<InsertStatement>(One("WITH x AS (DELETE FROM t RETURNING *) INSERT INTO u SELECT * FROM x"));
        Assert.IsType<DeleteStatement>(ins.With!.Ctes[0].Statement);
    }

    [Fact]
    public void From_items()
    {
        var c = Core("SELECT * FROM ONLY a AS x(c1, c2), (SELECT 1) s, LATERAL generate_series(1, 3) WITH ORDINALITY g(n), (VALUES (1)) v(a)");
        var a = Assert.IsType<NamedTableRef>(c.From[0]);
        Assert.True(a.Only);
        Assert.Equal(new[] { "c1", "c2" }, a.Alias!.Columns);
        Assert.Equal("s", Assert.IsType<SubqueryTableRef>(c.From[1]).Alias!.Name);
        var f = Assert.IsType<FunctionTableRef>(c.From[2]);
        Assert.True(f.Lateral);
        Assert.True(f.WithOrdinality);
        Assert.IsType<ValuesBody>(Assert.IsType<SubqueryTableRef>(c.From[3]).Query.Body);
    }

    [Fact]
    public void Joins()
    {
        var j = Assert.IsType<JoinTableRef>(Core("SELECT * FROM a LEFT OUTER JOIN b ON a.id = b.id JOIN c USING (id) CROSS JOIN d").From[0]);
        Assert.Equal(JoinKind.Cross, j.Kind);
        var u = Assert.IsType<JoinTableRef>(j.Left);
        Assert.Equal(new[] { "id" }, u.Using);
        Assert.Equal(JoinKind.Left, Assert.IsType<JoinTableRef>(u.Left).Kind);
        var n = Assert.IsType<JoinTableRef>(Core("SELECT * FROM a NATURAL FULL JOIN b").From[0]);
        Assert.True(n.Natural);
        Assert.Equal(JoinKind.Full, n.Kind);
        var p = Assert.IsType<JoinTableRef>(Core("SELECT * FROM (a JOIN b ON true) AS j").From[0]);
        Assert.Equal("j", p.Alias!.Name);
        var nested = Assert.IsType<JoinTableRef>(Core("SELECT * FROM a JOIN b JOIN c ON x ON y").From[0]);
        Assert.IsType<JoinTableRef>(nested.Right);
    }

    [Fact]
    public void Select_into_is_create_table_as()
    {
        var ctas = Assert.IsType<CreateTableStatement>(Parser.ParseScript("SELECT * INTO TEMP TABLE n FROM t")[0]);
        Assert.Equal("n", ctas.Name.Name);
        Assert.True(ctas.Temporary);
        Assert.True(ctas.IsSelectInto);
        Assert.Null(Assert.IsType<SelectCore>(ctas.AsQuery!.Body).Into);
    }

    [Fact]
    public void Script_positions_are_relative_to_the_whole_string()
    {
        var sql = "SELECT 1;; \n  SELECT a FROM t ;";
        var all = Parser.ParseScript(sql);
        Assert.Equal(2, all.Count);
        Assert.Equal("SELECT 1", sql[(all[0].Position - 1)..(all[0].EndPosition - 1)]);
        Assert.Equal("SELECT a FROM t", sql[(all[1].Position - 1)..(all[1].EndPosition - 1)]);
        var col = Assert.IsType<SelectCore>(Assert.IsType<SelectStatement>(all[1]).Query.Body).Targets[0].Expr;
        Assert.Equal(22, col.Position);
        Assert.Empty(Parser.ParseScript(" ; -- nothing\n"));
    }
}
