using System.Text;
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
/// as "function f(types) does not exist" by the binder).
/// </summary>
public static class Functions
{
    private static readonly SqlType[] None = [];

    public static FunctionDef? Resolve(string name, IReadOnlyList<SqlType> args, SystemCatalog catalog)
    {
        var n = args.Count;
        bool IsText(int i) => args[i].IsString;
        bool IsNum(int i) => args[i].IsNumeric || args[i].Id == TypeId.Unknown;
        switch (name)
        {
            case "now" or "transaction_timestamp" or "current_timestamp" when n == 0:
                return new(None, SqlType.Timestamptz, (_, ctx) => Now(ctx), Volatile: false);
            case "statement_timestamp" or "clock_timestamp" when n == 0:
                return new(None, SqlType.Timestamptz, (_, _) => PgTimestampTz.FromDateTimeOffset(DateTimeOffset.UtcNow), Volatile: true);
            case "gen_random_uuid" when n == 0:
                return new(None, SqlType.Uuid, (_, _) => Guid.NewGuid(), Volatile: true);
            case "uuid_generate_v4" when n == 0 && catalog.Extensions.Contains("uuid-ossp"):
                return new(None, SqlType.Uuid, (_, _) => Guid.NewGuid(), Volatile: true);
            case "random" when n == 0:
                return new(None, SqlType.Float8, (_, _) => Random.Shared.NextDouble(), Volatile: true);
            case "nextval" when n == 1:
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => ctx.Session.NextVal(SequenceName(a[0]!, ctx)), Volatile: true);
            case "currval" when n == 1:
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => ctx.Session.CurrVal(SequenceName(a[0]!, ctx)), Volatile: true);
            case "lastval" when n == 0:
                return new(None, SqlType.Int8, (_, ctx) => ctx.Session.LastVal(), Volatile: true);
            case "setval" when n is 2 or 3:
                return new(n == 2 ? [SqlType.RegClass, SqlType.Int8] : [SqlType.RegClass, SqlType.Int8, SqlType.Bool], SqlType.Int8,
                    (a, ctx) => ctx.Session.SetVal(SequenceName(a[0]!, ctx), (long)a[1]!, n == 2 || (bool)a[2]!), Volatile: true);
            case "lower" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => ((string)a[0]!).ToLowerInvariant());
            case "upper" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => ((string)a[0]!).ToUpperInvariant());
            case "length" or "char_length" or "character_length" when n == 1 && IsText(0):
                return new([args[0].Id == TypeId.Bpchar ? SqlType.Bpchar : SqlType.Text], SqlType.Int4,
                    (a, _) => CharLength(args[0].Id == TypeId.Bpchar ? ((string)a[0]!).TrimEnd(' ') : (string)a[0]!));
            case "repeat" when n == 2 && IsText(0):
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Repeat((string)a[0]!, (int)a[1]!));
            case "octet_length" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Int4, (a, _) => Encoding.UTF8.GetByteCount((string)a[0]!));
            case "concat":
                return new(args.Select(_ => SqlType.Text).ToArray() is { Length: > 0 } ps ? ps : None, SqlType.Text,
                    (a, _) => string.Concat(a.Select(x => x as string ?? "")), Strict: false);
            case "btrim" or "trim" when n is 1 or 2 && IsText(0):
                return new(n == 1 ? [SqlType.Text] : [SqlType.Text, SqlType.Text], SqlType.Text, (a, _) => ((string)a[0]!).Trim(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "ltrim" when n is 1 or 2 && IsText(0):
                return new(n == 1 ? [SqlType.Text] : [SqlType.Text, SqlType.Text], SqlType.Text, (a, _) => ((string)a[0]!).TrimStart(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "rtrim" when n is 1 or 2 && IsText(0):
                return new(n == 1 ? [SqlType.Text] : [SqlType.Text, SqlType.Text], SqlType.Text, (a, _) => ((string)a[0]!).TrimEnd(n == 1 ? [' '] : ((string)a[1]!).ToCharArray()));
            case "replace" when n == 3:
                return new([SqlType.Text, SqlType.Text, SqlType.Text], SqlType.Text,
                    (a, _) => ((string)a[1]!).Length == 0 ? a[0] : ((string)a[0]!).Replace((string)a[1]!, (string)a[2]!, StringComparison.Ordinal));
            case "substring" or "substr" when n is 2 or 3 && IsText(0):
                return new(n == 2 ? [SqlType.Text, SqlType.Int4] : [SqlType.Text, SqlType.Int4, SqlType.Int4], SqlType.Text,
                    (a, _) => Substring((string)a[0]!, (int)a[1]!, n == 3 ? (int)a[2]! : null));
            case "left" when n == 2:
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Left((string)a[0]!, (int)a[1]!));
            case "right" when n == 2:
                return new([SqlType.Text, SqlType.Int4], SqlType.Text, (a, _) => Right((string)a[0]!, (int)a[1]!));
            case "position" or "strpos" when n == 2:
                return new([SqlType.Text, SqlType.Text], SqlType.Int4,
                    (a, _) => name == "position" ? Position((string)a[1]!, (string)a[0]!) : Position((string)a[0]!, (string)a[1]!));
            case "abs" when n == 1 && IsNum(0):
            {
                var t = args[0].Id == TypeId.Unknown ? SqlType.Float8 : args[0].WithoutModifier();
                var neg = Operators.ResolveUnary("-", t)!;
                var lt = Operators.ResolveBinary("<", t, t)!;
                var zero = ValueCast.Cast(0, SqlType.Int4, t, CastContext.Explicit, FormatSettings.Default)!;
                return new([t], t, (a, _) => lt.Invoke(a[0]!, zero) is true ? neg.Invoke(a[0]!) : a[0]);
            }
            case "round" when n == 1 && IsNum(0) && args[0].Id is TypeId.Float4 or TypeId.Float8:
                return new([SqlType.Float8], SqlType.Float8, (a, _) => Math.Round((double)a[0]!, MidpointRounding.ToEven));
            case "round" when n is 1 or 2 && IsNum(0):
                return new(n == 1 ? [SqlType.Numeric] : [SqlType.Numeric, SqlType.Int4], SqlType.Numeric,
                    (a, _) => ((Numeric)a[0]!).Round(n == 2 ? (int)a[1]! : 0));
            case "trunc" when n is 1 or 2 && IsNum(0):
                return new(n == 1 ? [SqlType.Numeric] : [SqlType.Numeric, SqlType.Int4], SqlType.Numeric,
                    (a, _) => ((Numeric)a[0]!).Truncate(n == 2 ? (int)a[1]! : 0));
            case "floor" when n == 1 && IsNum(0):
                return args[0].Id is TypeId.Float4 or TypeId.Float8
                    ? new([SqlType.Float8], SqlType.Float8, (a, _) => Math.Floor((double)a[0]!))
                    : new([SqlType.Numeric], SqlType.Numeric, (a, _) => ((Numeric)a[0]!).Floor());
            case "ceil" or "ceiling" when n == 1 && IsNum(0):
                return args[0].Id is TypeId.Float4 or TypeId.Float8
                    ? new([SqlType.Float8], SqlType.Float8, (a, _) => Math.Ceiling((double)a[0]!))
                    : new([SqlType.Numeric], SqlType.Numeric, (a, _) => ((Numeric)a[0]!).Ceiling());
            case "mod" when n == 2 && IsNum(0) && IsNum(1):
            {
                var op = Operators.ResolveBinary("%", args[0].Id == TypeId.Unknown ? SqlType.Numeric : args[0], args[1].Id == TypeId.Unknown ? SqlType.Numeric : args[1]);
                return op is null ? null : new([op.LeftType, op.RightType], op.ResultType, (a, _) => op.Invoke(a[0]!, a[1]!));
            }
            case "version" when n == 0:
                return new(None, SqlType.Text, (_, _) => "PostgreSQL 15.18 (Tenon) on x86_64-pc-linux-gnu, compiled by C#, 64-bit");
            case "current_database" when n == 0:
                return new(None, SqlType.Name, (_, _) => "postgres");
            case "pg_typeof" when n == 1:
                return new([args[0]], SqlType.Text, (_, _) => args[0].DisplayName, Strict: false);
        }
        return null;
    }

    /// <summary>CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_USER, … as constants of the transaction.</summary>
    public static BoundExpr BindValueFunction(SqlValueFunction v, ExecContext ctx) => v.Kind switch
    {
        SqlValueFunctionKind.CurrentTimestamp => new FunctionExpr("now", [], SqlType.Timestamptz, (_, c) => Now(c), false, false),
        SqlValueFunctionKind.LocalTimestamp => new FunctionExpr("localtimestamp", [], SqlType.Timestamp,
            (_, c) => ValueCast.Cast(Now(c), SqlType.Timestamptz, SqlType.Timestamp, CastContext.Explicit, c.Settings), false, false),
        SqlValueFunctionKind.CurrentDate => new FunctionExpr("current_date", [], SqlType.Date,
            (_, c) => ValueCast.Cast(Now(c), SqlType.Timestamptz, SqlType.Date, CastContext.Explicit, c.Settings), false, false),
        SqlValueFunctionKind.CurrentCatalog => new ConstExpr("postgres", SqlType.Name),
        SqlValueFunctionKind.CurrentSchema => new ConstExpr("public", SqlType.Name),
        SqlValueFunctionKind.CurrentUser or SqlValueFunctionKind.SessionUser or SqlValueFunctionKind.User or SqlValueFunctionKind.CurrentRole
            => new ConstExpr(ctx.Session.UserName, SqlType.Name),
        _ => throw new TenonException(SqlState.FeatureNotSupported, $"{v.Kind} is not supported yet") { Position = v.Position },
    };

    private static object Now(ExecContext ctx) => PgTimestampTz.FromDateTimeOffset(ctx.Transaction.StartTime);

    // Sequence functions take a regclass; the session looks sequences up by qualified name.
    private static string SequenceName(object arg, ExecContext ctx)
    {
        var catalog = ctx.Transaction.Catalog;
        var oid = (uint)arg;
        if (!catalog.Sequences.TryGetValue(oid, out var seq))
            throw new TenonException(SqlState.WrongObjectType, $"\"{Catalog.PgCatalog.RegClassText.Format(catalog, oid)}\" is not a sequence");
        return seq.Schema + "." + seq.Name;
    }

    // repeat(text, n): n copies; n <= 0 gives ''. PostgreSQL limits a text value to 1 GB.
    private static string Repeat(string s, int count)
    {
        if (count <= 0 || s.Length == 0) return "";
        if ((long)Encoding.UTF8.GetByteCount(s) * count > 0x3FFFFFFF)
            throw new TenonException(SqlState.ProgramLimitExceeded, "requested length too large");
        return string.Concat(Enumerable.Repeat(s, count));
    }

    private static int CharLength(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes()) n++;
        return n;
    }

    private static string Substring(string s, int start, int? count)
    {
        if (count < 0) throw new TenonException(SqlState.DataException.Replace("000", "011"), "negative substring length not allowed");
        var runes = s.EnumerateRunes().ToArray();
        long from = start - 1;
        long to = count is null ? runes.Length : from + count.Value;
        from = Math.Max(from, 0);
        to = Math.Min(to, runes.Length);
        if (to <= from) return "";
        var sb = new StringBuilder();
        for (var i = (int)from; i < to; i++) sb.Append(runes[i].ToString());
        return sb.ToString();
    }

    private static string Left(string s, int n)
    {
        var runes = s.EnumerateRunes().ToArray();
        var take = n >= 0 ? Math.Min(n, runes.Length) : Math.Max(0, runes.Length + n);
        return string.Concat(runes.Take(take).Select(r => r.ToString()));
    }

    private static string Right(string s, int n)
    {
        var runes = s.EnumerateRunes().ToArray();
        var take = n >= 0 ? Math.Min(n, runes.Length) : Math.Max(0, runes.Length + n);
        return string.Concat(runes.Skip(runes.Length - take).Select(r => r.ToString()));
    }

    private static int Position(string haystack, string needle)
    {
        var i = haystack.IndexOf(needle, StringComparison.Ordinal);
        return i < 0 ? 0 : CharLength(haystack[..i]) + 1;
    }
}
