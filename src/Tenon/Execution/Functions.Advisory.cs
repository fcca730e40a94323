using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// The session-level advisory lock functions on a bigint key that do not wait:
    /// pg_try_advisory_lock and pg_advisory_unlock (which warns, as PostgreSQL does, when the
    /// session does not hold the key). The waiting form pg_advisory_lock is not provided.
    /// </summary>
    private static FunctionDef? ResolveAdvisoryLockFunction(string name, IReadOnlyList<SqlType> args)
    {
        if (args.Count != 1 || !IsIntegerOrUnknown(args[0])) return null;
        return name switch
        {
            "pg_try_advisory_lock" => new([SqlType.Int8], SqlType.Bool,
                (a, ctx) => ctx.Session.Database.AdvisoryLocks.TryLock(ctx.Session, (long)a[0]!), Volatile: true),
            "pg_advisory_unlock" => new([SqlType.Int8], SqlType.Bool, (a, ctx) =>
            {
                if (ctx.Session.Database.AdvisoryLocks.Unlock(ctx.Session, (long)a[0]!)) return true;
                ctx.Session.RaiseNotice(new Notice("WARNING", "01000", "you don't own a lock of type ExclusiveLock"));
                return false;
            }, Volatile: true),
            _ => null,
        };
    }

    private static bool IsIntegerOrUnknown(SqlType t) => t.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Unknown;
}
