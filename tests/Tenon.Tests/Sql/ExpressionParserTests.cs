using Tenon.Sql.Ast;
using static Tenon.Tests.Sql.ParseHelpers;

namespace Tenon.Tests.Sql;

public sealed class ExpressionParserTests
{
    [Fact]
    public void Multiplication_binds_tighter_than_addition_and_and_tighter_than_or()
    {
        var e = Assert.IsType<BinaryExpr>(Expr("1 + 2 * 3"));
        Assert.Equal("+", e.Op);
        Assert.IsType<BinaryExpr>(e.Right);
        var o = Assert.IsType<OrExpr>(Expr("a OR b AND c"));
        Assert.IsType<AndExpr>(o.Right);
        Assert.Equal(10, o.Position);
    }

    [Fact]
    public void Not_covers_a_comparison()
    {
        var n = Assert.IsType<NotExpr>(Expr("NOT a = b"));
        Assert.IsType<BinaryExpr>(n.Operand);
    }

    [Fact]
    public void Unary_minus_folds_into_numeric_constants()
    {
        Assert.Equal(long.MinValue, Assert.IsType<IntegerLiteral>(Expr("-9223372036854775808")).Value);
        Assert.Equal("9223372036854775808", Assert.IsType<NumericLiteral>(Expr("9223372036854775808")).Text);
        Assert.Equal("-1.5", Assert.IsType<NumericLiteral>(Expr("-1.5")).Text);
        var cast = Assert.IsType<UnaryExpr>(Expr("-1::int"));
        Assert.IsType<CastExpr>(cast.Operand);
        Assert.Equal(-4, Assert.IsType<IntegerLiteral>(Assert.IsType<BinaryExpr>(Expr("-4 ^ 2")).Left).Value);
    }

    [Fact]
    public void Is_tests()
    {
        Assert.True(Assert.IsType<IsNullExpr>(Expr("a IS NOT NULL")).Negated);
        Assert.False(Assert.IsType<IsNullExpr>(Expr("a ISNULL")).Negated);
        Assert.True(Assert.IsType<IsNullExpr>(Expr("a NOTNULL")).Negated);
        var b = Assert.IsType<BooleanTestExpr>(Expr("a IS NOT UNKNOWN"));
        Assert.Equal(BooleanTestKind.Unknown, b.Kind);
        Assert.True(Assert.IsType<IsDistinctFromExpr>(Expr("a IS NOT DISTINCT FROM b")).Negated);
        Assert.IsType<IsNullExpr>(Assert.IsType<IsNullExpr>(Expr("1 IS NULL IS NULL")).Operand);
    }

    [Fact]
    public void Between_in_like()
    {
        var b = Assert.IsType<BetweenExpr>(Expr("a NOT BETWEEN SYMMETRIC 1 AND 2"));
        Assert.True(b.Negated);
        Assert.True(b.Symmetric);
        var and = Assert.IsType<AndExpr>(Expr("a BETWEEN 1 AND 2 AND c"));
        Assert.IsType<BetweenExpr>(and.Left);
        Assert.Equal(3, Assert.IsType<InListExpr>(Expr("a IN (1, 2, 3)")).Items.Count);
        Assert.True(Assert.IsType<InSubqueryExpr>(Expr("a NOT IN (SELECT 1)")).Negated);
        Assert.Equal("!~~*", Assert.IsType<BinaryExpr>(Expr("a NOT ILIKE 'x'")).Op);
        var like = Assert.IsType<BinaryExpr>(Expr("a LIKE 'x!%' ESCAPE '!'"));
        Assert.Equal("~~", like.Op);
        Assert.Equal("like_escape", Assert.IsType<FunctionCall>(like.Right).Name.Name);
        var sim = Assert.IsType<BinaryExpr>(Expr("a SIMILAR TO 'x'"));
        Assert.Equal("~", sim.Op);
    }

    [Fact]
    public void Quantified_exists_and_subqueries()
    {
        var q = Assert.IsType<QuantifiedExpr>(Expr("a = ANY (ARRAY[1, 2])"));
        Assert.False(q.All);
        Assert.IsType<ArrayExpr>(q.Array);
        Assert.NotNull(Assert.IsType<QuantifiedExpr>(Expr("a > ALL (SELECT 1)")).Subquery);
        Assert.IsType<ExistsExpr>(Assert.IsType<NotExpr>(Expr("NOT EXISTS (SELECT 1)")).Operand);
        Assert.IsType<ScalarSubqueryExpr>(Expr("(SELECT 1)"));
        Assert.IsType<BinaryExpr>(Expr("((SELECT 1) + 1)"));
        Assert.IsType<ArraySubqueryExpr>(Expr("ARRAY(SELECT 1)"));
    }

    [Fact]
    public void Rows_arrays_case_cast()
    {
        Assert.False(Assert.IsType<RowExpr>(Expr("(1, 2)")).ExplicitRow);
        Assert.True(Assert.IsType<RowExpr>(Expr("ROW(1)")).ExplicitRow);
        var arr = Assert.IsType<ArrayExpr>(Expr("ARRAY[[1,2],[3,4]]"));
        Assert.IsType<ArrayExpr>(arr.Items[0]);
        var c = Assert.IsType<CaseExpr>(Expr("CASE x WHEN 1 THEN 'a' ELSE 'b' END"));
        Assert.NotNull(c.Operand);
        Assert.Null(Assert.IsType<CaseExpr>(Expr("CASE WHEN a THEN 1 END")).Else);
        var cast = Assert.IsType<CastExpr>(Expr("CAST(a AS varchar(10))"));
        Assert.Equal("varchar", cast.Type.Name);
        Assert.Equal(new[] { 10 }, cast.Type.Modifiers);
        var cc = Assert.IsType<CastExpr>(Expr("a::int[]"));
        Assert.True(cc.Type.IsArray);
        Assert.Equal(9, cc.Position);
    }

    [Fact]
    public void Typed_literals()
    {
        var d = Assert.IsType<TypedLiteral>(Expr("DATE '2024-01-01'"));
        Assert.Equal("date", d.Type.Name);
        Assert.Equal(13, d.Position);
        Assert.Equal("timestamptz", Assert.IsType<TypedLiteral>(Expr("TIMESTAMP WITH TIME ZONE 'x'")).Type.Name);
        Assert.Equal("int4", Assert.IsType<TypedLiteral>(Expr("int '5'")).Type.Name);
        var i = Assert.IsType<TypedLiteral>(Expr("INTERVAL '1' DAY TO SECOND"));
        Assert.Equal("day to second", i.Type.IntervalFields);
        Assert.Equal("int4", Assert.IsType<TypedLiteral>(Expr("pg_catalog.int4 '1'")).Type.Name);
        Assert.IsType<ColumnRef>(Expr("int"));
    }

    [Fact]
    public void Function_calls()
    {
        var f = Assert.IsType<FunctionCall>(Expr("count(*)"));
        Assert.True(f.Star);
        var agg = Assert.IsType<FunctionCall>(Expr("string_agg(DISTINCT x, ',' ORDER BY x DESC) FILTER (WHERE x > 1)"));
        Assert.True(agg.Distinct);
        Assert.Single(agg.OrderBy!);
        Assert.NotNull(agg.Filter);
        var w = Assert.IsType<FunctionCall>(Expr("row_number() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"));
        Assert.Equal("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", w.Over!.Frame);
        Assert.Equal("w", Assert.IsType<FunctionCall>(Expr("sum(x) OVER w")).Over!.Name);
        Assert.Equal("s", Assert.IsType<FunctionCall>(Expr("s.f(1)")).Name.Schema);
        Assert.Equal("coalesce", Assert.IsType<FunctionCall>(Expr("COALESCE(a, 1)")).Name.Name);
        Assert.Equal("nullif", Assert.IsType<FunctionCall>(Expr("NULLIF(a, 1)")).Name.Name);
        Assert.Equal("greatest", Assert.IsType<FunctionCall>(Expr("GREATEST(a, 1)")).Name.Name);
    }

    [Fact]
    public void Special_syntax_functions()
    {
        var ex = Assert.IsType<FunctionCall>(Expr("EXTRACT(year FROM d)"));
        Assert.Equal("extract", ex.Name.Name);
        Assert.Equal("year", Assert.IsType<StringLiteral>(ex.Args[0]).Value);
        var pos = Assert.IsType<FunctionCall>(Expr("POSITION('b' IN 'abc')"));
        Assert.Equal("abc", Assert.IsType<StringLiteral>(pos.Args[0]).Value);
        Assert.Equal(3, Assert.IsType<FunctionCall>(Expr("SUBSTRING(x FROM 2 FOR 3)")).Args.Count);
        var tr = Assert.IsType<FunctionCall>(Expr("TRIM(LEADING 'x' FROM y)"));
        Assert.Equal("ltrim", tr.Name.Name);
        Assert.IsType<ColumnRef>(tr.Args[0]);
        var tz = Assert.IsType<FunctionCall>(Expr("ts AT TIME ZONE 'UTC'"));
        Assert.Equal("timezone", tz.Name.Name);
        Assert.IsType<StringLiteral>(tz.Args[0]);
        Assert.Equal("C", Assert.IsType<CollateExpr>(Expr("a COLLATE \"C\"")).Collation);
    }

    [Fact]
    public void Sql_value_functions()
    {
        Assert.Equal(SqlValueFunctionKind.CurrentDate, Assert.IsType<SqlValueFunction>(Expr("CURRENT_DATE")).Kind);
        var ts = Assert.IsType<SqlValueFunction>(Expr("CURRENT_TIMESTAMP(3)"));
        Assert.Equal(3, ts.Precision);
        Assert.Equal(SqlValueFunctionKind.LocalTimestamp, Assert.IsType<SqlValueFunction>(Expr("LOCALTIMESTAMP")).Kind);
        Assert.Equal(SqlValueFunctionKind.CurrentUser, Assert.IsType<SqlValueFunction>(Expr("CURRENT_USER")).Kind);
        Assert.Equal(SqlValueFunctionKind.CurrentSchema, Assert.IsType<SqlValueFunction>(Expr("CURRENT_SCHEMA")).Kind);
        Assert.IsType<FunctionCall>(Expr("current_schema()"));
    }

    [Fact]
    public void Parameters_columns_subscripts_and_fields()
    {
        Assert.Equal(2, Assert.IsType<ParamRef>(Expr("$2")).Number);
        Assert.Equal(new[] { "s", "t", "c" }, Assert.IsType<ColumnRef>(Expr("s.t.c")).Names);
        var st = Assert.IsType<StarExpr>(Expr("t.*"));
        Assert.Equal("t", st.Table);
        Assert.True(Assert.IsType<SubscriptExpr>(Expr("a[1:2]")).IsSlice);
        Assert.Equal("f", Assert.IsType<FieldSelectExpr>(Expr("(a).f")).Field);
        Assert.Equal("<>", Assert.IsType<BinaryExpr>(Expr("a != b")).Op);
        var lt = Assert.IsType<BinaryExpr>(Expr("a<-1"));
        Assert.Equal("<", lt.Op);
        Assert.Equal(-1, Assert.IsType<IntegerLiteral>(lt.Right).Value);
    }

    [Fact]
    public void Type_names_map_to_canonical_names()
    {
        string T(string t) => Assert.IsType<CastExpr>(Expr("x::" + t)).Type.Name;
        Assert.Equal("int2", T("smallint"));
        Assert.Equal("int4", T("integer"));
        Assert.Equal("int8", T("bigint"));
        Assert.Equal("float4", T("real"));
        Assert.Equal("float8", T("double precision"));
        Assert.Equal("float4", T("float(24)"));
        Assert.Equal("float8", T("float(25)"));
        Assert.Equal("numeric", T("decimal(10,2)"));
        Assert.Equal("bool", T("boolean"));
        Assert.Equal("varchar", T("character varying(5)"));
        Assert.Equal("bpchar", T("char"));
        Assert.Equal(new[] { 1 }, Assert.IsType<CastExpr>(Expr("x::char")).Type.Modifiers);
        Assert.Equal("timestamp", T("timestamp(3) without time zone"));
        Assert.Equal("timetz", T("time with time zone"));
        Assert.Equal("text", T("text"));
        Assert.Equal("uuid", T("uuid"));
        var q = Assert.IsType<CastExpr>(Expr("x::pg_catalog.int4")).Type;
        Assert.Equal("pg_catalog", q.Schema);
        Assert.True(Assert.IsType<CastExpr>(Expr("x::int ARRAY")).Type.IsArray);
    }
}
