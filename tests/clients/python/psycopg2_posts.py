"""psycopg2 against tenon serve, the way the seed documents' FastAPI examples use PostgreSQL:
UUID keys from pgcrypto's gen_random_uuid(), BIGSERIAL keys, foreign keys with CASCADE and
SET NULL, a composite-key junction table, %s parameters, transactions through the connection's
context manager, and the errors an application catches (pgcode, diag.constraint_name …).
Connection settings come from PGHOST/PGPORT/PGUSER/PGDATABASE. Prints one "ok" line per check.
Run with /usr/bin/python3 (Debian's python3-psycopg2)."""
import decimal
import io
import sys
import uuid

import psycopg2
import psycopg2.errors
import psycopg2.extensions
import psycopg2.extras

checks = 0


def ok(name):
    global checks
    checks += 1
    print(f"ok {checks} - {name}", flush=True)


def expect_error(conn, cls, sql, params=None):
    """Runs sql expecting cls; the transaction is rolled back after it, as an application would."""
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
    except cls as e:
        conn.rollback()
        return e
    raise AssertionError(f"expected {cls.__name__} from {sql!r}")


def main():
    psycopg2.extras.register_uuid()
    conn = psycopg2.connect("")
    assert conn.server_version >= 150000, conn.server_version
    cur = conn.cursor()
    cur.execute("SELECT %s::int + 1, %s, %s", (41, "text with 'quotes'", None))
    assert cur.fetchone() == (42, "text with 'quotes'", None)
    ok("connect and a parameterized SELECT")

    cur.execute('CREATE EXTENSION IF NOT EXISTS "pgcrypto"')
    cur.execute("""CREATE TABLE users (
        id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL)""")
    cur.execute("""CREATE TABLE categories (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)""")
    cur.execute("""CREATE TABLE posts (
        id BIGSERIAL PRIMARY KEY,
        author_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        category_id BIGINT REFERENCES categories(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        rating NUMERIC(3, 1),
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW())""")
    cur.execute("""CREATE TABLE user_profiles (
        user_id UUID PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        bio TEXT,
        avatar_url TEXT)""")
    cur.execute("""CREATE TABLE tags (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)""")
    cur.execute("""CREATE TABLE post_tags (
        post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
        tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (post_id, tag_id),
        created_at TIMESTAMPTZ NOT NULL DEFAULT NOW())""")
    cur.execute("CREATE INDEX idx_posts_author_id ON posts(author_id)")
    conn.commit()
    ok("schema with UUID and BIGSERIAL keys, FKs and a composite-key junction table")

    # the connection as a context manager: commit on success
    with conn:
        with conn.cursor() as c:
            c.execute("INSERT INTO users (email, name) VALUES (%s, %s) RETURNING id", ("ada@example.com", "Ada"))
            ada = c.fetchone()[0]
            c.execute("INSERT INTO users (email, name) VALUES (%(email)s, %(name)s) RETURNING id",
                      {"email": "bob@example.com", "name": "Bob"})
            bob = c.fetchone()[0]
    assert isinstance(ada, uuid.UUID) and ada.version == 4, ada
    ok("INSERT … RETURNING a gen_random_uuid() key, positional and named parameters")

    with conn:
        with conn.cursor() as c:
            c.execute("INSERT INTO categories (name) VALUES (%s) RETURNING id", ("databases",))
            dbs = c.fetchone()[0]
            c.executemany("INSERT INTO posts (author_id, category_id, title, rating) VALUES (%s, %s, %s, %s)",
                          [(ada, dbs, "Keys", decimal.Decimal("4.5")), (ada, None, "Joins", None), (bob, dbs, "Indexes", 3)])
            psycopg2.extras.execute_values(c, "INSERT INTO tags (name) VALUES %s RETURNING id",
                                           [("sql",), ("design",)], fetch=True)
            c.execute("""INSERT INTO post_tags (post_id, tag_id)
                         SELECT p.id, t.id FROM posts p CROSS JOIN tags t WHERE p.title = %s""", ("Keys",))
            assert c.rowcount == 2, c.rowcount
    ok("executemany, execute_values with RETURNING, INSERT … SELECT")

    cur.execute("""SELECT p.title, u.name, p.rating, p.created_at
                     FROM posts p JOIN users u ON u.id = p.author_id
                    WHERE p.author_id = %s ORDER BY p.id""", (ada,))
    rows = cur.fetchall()
    assert [r[:3] for r in rows] == [("Keys", "Ada", decimal.Decimal("4.5")), ("Joins", "Ada", None)], rows
    assert rows[0][3].tzinfo is not None
    cur.execute("""SELECT t.name FROM tags t JOIN post_tags pt ON t.id = pt.tag_id
                    WHERE pt.post_id = (SELECT id FROM posts WHERE title = %s) ORDER BY t.name""", ("Keys",))
    assert [r[0] for r in cur.fetchall()] == ["design", "sql"]
    conn.commit()
    ok("joins with a UUID parameter; numeric as Decimal, timestamptz as an aware datetime")

    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as c:
        c.execute("SELECT name, email FROM users WHERE email LIKE %s ORDER BY name", ("%@example.com",))
        assert c.fetchall() == [{"name": "Ada", "email": "ada@example.com"}, {"name": "Bob", "email": "bob@example.com"}]
    conn.commit()
    ok("RealDictCursor")

    e = expect_error(conn, psycopg2.errors.ForeignKeyViolation,
                     "INSERT INTO posts (title, author_id) VALUES (%s, %s)", ("Test", uuid.UUID(int=9999)))
    assert e.pgcode == "23503", e.pgcode
    assert e.diag.constraint_name == "posts_author_id_fkey", e.diag.constraint_name
    assert e.diag.table_name == "posts"
    assert e.diag.message_primary == 'insert or update on table "posts" violates foreign key constraint "posts_author_id_fkey"'
    assert e.diag.message_detail == f'Key (author_id)=({uuid.UUID(int=9999)}) is not present in table "users".', e.diag.message_detail
    ok("ForeignKeyViolation with pgcode and diag fields")

    e = expect_error(conn, psycopg2.errors.UniqueViolation,
                     "INSERT INTO users (email, name) VALUES (%s, %s)", ("ada@example.com", "Ada 2"))
    assert (e.pgcode, e.diag.constraint_name) == ("23505", "users_email_key")
    assert e.diag.message_detail == "Key (email)=(ada@example.com) already exists."
    assert isinstance(e, psycopg2.IntegrityError)
    e = expect_error(conn, psycopg2.errors.NotNullViolation, "INSERT INTO users (email) VALUES (%s)", ("x@example.com",))
    assert (e.pgcode, e.diag.column_name) == ("23502", "name")
    ok("UniqueViolation and NotNullViolation")

    # a failed statement aborts the transaction until rollback
    cur = conn.cursor()
    cur.execute("INSERT INTO tags (name) VALUES ('kept-until-rollback')")
    try:
        cur.execute("INSERT INTO tags (name) VALUES ('sql')")
        raise AssertionError("expected a unique violation")
    except psycopg2.errors.UniqueViolation:
        pass
    try:
        cur.execute("SELECT 1")
        raise AssertionError("expected InFailedSqlTransaction")
    except psycopg2.errors.InFailedSqlTransaction as e:
        assert e.pgcode == "25P02"
    conn.rollback()
    cur.execute("SELECT count(*) FROM tags WHERE name = %s", ("kept-until-rollback",))
    assert cur.fetchone()[0] == 0
    conn.commit()
    ok("an error aborts the transaction (25P02) and rollback undoes it")

    # savepoints
    cur.execute("SAVEPOINT before_bad")
    try:
        cur.execute("INSERT INTO post_tags (post_id, tag_id) VALUES (%s, %s)", (-1, -1))
    except psycopg2.errors.ForeignKeyViolation:
        cur.execute("ROLLBACK TO SAVEPOINT before_bad")
    cur.execute("INSERT INTO categories (name) VALUES (%s)", ("misc",))
    conn.commit()
    cur.execute("SELECT count(*) FROM categories")
    assert cur.fetchone()[0] == 2
    conn.commit()
    ok("ROLLBACK TO SAVEPOINT keeps the transaction going")

    # ON DELETE SET NULL, then CASCADE through posts to post_tags and the profile
    with conn, conn.cursor() as c:
        c.execute("INSERT INTO user_profiles (user_id, bio) VALUES (%s, %s)", (ada, "hi"))
        c.execute("DELETE FROM categories WHERE name = %s", ("databases",))
        c.execute("SELECT count(*) FROM posts WHERE category_id IS NULL")
        assert c.fetchone()[0] == 3
        c.execute("DELETE FROM users WHERE id = %s", (ada,))
        assert c.rowcount == 1
        c.execute("SELECT (SELECT count(*) FROM posts), (SELECT count(*) FROM post_tags), (SELECT count(*) FROM user_profiles)")
        assert c.fetchone() == (1, 0, 0)
    ok("ON DELETE SET NULL and a cascade through posts, post_tags and the profile")

    # autocommit mode: each statement commits on its own
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("INSERT INTO tags (name) SELECT 'tag' || g FROM generate_series(1, 50) g")
    assert conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_IDLE
    conn.autocommit = False
    cur = conn.cursor()
    cur.execute("SELECT name FROM tags WHERE name LIKE %s ORDER BY id", ("tag%",))
    assert cur.rowcount == 50
    assert [r[0] for r in cur.fetchmany(3)] == ["tag1", "tag2", "tag3"]
    conn.commit()
    ok("autocommit; fetchmany")

    # COPY in both directions through the cursor
    with conn, conn.cursor() as c:
        c.copy_expert("COPY tags (name) FROM STDIN WITH (FORMAT csv)", io.StringIO("bulk1\n\"bulk,2\"\n"))
        assert c.rowcount == 2, c.rowcount
        out = io.StringIO()
        c.copy_expert("COPY (SELECT name FROM tags WHERE name LIKE 'bulk%' ORDER BY name) TO STDOUT WITH (FORMAT csv)", out)
        assert out.getvalue() == '"bulk,2"\nbulk1\n', out.getvalue()
    ok("COPY FROM STDIN and COPY TO STDOUT with copy_expert")

    conn.close()
    print(f"all {checks} checks passed")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # noqa: BLE001 - report everything the run hit
        import traceback
        traceback.print_exc()
        pgcode = getattr(e, "pgcode", None)
        if pgcode:
            print(f"pgcode={pgcode} pgerror={e.pgerror}", file=sys.stderr)
        sys.exit(1)
