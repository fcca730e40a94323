using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>A resolved scalar function: parameter types to coerce arguments to, result type, implementation.</summary>
public sealed record FunctionDef(IReadOnlyList<SqlType> ParameterTypes, SqlType ReturnType, Func<object?[], ExecContext, object?> Invoke, bool Strict = true, bool Volatile = false);

/// <summary>
/// Built-in scalar functions. Resolution is by name and argument count, with argument categories
/// checked as PostgreSQL would (a function that has no variant for the given types is reported
/// as "function f(types) does not exist" by the binder). This file holds the system functions;
/// string, math and date/time functions live in Functions.String/Math/DateTime.cs.
/// </summary>
public static partial class Functions
{
    private static readonly SqlType[] None = [];

    public static FunctionDef? Resolve(string name, IReadOnlyList<SqlType> args, SystemCatalog catalog) =>
        ResolveGeometry(name, args) ?? ResolveSystem(name, args, catalog) ?? ResolveTextSearch(name, args) ?? ResolveString(name, args) ?? ResolveMath(name, args) ?? ResolveDateTime(name, args)
        ?? ResolveNetwork(name, args) ?? ResolveSettingFunction(name, args) ?? ResolveRegexFunction(name, args) ?? ResolveArrayFunction(name, args) ?? ResolveSleep(name, args) ?? ResolveFormat(name, args) ?? ResolveUuidFunction(name, args) ?? ResolveEnumFunction(name, args) ?? ResolveJson(name, args);

    private static FunctionDef? ResolveSystem(string name, IReadOnlyList<SqlType> args, SystemCatalog catalog)
    {
        var n = args.Count;
        switch (name)
        {
            case "now" or "transaction_timestamp" or "current_timestamp" when n == 0:
                return new(None, SqlType.Timestamptz, (_, ctx) => Now(ctx), Volatile: false);
            case "statement_timestamp" or "clock_timestamp" when n == 0:
                return new(None, SqlType.Timestamptz, (_, _) => PgTimestampTz.FromDateTimeOffset(DateTimeOffset.UtcNow), Volatile: true);
            case "gen_random_uuid" when n == 0:
                return new(None, SqlType.Uuid, (_, _) => Guid.NewGuid(), Volatile: true);
            case "random" when n == 0:
                return new(None, SqlType.Float8, (_, _) => Random.Shared.NextDouble(), Volatile: true);
            case "version" when n == 0:
                return new(None, SqlType.Text, (_, _) => "PostgreSQL 15.18 (Tenon) on x86_64-pc-linux-gnu, compiled by C#, 64-bit");
            case "current_schema" when n == 0:
                return new(None, SqlType.Name, (_, ctx) => ctx.Session.SearchPath.CurrentSchema(ctx.Transaction.Catalog), Strict: false);
            case "current_schemas" when n == 1 && args[0].Id is TypeId.Bool or TypeId.Unknown:
                // The schemas searched, in order; true adds the implicit ones (pg_catalog, the temporary schema).
                return new([SqlType.Bool], SqlType.ArrayOf(SqlType.Name), (a, ctx) =>
                {
                    var path = ctx.Session.SearchPath;
                    IReadOnlyList<string> schemas = (bool)a[0]! ? path.Effective(ctx.Transaction.Catalog) : path.Listed(ctx.Transaction.Catalog);
                    return PgArray.Of(SqlType.Name, schemas.Cast<object?>().ToArray());
                }, Volatile: true);
            case "current_database" when n == 0:
                return new(None, SqlType.Name, (_, ctx) => ctx.Session.DatabaseName);
            case "pg_advisory_unlock_all" when n == 0:
                return new(None, SqlType.Void, (_, ctx) =>
                {
                    ctx.Session.Database.AdvisoryLocks.UnlockAll(ctx.Session);
                    return string.Empty;
                }, Volatile: true);
            case "pg_typeof" when n == 1:
                // regtype output: the type without its modifier, and bpchar under its SQL name.
                return new([args[0]], SqlType.Text,
                    (_, _) => args[0].Domain is not null ? args[0].DisplayName : args[0].Id == TypeId.Bpchar ? "character" : args[0].WithoutModifier().DisplayName, Strict: false);
        }
        return ResolveSequenceFunction(name, args) ?? ResolveAdvisoryLockFunction(name, args) ?? ResolveExtensionFunction(name, args, catalog) ?? ResolveCommentFunction(name, args)
            ?? ResolveCatalogFunction(name, args) ?? ResolvePrivilegeFunction(name, args) ?? ResolveDescribeFunction(name, args) ?? ResolveEnumFunction(name, args);
    }

    /// <summary>CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_USER, … as constants of the transaction.</summary>
    public static BoundExpr BindValueFunction(SqlValueFunction v, ExecContext ctx) => v.Kind switch
    {
        SqlValueFunctionKind.CurrentTimestamp => new FunctionExpr("CURRENT_TIMESTAMP", [], SqlType.Timestamptz, (_, c) => Now(c), false, false),
        SqlValueFunctionKind.LocalTimestamp => new FunctionExpr("LOCALTIMESTAMP", [], SqlType.Timestamp,
            (_, c) => ValueCast.Cast(Now(c), SqlType.Timestamptz, SqlType.Timestamp, CastContext.Explicit, c.Settings), false, false),
        SqlValueFunctionKind.LocalTime => new FunctionExpr("LOCALTIME", [], SqlType.Time,
            (_, c) => ValueCast.Cast(Now(c), SqlType.Timestamptz, SqlType.Time, CastContext.Explicit, c.Settings), false, false),
        SqlValueFunctionKind.CurrentDate => new FunctionExpr("CURRENT_DATE", [], SqlType.Date,
            (_, c) => ValueCast.Cast(Now(c), SqlType.Timestamptz, SqlType.Date, CastContext.Explicit, c.Settings), false, false),
        SqlValueFunctionKind.CurrentCatalog => new ConstExpr(ctx.Session.DatabaseName, SqlType.Name),
        SqlValueFunctionKind.CurrentSchema => new ConstExpr(ctx.Session.SearchPath.CurrentSchema(ctx.Transaction.Catalog), SqlType.Name),
        // Named by their keyword, which is how pg_get_expr shows them (Deparser).
        SqlValueFunctionKind.CurrentUser or SqlValueFunctionKind.SessionUser or SqlValueFunctionKind.User or SqlValueFunctionKind.CurrentRole
            => new FunctionExpr(v.Kind switch
            {
                SqlValueFunctionKind.CurrentUser => "CURRENT_USER",
                SqlValueFunctionKind.SessionUser => "SESSION_USER",
                SqlValueFunctionKind.User => "USER",
                _ => "CURRENT_ROLE",
            }, [], SqlType.Name, v.Kind == SqlValueFunctionKind.SessionUser ? (_, c) => c.Session.SessionUserName : (_, c) => c.Session.UserName, false, false),
        _ => throw new TenonException(SqlState.FeatureNotSupported, $"{v.Kind} is not supported yet") { Position = v.Position },
    };

    private static object Now(ExecContext ctx) => PgTimestampTz.FromDateTimeOffset(ctx.Transaction.StartTime);

}
