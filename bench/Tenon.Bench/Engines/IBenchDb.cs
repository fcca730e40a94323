namespace Tenon.Bench.Engines;

/// <summary>The two SQL dialects the workloads are written for (PostgreSQL's, which Tenon speaks, and SQLite's).</summary>
public enum Dialect { Postgres, Sqlite }

/// <summary>
/// One engine under test, seen through the little the workloads need: scripts without parameters,
/// prepared commands with positional <c>$n</c> parameters, and recognising a foreign-key violation.
/// Each engine uses its best ordinary client path (prepared commands where the client has them).
/// </summary>
public interface IBenchDb : IDisposable
{
    /// <summary>Column label in the results table.</summary>
    string Name { get; }

    Dialect Dialect { get; }

    /// <summary>Whether a COMMIT is on disk when it returns (only such engines run W9).</summary>
    bool Durable { get; }

    /// <summary>Runs statements without parameters, discarding results.</summary>
    void Exec(string sql);

    /// <summary>A command with parameters <c>$1..$n</c>, reused for every execution.</summary>
    IBenchCommand Prepare(string sql);

    /// <summary>True when <paramref name="e"/> is this engine's foreign-key violation (SQLSTATE 23503 or SQLite's FOREIGNKEY constraint code).</summary>
    bool IsForeignKeyViolation(Exception e);
}

/// <summary>A reusable command; arguments are int, long or string.</summary>
public interface IBenchCommand : IDisposable
{
    /// <summary>Runs the command and returns the number of rows it inserted, updated or deleted.</summary>
    int Execute(params object?[] args);

    /// <summary>Runs the command and returns every row.</summary>
    List<object?[]> Query(params object?[] args);

    /// <summary>The first column of the first row, or null when there is none.</summary>
    object? Scalar(params object?[] args)
    {
        var rows = Query(args);
        return rows.Count == 0 ? null : rows[0][0];
    }
}

public static class BenchDbExtensions
{
    /// <summary>Runs a one-off query with no parameters.</summary>
    public static List<object?[]> QueryOnce(this IBenchDb db, string sql)
    {
        using var cmd = db.Prepare(sql);
        return cmd.Query();
    }

    /// <summary>A one-off integer answer (count, sum, max...); NULL is returned as null.</summary>
    public static long? LongOnce(this IBenchDb db, string sql)
    {
        var rows = db.QueryOnce(sql);
        return rows.Count == 0 || rows[0][0] is null ? null : Convert.ToInt64(rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
