using Tenon.Errors;
using Tenon.Sql;
using Tenon.Sql.Ast;

namespace Tenon.Tests.Sql;

/// <summary>Real-world SQL: seed statements, PostgreSQL regression files, Chinook; plus fuzzing and nesting depth.</summary>
public sealed class CorpusParserTests
{
    private const string SharedRoot = "/work/shared";

    public static readonly TheoryData<string> SeedStatements = new()
    {
        "CREATE TABLE posts (\nid BIGSERIAL PRIMARY KEY, -- 1, 2, 3, 4 ...\ntitle TEXT NOT NULL\n);",
        "CREATE EXTENSION IF NOT EXISTS \"pgcrypto\"; -- enable UUID generation",
        "CREATE TABLE users (\nid UUID PRIMARY KEY DEFAULT gen_random_uuid(),\nemail TEXT NOT NULL\n);",
        "CREATE TABLE post_tags (\npost_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,\ntag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,\nPRIMARY KEY (post_id, tag_id) -- no separate id column needed\n);",
        "INSERT INTO posts (title, author_id) VALUES ('Test', 9999);",
        "CREATE TABLE orders (\nid SERIAL PRIMARY KEY,\nuser_id INTEGER NOT NULL,\nCONSTRAINT fk_orders_user\nFOREIGN KEY (user_id)\nREFERENCES users(id)\nON DELETE RESTRICT\n);",
        "CREATE TABLE orders (\nid SERIAL PRIMARY KEY,\nuser_id INTEGER NOT NULL REFERENCES users(id) ON DELETE RESTRICT,\nstatus TEXT NOT NULL DEFAULT 'pending'\n);",
        "CREATE TABLE user_profiles (\nuser_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,\nbio TEXT,\navatar_url TEXT,\nlocation TEXT\n);",
        "ALTER TABLE orders\nADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users(id)\nNOT VALID;",
        "ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;",
        "CREATE INDEX idx_orders_user_id ON orders(user_id);",
        "BEGIN;\nDELETE FROM order_items WHERE order_id IN (SELECT id FROM orders WHERE user_id = 1);\nDELETE FROM orders WHERE user_id = 1;\nDELETE FROM users WHERE id = 1;\nCOMMIT;",
        "UPDATE products\nSET category_id = (SELECT id FROM categories WHERE name = products.category)\nWHERE category IN ('Electronics', 'Accessories');",
        "SELECT t.name FROM tags t JOIN post_tags pt ON pt.tag_id = t.id WHERE pt.post_id = 1 ORDER BY t.name;",
        "INSERT INTO categories (name, slug) VALUES\n('Electronics', 'electronics'),\n('Accessories', 'accessories')\nON CONFLICT (slug) DO NOTHING;",
        "SELECT u.name, COUNT(o.id) AS order_count, COALESCE(SUM(o.total), 0)::numeric(10,2) AS total FROM users u LEFT JOIN orders o ON o.user_id = u.id GROUP BY u.id, u.name HAVING COUNT(o.id) > 0;",
        "CREATE TABLE enrollments (\nstudent_id INT REFERENCES students(id) ON DELETE CASCADE,\ncourse_id INT REFERENCES courses(id) ON DELETE CASCADE,\nenrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),\nPRIMARY KEY (student_id, course_id)\n);",
    };

    [Theory]
    [MemberData(nameof(SeedStatements))]
    public void Seed_statements_parse(string sql)
    {
        var all = Parser.ParseScript(sql);
        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, s => s is UnsupportedStatement);
    }

    /// <summary>Splits a psql script into statements (dropping backslash commands) with the lexer.</summary>
    private static List<string> SplitScript(string text)
    {
        text = string.Join("\n", text.Split('\n').Where(l => !l.TrimStart().StartsWith('\\')));
        var result = new List<string>();
        var lexer = new Lexer(text);
        int start = 0;
        try
        {
            while (true)
            {
                var t = lexer.Next();
                if (t.Kind == TokenKind.EndOfInput) break;
                if (t.Kind == TokenKind.Semicolon)
                {
                    result.Add(text[start..t.End]);
                    start = t.End;
                }
            }
        }
        catch (TenonException)
        {
        }
        result.Add(text[start..]);
        return result.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
    }

    [Theory]
    [InlineData("pg-regress/sql/foreign_key.sql", 1100)]
    [InlineData("pg-regress/sql/constraints.sql", 300)]
    public void Regression_files_parse_or_fail_cleanly(string file, int minimumParsed)
    {
        var path = Path.Combine(SharedRoot, file);
        if (!File.Exists(path)) return;
        int parsed = 0;
        foreach (var stmt in SplitScript(File.ReadAllText(path)))
        {
            try
            {
                Parser.ParseScript(stmt);
                parsed++;
            }
            catch (TenonException)
            {
            }
        }
        Assert.True(parsed >= minimumParsed, $"only {parsed} statements parsed");
    }

    [Fact]
    public void Chinook_parses_completely()
    {
        var path = Path.Combine(SharedRoot, "datasets/chinook/Chinook_PostgreSql.sql");
        if (!File.Exists(path)) return;
        var text = string.Join("\n", File.ReadAllText(path).Split('\n').Where(l => !l.TrimStart().StartsWith('\\')));
        var all = Parser.ParseScript(text);
        Assert.True(all.Count > 50);
        Assert.Contains(all, s => s is CreateTableStatement);
        Assert.Contains(all, s => s is InsertStatement);
        foreach (var s in all)
            Assert.True(s.Position >= 1 && s.EndPosition > s.Position && s.EndPosition <= text.Length + 1);
    }

    [Fact]
    public void Truncated_statements_only_ever_throw_tenon_exceptions()
    {
        var samples = new List<string>();
        foreach (var (sql, _) in new[]
        {
            ("SELECT DISTINCT ON (a) a, count(*) FILTER (WHERE b > 1) OVER (PARTITION BY c ORDER BY d ROWS 2 PRECEDING) FROM t AS x(a) LEFT JOIN u USING (a) WHERE a IN (1, 2) AND b BETWEEN 1 AND 2 OR c LIKE 'x%' ESCAPE '!' GROUP BY 1 HAVING sum(a) > 0 ORDER BY 1 DESC NULLS LAST LIMIT 5 OFFSET 2 FOR UPDATE", 0),
            ("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT CASE WHEN n = 1 THEN 'a' ELSE E'b\\n' END, CAST(n AS numeric(10, 2)), n::text[], ARRAY[1, 2], ROW(1, 2), $1, interval '1 day' FROM r", 0),
            ("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY (START WITH 1), a varchar(10) NOT NULL DEFAULT 'x' CHECK (a <> ''), b int REFERENCES p (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED, CONSTRAINT u UNIQUE (a, b), FOREIGN KEY (b) REFERENCES p MATCH FULL)", 0),
            ("INSERT INTO t (a, b) VALUES (1, DEFAULT), (2, 3) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE t.a > 0 RETURNING *", 0),
            ("ALTER TABLE t ADD COLUMN c int, ALTER COLUMN c SET DATA TYPE bigint USING c::bigint, DROP CONSTRAINT x CASCADE", 0),
            ("SELECT $$dollar$$, $t$x$t$, 'a' 'b', \"Quoted\"\"Id\", /* c /* n */ */ 1e5, .5, 1.5e-3 -- x\n", 0),
        })
            samples.Add(sql);
        var rng = new Random(12345);
        foreach (var sql in samples)
        {
            for (int len = 0; len <= sql.Length; len++)
                AssertOnlyTenonExceptions(sql[..len]);
            for (int i = 0; i < 200; i++)
            {
                var chars = sql.ToCharArray();
                int pos = rng.Next(chars.Length);
                chars[pos] = "();,'\"$[]:.*-/ \n"[rng.Next(16)];
                AssertOnlyTenonExceptions(new string(chars));
            }
        }
    }

    private static void AssertOnlyTenonExceptions(string sql)
    {
        try
        {
            Parser.ParseScript(sql);
        }
        catch (TenonException)
        {
        }
    }

    [Fact]
    public void Reasonable_nesting_parses()
    {
        var sql = "SELECT " + new string('(', 200) + "1" + new string(')', 200);
        Assert.Single(Parser.ParseScript(sql));
        var minus = "SELECT " + string.Concat(Enumerable.Repeat("- ", 200)) + "1";
        Assert.Single(Parser.ParseScript(minus));
    }

    [Fact]
    public void Excessive_nesting_is_stack_depth_limit_exceeded()
    {
        var sql = "SELECT " + new string('(', 5000) + "1" + new string(')', 5000);
        var ex = Assert.Throws<TenonException>(() => Parser.ParseScript(sql));
        Assert.Equal("54001", ex.SqlState);
        Assert.Equal("stack depth limit exceeded", ex.MessageText);
    }
}
