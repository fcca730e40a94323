namespace Tenon.Tests.Engine;

/// <summary>Session-level advisory locks across the sessions of one database.</summary>
public sealed class AdvisoryLockTests
{
    private readonly Database _db = Database.OpenInMemory();

    private static bool Try(Session s, long key) => (bool)s.ExecuteSingle($"SELECT pg_try_advisory_lock({key})").Rows[0][0]!;

    [Fact]
    public void AKeyHeldByOneSessionIsRefusedToAnotherUntilReleased()
    {
        using var a = _db.CreateSession();
        using var b = _db.CreateSession();
        Assert.True(Try(a, 5));
        Assert.True(Try(a, 5));
        Assert.False(Try(b, 5));
        Assert.True(Try(b, 6));
        a.ExecuteSingle("SELECT pg_advisory_unlock(5)");
        Assert.False(Try(b, 5)); // a still holds it once
        a.ExecuteSingle("SELECT pg_advisory_unlock(5)");
        Assert.True(Try(b, 5));
    }

    [Fact]
    public void EndingTheSessionOrDiscardAllReleasesItsLocks()
    {
        var a = _db.CreateSession();
        using var b = _db.CreateSession();
        Assert.True(Try(a, 1));
        Assert.True(Try(a, 2));
        a.ExecuteSingle("DISCARD ALL");
        Assert.True(Try(b, 1));
        Assert.True(Try(a, 3));
        a.Dispose();
        Assert.True(Try(b, 3));
    }

    [Fact]
    public void LocksOutliveTheTransactionThatTookThem()
    {
        using var a = _db.CreateSession();
        using var b = _db.CreateSession();
        a.ExecuteSingle("BEGIN");
        Assert.True(Try(a, 9));
        a.ExecuteSingle("ROLLBACK");
        Assert.False(Try(b, 9));
    }
}
