using Tenon.Binding;
using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>DDL behaviour that the differential scripts exercise only in passing: catalog relations, regclass, index kinds, dependencies.</summary>
public sealed class DdlCatalogTests
{
    private static Session NewSession() => new(new Database());

    private static List<string> Column(Session s, string sql) =>
        s.ExecuteSingle(sql).Rows.Select(r => r[0] is null ? "null" : s.FormatValue(r[0]!, s.ExecuteSingle(sql).Columns![0].Type)).ToList();

    private static TenonException Fails(Session s, string sql) => Assert.Throws<TenonException>(() => s.ExecuteSingle(sql));

    [Fact]
    public void Pg_constraint_lists_a_tables_constraints_and_regclass_prints_names()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0))");
        s.ExecuteSingle("CREATE TABLE \"Child Rows\" (p_id int REFERENCES p)");
        Assert.Equal(["p_code_key u", "p_n_check c", "p_pkey p"],
            s.ExecuteSingle("SELECT conname, contype FROM pg_constraint WHERE conrelid = 'p'::regclass ORDER BY conname")
                .Rows.Select(r => $"{r[0]} {r[1]}"));
        Assert.Equal(["\"Child Rows\""], Column(s, "SELECT conrelid::regclass FROM pg_constraint WHERE contype = 'f'"));
        Assert.Equal(["p"], Column(s, "SELECT confrelid::regclass FROM pg_catalog.pg_constraint WHERE contype = 'f'"));
        Assert.Equal(SqlState.UndefinedTable, Fails(s, "SELECT 'nope'::regclass").SqlState);
    }

    [Fact]
    public void Pg_class_shows_user_relations_with_their_kind()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE k (id serial PRIMARY KEY)");
        Assert.Equal(["k r", "k_id_seq S", "k_pkey i"],
            s.ExecuteSingle("SELECT relname, relkind FROM pg_class WHERE relnamespace = 2200 ORDER BY relname").Rows.Select(r => $"{r[0]} {r[1]}"));
    }

    [Fact]
    public void Catalog_relation_names_come_before_public_ones_but_after_temporary_ones()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE pg_class (a int)");
        Assert.Equal(["pg_class"], Column(s, "SELECT 'pg_class'::regclass"));
        Assert.Equal(["public.pg_class"], Column(s, "SELECT 'public.pg_class'::regclass"));
        Assert.Equal(["1259"], Column(s, "SELECT 'pg_class'::regclass::oid"));
        Assert.Equal(SqlState.WrongObjectType, Fails(s, "SELECT nextval('pg_class')").SqlState);
        s.ExecuteSingle("CREATE TEMP TABLE pg_extension (a int)");
        Assert.Empty(s.ExecuteSingle("SELECT * FROM pg_extension").Rows);
        Assert.Equal(["plpgsql"], Column(s, "SELECT extname FROM pg_catalog.pg_extension"));
        Assert.Equal(["pg_catalog.pg_extension"], Column(s, "SELECT 'pg_catalog.pg_extension'::regclass"));
    }

    [Fact]
    public void Pg_namespace_lists_each_schema_once_with_its_owner()
    {
        using var s = NewSession();
        Assert.Equal(["pg_catalog 10", "pg_toast 10", "public 6171", "information_schema 10"],
            s.ExecuteSingle("SELECT nspname, nspowner FROM pg_namespace ORDER BY oid").Rows.Select(r => $"{r[0]} {r[1]}"));
        s.ExecuteSingle("CREATE TEMP TABLE t (a int)");
        Assert.Equal(["pg_temp_3"], Column(s, "SELECT nspname FROM pg_namespace WHERE oid = (SELECT relnamespace FROM pg_class WHERE relname = 't')"));
    }

    [Fact]
    public void A_partial_unique_index_only_constrains_rows_matching_its_predicate()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE m (c int, active boolean)");
        s.ExecuteSingle("CREATE UNIQUE INDEX m_one_active ON m (c) WHERE active");
        s.ExecuteSingle("INSERT INTO m VALUES (1, true), (1, false), (1, false)");
        var ex = Fails(s, "INSERT INTO m VALUES (1, true)");
        Assert.Equal(SqlState.UniqueViolation, ex.SqlState);
        s.ExecuteSingle("UPDATE m SET active = false");
        s.ExecuteSingle("INSERT INTO m VALUES (1, true)");
        Assert.Equal(SqlState.UniqueViolation, Fails(s, "UPDATE m SET active = true").SqlState);
    }

    [Fact]
    public void An_expression_index_reports_its_key_as_postgresql_shows_it()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE e (email text)");
        s.ExecuteSingle("CREATE UNIQUE INDEX ON e (lower(email))");
        s.ExecuteSingle("INSERT INTO e VALUES ('A@x')");
        var ex = Fails(s, "INSERT INTO e VALUES ('a@X')");
        Assert.Equal("duplicate key value violates unique constraint \"e_lower_idx\"", ex.Message);
        Assert.Equal("Key (lower(email))=(a@x) already exists.", ex.Detail);
    }

    [Fact]
    public void Dropping_a_referenced_column_needs_cascade_and_takes_its_indexes()
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE a (id int PRIMARY KEY, v int)");
        s.ExecuteSingle("CREATE INDEX a_v_idx ON a (v, id)");
        s.ExecuteSingle("CREATE TABLE b (a_id int REFERENCES a)");
        var ex = Fails(s, "ALTER TABLE a DROP COLUMN id");
        Assert.Equal(SqlState.DependentObjectsStillExist, ex.SqlState);
        Assert.Equal("constraint b_a_id_fkey on table b depends on column id of table a", ex.Detail);
        var notices = new List<string>();
        s.NoticeRaised += n => notices.Add(n.Message);
        s.ExecuteSingle("ALTER TABLE a DROP COLUMN id CASCADE");
        Assert.Equal(["drop cascades to constraint b_a_id_fkey on table b"], notices);
        Assert.Empty(s.ExecuteSingle("SELECT relname FROM pg_class WHERE relkind = 'i'").Rows);
        s.ExecuteSingle("INSERT INTO b VALUES (42)");
    }

    [Fact]
    public void Long_identifiers_are_truncated_with_a_notice()
    {
        using var s = NewSession();
        var notices = new List<Notice>();
        s.NoticeRaised += notices.Add;
        var longName = new string('x', 70);
        s.ExecuteSingle($"CREATE TABLE {longName} (a int)");
        Assert.Equal("42622", Assert.Single(notices).SqlState);
        Assert.Single(s.ExecuteSingle($"SELECT relname FROM pg_class WHERE relname = '{new string('x', 63)}'").Rows);
    }

    [Theory]
    [InlineData("nme", "Perhaps you meant to reference the column \"t.name\".")]
    [InlineData("nam", "Perhaps you meant to reference the column \"t.name\" or the column \"t.nama\".")]
    [InlineData("zzzz", null)]
    public void Unknown_columns_suggest_the_nearest(string written, string? hint)
    {
        using var s = NewSession();
        s.ExecuteSingle("CREATE TABLE t (id int, name text, nama text)");
        Assert.Equal(hint, Fails(s, $"SELECT {written} FROM t").Hint);
    }

    [Fact]
    public void Levenshtein_counts_single_character_edits()
    {
        Assert.Equal(0, ColumnSuggestion.Levenshtein("abc", "abc"));
        Assert.Equal(1, ColumnSuggestion.Levenshtein("name", "nme"));
        Assert.Equal(3, ColumnSuggestion.Levenshtein("abcdef", "abcxyz"));
    }
}
