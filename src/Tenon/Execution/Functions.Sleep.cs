using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// pg_sleep(seconds): waits, but wakes at once when the statement is cancelled or times out,
    /// as PostgreSQL's does (it is what tests of cancellation and statement_timeout sleep with).
    /// </summary>
    private static FunctionDef? ResolveSleep(string name, IReadOnlyList<SqlType> args)
    {
        if (name != "pg_sleep" || args.Count != 1) return null;
        return new([SqlType.Float8], SqlType.Void, (a, ctx) =>
        {
            var seconds = (double)a[0]!;
            // PostgreSQL sleeps for nothing on a negative, NaN or tiny value; an enormous one just never ends.
            if (seconds > 0) ctx.Session.InterruptibleSleep(seconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue / 2 : TimeSpan.FromSeconds(seconds));
            return string.Empty;
        }, Volatile: true);
    }
}
