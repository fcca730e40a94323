using Npgsql;
using Tenon.Server;

namespace Tenon.Tests.Server;

/// <summary>CREATE DATABASE … TEMPLATE and DROP DATABASE … WITH (FORCE) over the wire, with PostgreSQL 15's errors.</summary>
public sealed class DatabaseCopyAndForceTests : DatabaseServerTests
{
    [Fact]
    public void Template_copies_the_committed_contents_and_the_copy_is_independent()
    {
        using var c = Open();
        Scalar(c, "CREATE DATABASE tpl");
        using (var t = Open("tpl"))
        {
            Scalar(t, "CREATE TABLE parent (id int PRIMARY KEY, name text UNIQUE)");
            Scalar(t, "CREATE TABLE child (id serial PRIMARY KEY, parent_id int REFERENCES parent ON DELETE CASCADE)");
            Scalar(t, "INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 100) g");
            Scalar(t, "INSERT INTO child (parent_id) SELECT g FROM generate_series(1, 100) g");
        }
        Scalar(c, "CREATE DATABASE copy TEMPLATE tpl");
        using (var copy = Open("copy"))
        {
            Assert.Equal(100L, Scalar(copy, "SELECT count(*) FROM child"));
            // Indexes, constraints and sequences came along, and act on the copy only.
            Assert.Equal("23505", Fails(copy, "INSERT INTO parent VALUES (1, 'dup')").SqlState);
            Assert.Equal("23503", Fails(copy, "INSERT INTO child (parent_id) VALUES (1000)").SqlState);
            Scalar(copy, "DELETE FROM parent WHERE id <= 50");
            Assert.Equal(50L, Scalar(copy, "SELECT count(*) FROM child"));
            // 101 went to the failed insert: a sequence does not roll back.
            Assert.Equal(102, Scalar(copy, "INSERT INTO child (parent_id) VALUES (51) RETURNING id"));
            Assert.Equal(103, Scalar(copy, "INSERT INTO child (parent_id) VALUES (51) RETURNING id"));
        }
        using (var t = Open("tpl"))
        {
            Assert.Equal(100L, Scalar(t, "SELECT count(*) FROM child"));
            Assert.Equal(101, Scalar(t, "INSERT INTO child (parent_id) VALUES (1) RETURNING id"));
        }
        // WITH TEMPLATE = …, and a copy of a copy.
        Scalar(c, "CREATE DATABASE copy2 WITH TEMPLATE = copy");
        using (var copy2 = Open("copy2"))
            Assert.Equal(52L, Scalar(copy2, "SELECT count(*) FROM child"));
    }

    [Fact]
    public void Template_in_use_by_others_is_55006_and_errors_are_PostgreSQLs()
    {
        using var c = Open();
        Scalar(c, "CREATE DATABASE src");
        using (var user = Open("src"))
        {
            var busy = Fails(c, "CREATE DATABASE dst TEMPLATE src");
            Assert.Equal(("55006", "source database \"src\" is being accessed by other users", "There is 1 other session using the database."),
                (busy.SqlState, busy.MessageText, busy.Detail));
            using (Open("src"))
            {
                Assert.Equal("There are 2 other sessions using the database.", Fails(c, "CREATE DATABASE dst TEMPLATE src").Detail);
                // The asking session itself does not count (PostgreSQL's CountOtherDBBackends).
                Assert.Equal("There is 1 other session using the database.", Fails(user, "CREATE DATABASE dst TEMPLATE src").Detail);
            }
        }
        Assert.False(TestServer.Server.Databases.Exists("dst"));
        using (var only = Open("src"))
            Scalar(only, "CREATE DATABASE dst TEMPLATE src");
        Assert.True(TestServer.Server.Databases.Exists("dst"));

        var missing = Fails(c, "CREATE DATABASE x TEMPLATE nosuch");
        Assert.Equal(("3D000", "template database \"nosuch\" does not exist"), (missing.SqlState, missing.MessageText));
        var taken = Fails(c, "CREATE DATABASE dst TEMPLATE src");
        Assert.Equal(("42P04", "database \"dst\" already exists"), (taken.SqlState, taken.MessageText));
        // template0 and template1 give an empty database, and are not names to create or drop.
        Scalar(c, "CREATE DATABASE empty1 TEMPLATE template1");
        Scalar(c, "CREATE DATABASE empty0 TEMPLATE template0");
        Assert.Equal(("42P04", "database \"template1\" already exists"), (Fails(c, "CREATE DATABASE template1").SqlState, Fails(c, "CREATE DATABASE template1").MessageText));
        var dropTemplate = Fails(c, "DROP DATABASE template0");
        Assert.Equal(("42809", "cannot drop a template database"), (dropTemplate.SqlState, dropTemplate.MessageText));
    }

    [Fact]
    public void Drop_with_force_terminates_idle_and_busy_sessions()
    {
        using var c = Open();
        Scalar(c, "CREATE DATABASE doomed");
        var idle = Open("doomed");
        var busy = Open("doomed");
        var inBlock = Open("doomed");
        using (var tx = inBlock.BeginTransaction())
        {
            Scalar(inBlock, "CREATE TABLE t (x int)");
            var without = Fails(c, "DROP DATABASE doomed");
            Assert.Equal(("55006", "database \"doomed\" is being accessed by other users", "There are 3 other sessions using the database."),
                (without.SqlState, without.MessageText, without.Detail));

            var sleeping = Task.Run(() => Scalar(busy, "SELECT pg_sleep(60)"));
            Thread.Sleep(300);
            Scalar(c, "DROP DATABASE doomed WITH (FORCE)");
            Assert.False(TestServer.Server.Databases.Exists("doomed"));

            var running = Assert.ThrowsAny<Exception>(() => sleeping.GetAwaiter().GetResult());
            var fatal = Assert.IsType<PostgresException>(running is PostgresException ? running : running.InnerException);
            Assert.Equal(("FATAL", "57P01", "terminating connection due to administrator command"), (fatal.Severity, fatal.SqlState, fatal.MessageText));
        }
        var late = Assert.ThrowsAny<NpgsqlException>(() => Scalar(idle, "SELECT 1"));
        var report = late as PostgresException ?? late.InnerException as PostgresException;
        Assert.NotNull(report);
        Assert.Equal(("FATAL", "57P01"), (report.Severity, report.SqlState));
        idle.Dispose();
        busy.Dispose();
        inBlock.Dispose();

        // FORCE of nothing, options spelled as PostgreSQL allows them.
        Scalar(c, "CREATE DATABASE d");
        Scalar(c, "DROP DATABASE d (FORCE, FORCE)");
        Scalar(c, "DROP DATABASE IF EXISTS d WITH (force)");
        Assert.Equal("42601", Fails(c, "DROP DATABASE d WITH (foo)").SqlState);
        Assert.Equal("syntax error at or near \")\"", Fails(c, "DROP DATABASE d WITH ()").MessageText);
        Assert.Equal(("55006", "cannot drop the currently open database"), (Fails(c, "DROP DATABASE postgres WITH (FORCE)").SqlState, Fails(c, "DROP DATABASE postgres WITH (FORCE)").MessageText));
    }
}
