namespace Tenon.Types;

/// <summary>
/// Operator resolution (T.4 in ValueText.cs), a condensed form of PostgreSQL's
/// oper_select_candidate for the built-in operators Tenon has:
///
///   O.1  normalize: drop type modifiers; "!=" is "&lt;&gt;".
///   O.2  unknown literals: with a known other side, an unknown operand first takes that
///        side's type (int4 = '1' is int4 = int4); if no such operator exists a few unique
///        candidates remain (timestamp + '1 day' is timestamp + interval). Both unknown → text.
///   O.3  numbers: int2 → int4 → int8 → numeric promote implicitly and the wider type wins;
///        any float makes it float8 (float4 only with float4). There is no float %.
///        int / int truncates toward zero.
///   O.4  comparisons exist within a category: numbers, strings (bpchar with bpchar keeps
///        blank-insensitive comparison, any other string mix compares as text), date/time
///        (date &lt; timestamp &lt; timestamptz), inet with cidr (as inet), and any type with itself.
///   O.5  || is text concatenation when either side is a string (the other is cast to text,
///        as anytextcat does), and bytea || bytea. LIKE/ILIKE (~~, ~~*) take strings.
///   O.6  date/time arithmetic: date ± int4, date - date → int4, date/timestamp/timestamptz
///        ± interval, timestamp - timestamp → interval, interval ± interval, interval * / float8.
///
/// Returning null means "operator does not exist"; the caller raises 42883.
/// </summary>
public static partial class Operators
{
    private static readonly string[] ComparisonNames = ["=", "<>", "<", "<=", ">", ">="];

    /// <summary>Resolves a binary operator using default settings (timestamptz arithmetic in UTC).</summary>
    public static BinaryOperator? ResolveBinary(string op, SqlType left, SqlType right) =>
        ResolveBinary(op, left, right, FormatSettings.Default);

    /// <summary>Resolves a binary operator; <paramref name="settings"/> supplies the TimeZone for timestamptz ± interval.</summary>
    public static BinaryOperator? ResolveBinary(string op, SqlType left, SqlType right, FormatSettings settings)
    {
        var l = left.WithoutModifier();
        var r = right.WithoutModifier();
        if (op == "!=") op = "<>";
        if (IsJson(l) || IsJson(r))
        {
            // jsonb || text is text concatenation (anynonarray || text); nothing else falls through.
            var json = ResolveJson(op, l, r);
            if (json is not null || op != "||") return json;
        }
        // array_eq and array_cmp look for the element type's operators when they run: json has none.
        if ((l.IsArray && l.Element!.Id == TypeId.Json || r.IsArray && r.Element!.Id == TypeId.Json) && Array.IndexOf(ComparisonNames, op) >= 0)
            throw new Errors.TenonException(Errors.SqlState.UndefinedFunction, op is "=" or "<>"
                ? "could not identify an equality operator for type json" : "could not identify a comparison function for type json");
        if (l.IsArray || r.IsArray) return ResolveArray(op, l, r);
        if (l.IsGeometric || r.IsGeometric) return ResolveGeometry(op, l, r);
        if (op is "@@" or "&&" or "<->" || (op == "||" && (IsTextSearch(l) || IsTextSearch(r))))
        {
            var ts = ResolveTextSearch(op, l, r, settings);
            if (ts is not null || op is "@@" or "<->") return ts;
            if (op == "&&" && (IsTextSearch(l) || IsTextSearch(r))) return null;
        }
        if (op == "||") return ResolveConcat(l, r);
        if (op is "~~" or "!~~" or "~~*" or "!~~*") return ResolveLike(op, l, r);
        if (op is "~" or "!~" or "~*" or "!~*") return ResolveRegex(op, l, r);
        if (op is "<<" or "<<=" or ">>" or ">>=" or "&&") return ResolveNetwork(op, l, r);
        var isComparison = Array.IndexOf(ComparisonNames, op) >= 0;
        var isArithmetic = op is "+" or "-" or "*" or "/" or "%";
        if (!isComparison && !isArithmetic) return null;
        // Enum comparisons take anyenum, which a domain over an enum does not match in PostgreSQL.
        if (isComparison && (left is { Domain: not null, Id: TypeId.Enum } || right is { Domain: not null, Id: TypeId.Enum })) return null;

        if (l.Id == TypeId.Unknown && r.Id == TypeId.Unknown)
        {
            l = SqlType.Text;
            r = SqlType.Text;
        }
        if (isComparison)
        {
            // cidr has no comparison operators of its own: with an unknown literal beside it, both
            // sides compare as inet (so the literal need not be a valid cidr).
            if (l.Id == TypeId.Unknown) l = r.Id == TypeId.Cidr ? SqlType.Inet : r;
            if (r.Id == TypeId.Unknown) r = l.Id == TypeId.Cidr ? SqlType.Inet : l;
            return ResolveComparison(op, l, r);
        }
        if (l.Id == TypeId.Unknown || r.Id == TypeId.Unknown)
        {
            var knownLeft = l.Id != TypeId.Unknown;
            var known = knownLeft ? l : r;
            var same = ResolveArithmetic(op, known, known, settings);
            if (same is not null) return same;
            var other = UnknownFallback(op, known, knownLeft);
            if (other is null) return null;
            return knownLeft ? ResolveArithmetic(op, known, other, settings) : ResolveArithmetic(op, other, known, settings);
        }
        return ResolveArithmetic(op, l, r, settings);
    }

    /// <summary>When "same type as the other side" fails, the unique remaining candidate for an unknown operand.</summary>
    private static SqlType? UnknownFallback(string op, SqlType known, bool knownLeft) => (known.Id, op, knownLeft) switch
    {
        (TypeId.Timestamp or TypeId.Timestamptz, "+" or "-", true) => SqlType.Interval,
        (TypeId.Timestamp or TypeId.Timestamptz, "+", false) => SqlType.Interval,
        (TypeId.Time, "+" or "-", true) => SqlType.Interval,
        (TypeId.Time, "+", false) => SqlType.Interval,
        (TypeId.Interval, "*" or "/", true) => SqlType.Float8,
        (TypeId.Interval, "*", false) => SqlType.Float8,
        _ => null,
    };

    // ---- categories ---------------------------------------------------------------------

    internal static bool IsNumber(TypeId id) => id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4 or TypeId.Float8;

    internal static bool IsString(TypeId id) => id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown;

    private static bool IsDateTime(TypeId id) => id is TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz;

    private static int NumberRank(TypeId id) => id switch
    {
        TypeId.Int2 => 0,
        TypeId.Int4 => 1,
        TypeId.Int8 => 2,
        TypeId.Numeric => 3,
        _ => 4,
    };

    /// <summary>The type two numbers meet in (O.3).</summary>
    private static SqlType PromoteNumbers(SqlType l, SqlType r)
    {
        if (l.Id == TypeId.Float4 && r.Id == TypeId.Float4) return SqlType.Float4;
        if (l.Id is TypeId.Float4 or TypeId.Float8 || r.Id is TypeId.Float4 or TypeId.Float8) return SqlType.Float8;
        return NumberRank(l.Id) >= NumberRank(r.Id) ? l : r;
    }

    // ---- comparison ---------------------------------------------------------------------

    private static SqlType? ComparisonType(SqlType l, SqlType r)
    {
        if (l.Id == r.Id) return l.Id == TypeId.Enum && l.Enum!.Oid != r.Enum!.Oid ? null : l;
        if (IsNumber(l.Id) && IsNumber(r.Id)) return PromoteNumbers(l, r);
        if (IsString(l.Id) && IsString(r.Id)) return SqlType.Text;
        if (IsDateTime(l.Id) && IsDateTime(r.Id)) return l.Id > r.Id ? l : r;
        if (l.Id is TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure && r.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure) return SqlType.Oid;
        if (r.Id is TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure && l.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8) return SqlType.Oid;
        if (l.Id is TypeId.Inet or TypeId.Cidr && r.Id is TypeId.Inet or TypeId.Cidr) return SqlType.Inet;
        return null;
    }

    private static BinaryOperator? ResolveComparison(string op, SqlType l, SqlType r)
    {
        var t = ComparisonType(l, r);
        if (t is null || t.Id == TypeId.Void) return null;
        // Transaction ids wrap around: PostgreSQL gives xid equality but no ordering.
        if (t.Id == TypeId.Xid && op is not ("=" or "<>")) return null;
        var id = t.Id;
        Func<object, object, object?> invoke = op switch
        {
            "=" => (a, b) => BoolBox.Of(ValueComparer.Equal(a, b, id)),
            "<>" => (a, b) => BoolBox.Of(!ValueComparer.Equal(a, b, id)),
            "<" => (a, b) => BoolBox.Of(ValueComparer.Compare(a, b, id) < 0),
            "<=" => (a, b) => BoolBox.Of(ValueComparer.Compare(a, b, id) <= 0),
            ">" => (a, b) => BoolBox.Of(ValueComparer.Compare(a, b, id) > 0),
            _ => (a, b) => BoolBox.Of(ValueComparer.Compare(a, b, id) >= 0),
        };
        return new BinaryOperator { Name = op, LeftType = t, RightType = t, ResultType = SqlType.Bool, Invoke = invoke, IsValueEquality = op == "=" };
    }

    // ---- concatenation ------------------------------------------------------------------

    private static BinaryOperator? ResolveConcat(SqlType l, SqlType r)
    {
        if ((l.Id == TypeId.Bytea && r.Id is TypeId.Bytea or TypeId.Unknown) || (r.Id == TypeId.Bytea && l.Id == TypeId.Unknown))
        {
            return new BinaryOperator
            {
                Name = "||", LeftType = SqlType.Bytea, RightType = SqlType.Bytea, ResultType = SqlType.Bytea,
                Invoke = (a, b) => ((byte[])a).Concat((byte[])b).ToArray(),
            };
        }
        if (!IsString(l.Id) && !IsString(r.Id)) return null;
        if (l.Id == TypeId.Void || r.Id == TypeId.Void) return null;
        return new BinaryOperator
        {
            Name = "||", LeftType = SqlType.Text, RightType = SqlType.Text, ResultType = SqlType.Text,
            Invoke = (a, b) => string.Concat((string)a, (string)b),
        };
    }

    // ---- arithmetic ---------------------------------------------------------------------

    private static BinaryOperator Make(string op, SqlType l, SqlType r, SqlType result, Func<object, object, object?> invoke) =>
        new() { Name = op, LeftType = l, RightType = r, ResultType = result, Invoke = invoke };

    private static BinaryOperator? ResolveArithmetic(string op, SqlType l, SqlType r, FormatSettings settings)
    {
        if (IsNumber(l.Id) && IsNumber(r.Id))
        {
            var t = PromoteNumbers(l, r);
            var invoke = NumberOperator(op, t.Id);
            return invoke is null ? null : Make(op, t, t, t, invoke);
        }
        var date = SqlType.Date;
        var ts = SqlType.Timestamp;
        var tstz = SqlType.Timestamptz;
        var interval = SqlType.Interval;
        switch (l.Id, op, r.Id)
        {
            case (TypeId.Date, "+", TypeId.Int2 or TypeId.Int4):
                return Make(op, date, SqlType.Int4, date, (a, b) => Arithmetic.DatePlusDays((PgDate)a, (int)b));
            case (TypeId.Int2 or TypeId.Int4, "+", TypeId.Date):
                return Make(op, SqlType.Int4, date, date, (a, b) => Arithmetic.DatePlusDays((PgDate)b, (int)a));
            case (TypeId.Date, "-", TypeId.Int2 or TypeId.Int4):
                return Make(op, date, SqlType.Int4, date, (a, b) => Arithmetic.DatePlusDays((PgDate)a, -(long)(int)b));
            case (TypeId.Date, "-", TypeId.Date):
                return Make(op, date, date, SqlType.Int4, (a, b) => DateDifference((PgDate)a, (PgDate)b));
            case (TypeId.Date, "+" or "-", TypeId.Interval):
                return Make(op, date, interval, ts, (a, b) => Arithmetic.TimestampPlusInterval(
                    ((PgDate)a).ToTimestamp(), op == "+" ? (PgInterval)b : ((PgInterval)b).Negate()));
            case (TypeId.Interval, "+", TypeId.Date):
                return Make(op, interval, date, ts, (a, b) => Arithmetic.TimestampPlusInterval(((PgDate)b).ToTimestamp(), (PgInterval)a));
            case (TypeId.Timestamp, "+" or "-", TypeId.Interval):
                return Make(op, ts, interval, ts, (a, b) => Arithmetic.TimestampPlusInterval(
                    (PgTimestamp)a, op == "+" ? (PgInterval)b : ((PgInterval)b).Negate()));
            case (TypeId.Interval, "+", TypeId.Timestamp):
                return Make(op, interval, ts, ts, (a, b) => Arithmetic.TimestampPlusInterval((PgTimestamp)b, (PgInterval)a));
            case (TypeId.Timestamptz, "+" or "-", TypeId.Interval):
                return Make(op, tstz, interval, tstz, (a, b) => Arithmetic.TimestampTzPlusInterval(
                    (PgTimestampTz)a, op == "+" ? (PgInterval)b : ((PgInterval)b).Negate(), settings));
            case (TypeId.Interval, "+", TypeId.Timestamptz):
                return Make(op, interval, tstz, tstz, (a, b) => Arithmetic.TimestampTzPlusInterval((PgTimestampTz)b, (PgInterval)a, settings));
            case (TypeId.Timestamp, "-", TypeId.Timestamp):
                return Make(op, ts, ts, interval, (a, b) => TimestampDifference((PgTimestamp)a, (PgTimestamp)b));
            case (TypeId.Timestamptz, "-", TypeId.Timestamptz) or (TypeId.Timestamptz, "-", TypeId.Timestamp or TypeId.Date)
                or (TypeId.Timestamp or TypeId.Date, "-", TypeId.Timestamptz):
                return Make(op, tstz, tstz, interval, (a, b) => TimestampTzDifference((PgTimestampTz)a, (PgTimestampTz)b));
            case (TypeId.Timestamp, "-", TypeId.Date) or (TypeId.Date, "-", TypeId.Timestamp):
                return Make(op, ts, ts, interval, (a, b) => TimestampDifference((PgTimestamp)a, (PgTimestamp)b));
            case (TypeId.Time, "+" or "-", TypeId.Interval):
                return Make(op, SqlType.Time, interval, SqlType.Time, (a, b) => PgTime.Wrap(
                    op == "+" ? ((PgTime)a).Microseconds + ((PgInterval)b).Microseconds : ((PgTime)a).Microseconds - ((PgInterval)b).Microseconds));
            case (TypeId.Interval, "+", TypeId.Time):
                return Make(op, interval, SqlType.Time, SqlType.Time, (a, b) => PgTime.Wrap(((PgTime)b).Microseconds + ((PgInterval)a).Microseconds));
            case (TypeId.Time, "-", TypeId.Time):
                return Make(op, SqlType.Time, SqlType.Time, interval, (a, b) => new PgInterval(0, 0, ((PgTime)a).Microseconds - ((PgTime)b).Microseconds));
            case (TypeId.Date, "+", TypeId.Time):
                return Make(op, date, SqlType.Time, ts, (a, b) => Arithmetic.DatePlusTime((PgDate)a, (PgTime)b));
            case (TypeId.Time, "+", TypeId.Date):
                return Make(op, SqlType.Time, date, ts, (a, b) => Arithmetic.DatePlusTime((PgDate)b, (PgTime)a));
            case (TypeId.Interval, "+", TypeId.Interval):
                return Make(op, interval, interval, interval, (a, b) => ((PgInterval)a).Add((PgInterval)b));
            case (TypeId.Interval, "-", TypeId.Interval):
                return Make(op, interval, interval, interval, (a, b) => ((PgInterval)a).Subtract((PgInterval)b));
            case (TypeId.Interval, "*", _) when IsNumber(r.Id):
                return Make(op, interval, SqlType.Float8, interval, (a, b) => ((PgInterval)a).Multiply((double)b));
            case (_, "*", TypeId.Interval) when IsNumber(l.Id):
                return Make(op, SqlType.Float8, interval, interval, (a, b) => ((PgInterval)b).Multiply((double)a));
            case (TypeId.Interval, "/", _) when IsNumber(r.Id):
                return Make(op, interval, SqlType.Float8, interval, (a, b) => ((PgInterval)a).Divide((double)b));
        }
        return null;
    }

    private static object DateDifference(PgDate a, PgDate b)
    {
        if (!a.IsFinite || !b.IsFinite) throw new Errors.TenonException(Errors.SqlState.DatetimeFieldOverflow, "cannot subtract infinite dates");
        return Arithmetic.Int4((long)a.Days - b.Days);
    }

    private static object TimestampDifference(PgTimestamp a, PgTimestamp b) =>
        Arithmetic.TimestampDifference(a.Microseconds, b.Microseconds, a.IsFinite, b.IsFinite);

    private static object TimestampTzDifference(PgTimestampTz a, PgTimestampTz b) =>
        Arithmetic.TimestampDifference(a.Microseconds, b.Microseconds, a.IsFinite, b.IsFinite);

    private static Func<object, object, object?>? NumberOperator(string op, TypeId type)
    {
        switch (type)
        {
            case TypeId.Int2:
                return op switch
                {
                    "+" => (a, b) => Arithmetic.Int2((short)a + (long)(short)b),
                    "-" => (a, b) => Arithmetic.Int2((short)a - (long)(short)b),
                    "*" => (a, b) => Arithmetic.Int2((short)a * (long)(short)b),
                    "/" => (a, b) => Arithmetic.Int2(Arithmetic.DivideInteger((short)a, (short)b, short.MinValue, "smallint")),
                    _ => (a, b) => (short)Arithmetic.ModuloInteger((short)a, (short)b),
                };
            case TypeId.Int4:
                return op switch
                {
                    "+" => (a, b) => Arithmetic.Int4((int)a + (long)(int)b),
                    "-" => (a, b) => Arithmetic.Int4((int)a - (long)(int)b),
                    "*" => (a, b) => Arithmetic.Int4((int)a * (long)(int)b),
                    "/" => (a, b) => Arithmetic.Int4(Arithmetic.DivideInteger((int)a, (int)b, int.MinValue, "integer")),
                    _ => (a, b) => (int)Arithmetic.ModuloInteger((int)a, (int)b),
                };
            case TypeId.Int8:
                return op switch
                {
                    "+" => (a, b) => Arithmetic.AddInt8((long)a, (long)b),
                    "-" => (a, b) => Arithmetic.SubtractInt8((long)a, (long)b),
                    "*" => (a, b) => Arithmetic.MultiplyInt8((long)a, (long)b),
                    "/" => (a, b) => Arithmetic.DivideInteger((long)a, (long)b, long.MinValue, "bigint"),
                    _ => (a, b) => Arithmetic.ModuloInteger((long)a, (long)b),
                };
            case TypeId.Numeric:
                return op switch
                {
                    "+" => (a, b) => ((Numeric)a).Add((Numeric)b),
                    "-" => (a, b) => ((Numeric)a).Subtract((Numeric)b),
                    "*" => (a, b) => ((Numeric)a).Multiply((Numeric)b),
                    "/" => (a, b) => ((Numeric)a).Divide((Numeric)b),
                    _ => (a, b) => ((Numeric)a).Modulo((Numeric)b),
                };
            case TypeId.Float8:
                return op == "%" ? null : (a, b) => Arithmetic.Float8(op, (double)a, (double)b);
            case TypeId.Float4:
                return op == "%" ? null : (a, b) => Arithmetic.Float4(op, (float)a, (float)b);
            default:
                return null;
        }
    }

    // ---- unary --------------------------------------------------------------------------

    /// <summary>Resolves prefix - or + on numbers and intervals; null when PostgreSQL has none.</summary>
    public static UnaryOperator? ResolveUnary(string op, SqlType operand)
    {
        var t = operand.WithoutModifier();
        if (t.IsGeometric) return ResolveGeometryPrefix(op, t);
        if (op == "+")
        {
            if (!IsNumber(t.Id) && t.Id != TypeId.Interval) return null;
            return new UnaryOperator { Name = op, OperandType = t, ResultType = t, Invoke = v => v };
        }
        if (op != "-") return null;
        Func<object, object?>? invoke = t.Id switch
        {
            TypeId.Int2 => v => Arithmetic.Int2(-(long)(short)v),
            TypeId.Int4 => v => Arithmetic.Int4(-(long)(int)v),
            TypeId.Int8 => v => (long)v == long.MinValue ? throw TypeErrors.OutOfRange("bigint") : -(long)v,
            TypeId.Numeric => v => ((Numeric)v).Negate(),
            TypeId.Float4 => v => -(float)v,
            TypeId.Float8 => v => -(double)v,
            TypeId.Interval => v => ((PgInterval)v).Negate(),
            _ => null,
        };
        return invoke is null ? null : new UnaryOperator { Name = op, OperandType = t, ResultType = t, Invoke = invoke };
    }

    // ---- common type --------------------------------------------------------------------

    /// <summary>
    /// PostgreSQL's select_common_type for UNION, CASE, COALESCE, VALUES, ARRAY[...]: null and
    /// <paramref name="error"/> = "types integer and text cannot be matched" (the caller prefixes
    /// the construct, e.g. "CASE ") when two inputs belong to different categories.
    /// </summary>
    public static SqlType? CommonType(IReadOnlyList<SqlType> types, out string? error) =>
        CommonType(types, out error, out _, out _);

    /// <summary>As <see cref="CommonType(IReadOnlyList{SqlType}, out string?)"/>, also returning the two offending types.</summary>
    public static SqlType? CommonType(IReadOnlyList<SqlType> types, out string? error, out SqlType? first, out SqlType? second)
    {
        error = null;
        first = second = null;
        if (types.Count == 0) return SqlType.Text;
        var candidate = types[0];
        var allSame = true;
        for (var i = 1; i < types.Count; i++)
        {
            if (types[i] != candidate)
            {
                allSame = false;
                break;
            }
        }
        if (allSame) return candidate.Id == TypeId.Unknown ? SqlType.Text : candidate;

        SqlType? chosen = null;
        foreach (var raw in types)
        {
            var t = raw.WithoutModifier();
            if (t.Id == TypeId.Unknown) continue;
            if (chosen is null)
            {
                chosen = t;
                continue;
            }
            if (t.Id == chosen.Id && (!t.IsArray || t == chosen)) continue;
            if (Category(t.Id) != Category(chosen.Id))
            {
                first = chosen;
                second = t;
                error = $"types {chosen.DisplayName} and {t.DisplayName} cannot be matched";
                return null;
            }
            if (!IsPreferred(chosen.Id)
                && ValueCast.CanCast(chosen, t, CastContext.Implicit)
                && !ValueCast.CanCast(t, chosen, CastContext.Implicit))
            {
                chosen = t;
            }
        }
        if (chosen is null) return SqlType.Text;
        // Keep a shared modifier when every known input carries the same one.
        SqlType? withModifier = null;
        var sameModifier = true;
        foreach (var t in types)
        {
            if (t.Id == TypeId.Unknown) continue;
            if (withModifier is null) withModifier = t;
            else if (t != withModifier) sameModifier = false;
        }
        if (sameModifier && withModifier is not null && withModifier.Id == chosen.Id) return withModifier;
        foreach (var t in types)
        {
            if (t.Id != TypeId.Unknown && !ValueCast.CanCast(t.WithoutModifier(), chosen, CastContext.Implicit))
            {
                first = t;
                second = chosen;
                error = $"could not convert type {t.DisplayName} to {chosen.DisplayName}";
                return null;
            }
        }
        return chosen;
    }

    /// <summary>pg_type.typcategory.</summary>
    internal static char Category(TypeId id) => id switch
    {
        TypeId.Bool => 'B',
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric or TypeId.Float4 or TypeId.Float8
            or TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure => 'N',
        TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name => 'S',
        TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz or TypeId.Time => 'D',
        TypeId.Interval => 'T',
        TypeId.Inet or TypeId.Cidr => 'I',
        TypeId.Unknown => 'X',
        TypeId.Void => 'P',
        TypeId.Array => 'A',
        TypeId.Enum => 'E',
        TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle => 'G',
        _ => 'U',
    };

    /// <summary>pg_type.typispreferred.</summary>
    internal static bool IsPreferred(TypeId id) =>
        id is TypeId.Float8 or TypeId.Text or TypeId.Timestamptz or TypeId.Interval or TypeId.Oid or TypeId.Bool or TypeId.Inet;
}
