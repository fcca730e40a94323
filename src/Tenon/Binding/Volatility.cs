using Tenon.Execution.Expressions;

namespace Tenon.Binding;

/// <summary>
/// Whether a bound expression is immutable in PostgreSQL's sense (same inputs, same result,
/// forever), which index expressions, index predicates and generation expressions require.
/// Volatile functions say so themselves (<see cref="FunctionExpr.Volatile"/>); the built-ins
/// PostgreSQL marks STABLE (they read the transaction's time, the session's settings or user)
/// are listed here.
/// </summary>
internal static class Volatility
{
    private static readonly HashSet<string> StableBuiltins = new(StringComparer.OrdinalIgnoreCase)
    {
        "now", "transaction_timestamp", "current_timestamp", "localtimestamp", "current_date", "current_time", "localtime",
        "current_setting", "current_schema", "current_schemas", "current_database", "current_catalog",
        "current_user", "current_role", "session_user", "user", "to_regclass", "to_regtype", "pg_get_expr",
    };

    /// <summary>
    /// True when nothing in <paramref name="e"/> may change its result. A user function counts as
    /// declared, except that <paramref name="inlinesImmutably"/> may vouch for one whose body
    /// PostgreSQL would inline before checking (a SQL function that is a single immutable
    /// expression): PostgreSQL checks index and partition key expressions after inlining.
    /// </summary>
    public static bool IsImmutable(BoundExpr e, Func<Catalog.RoutineDef, bool>? inlinesImmutably = null) =>
        !e.Descendants().Prepend(e).Any(d => d is SubqueryExpr || d is FunctionExpr f && (f.Routine is { } r
            ? r.Volatility != 'i' && !(inlinesImmutably?.Invoke(r) ?? false)
            : f.Volatile || StableBuiltins.Contains(f.Name)));
}
