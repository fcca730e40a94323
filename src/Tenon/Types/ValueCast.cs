using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Casts between types (T.2 in ValueText.cs), following PostgreSQL's pg_cast:
///
///   C.1  which casts exist and in which context (<see cref="CanCast"/>): the numeric
///        promotions are implicit, narrowing is assignment, bool↔int4 explicit; any type
///        converts to a string type by its output function in assignment context, and a
///        string converts to any type by its input function only explicitly. An unknown
///        literal converts to anything implicitly.
///   C.2  the conversion itself (<see cref="Cast"/>): integer narrowing checks range,
///        numeric → integer rounds half away from zero, float → integer rounds half to even
///        (rint), bpchar → text drops trailing blanks, timestamps move through the session
///        TimeZone; finally the target's type modifier is applied (varchar(n) and char(n)
///        error on an assignment that would drop non-blank characters and truncate on an
///        explicit cast; numeric(p,s) rounds and checks precision). cidr → inet keeps the
///        value, inet → cidr (assignment) clears the host bits, and inet/cidr → text prints
///        the mask always, as text(inet) does.
/// </summary>
public static class ValueCast
{
    private const sbyte None = -1;

    // castcontext by [from, to]; None where pg_cast has no entry (I/O casts are handled apart).
    private static readonly sbyte[,] Table = BuildTable();

    private static sbyte[,] BuildTable()
    {
        var count = Enum.GetValues<TypeId>().Length;
        var t = new sbyte[count, count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++) t[i, j] = None;
        }
        void Set(TypeId from, TypeId to, CastContext c) => t[(int)from, (int)to] = (sbyte)c;
        const CastContext I = CastContext.Implicit, A = CastContext.Assignment, E = CastContext.Explicit;

        Set(TypeId.Int2, TypeId.Int4, I); Set(TypeId.Int2, TypeId.Int8, I); Set(TypeId.Int2, TypeId.Numeric, I);
        Set(TypeId.Int2, TypeId.Float4, I); Set(TypeId.Int2, TypeId.Float8, I);
        Set(TypeId.Int2, TypeId.Oid, I); Set(TypeId.Int2, TypeId.RegClass, I);
        Set(TypeId.Int4, TypeId.Int2, A); Set(TypeId.Int4, TypeId.Int8, I); Set(TypeId.Int4, TypeId.Numeric, I);
        Set(TypeId.Int4, TypeId.Float4, I); Set(TypeId.Int4, TypeId.Float8, I); Set(TypeId.Int4, TypeId.Bool, E);
        Set(TypeId.Int4, TypeId.Oid, I); Set(TypeId.Int4, TypeId.RegClass, I);
        Set(TypeId.Int8, TypeId.Int2, A); Set(TypeId.Int8, TypeId.Int4, A); Set(TypeId.Int8, TypeId.Numeric, I);
        Set(TypeId.Int8, TypeId.Float4, I); Set(TypeId.Int8, TypeId.Float8, I);
        Set(TypeId.Int8, TypeId.Oid, I); Set(TypeId.Int8, TypeId.RegClass, I);
        Set(TypeId.Numeric, TypeId.Int2, A); Set(TypeId.Numeric, TypeId.Int4, A); Set(TypeId.Numeric, TypeId.Int8, A);
        Set(TypeId.Numeric, TypeId.Float4, I); Set(TypeId.Numeric, TypeId.Float8, I);
        Set(TypeId.Float4, TypeId.Int2, A); Set(TypeId.Float4, TypeId.Int4, A); Set(TypeId.Float4, TypeId.Int8, A);
        Set(TypeId.Float4, TypeId.Numeric, A); Set(TypeId.Float4, TypeId.Float8, I);
        Set(TypeId.Float8, TypeId.Int2, A); Set(TypeId.Float8, TypeId.Int4, A); Set(TypeId.Float8, TypeId.Int8, A);
        Set(TypeId.Float8, TypeId.Numeric, A); Set(TypeId.Float8, TypeId.Float4, A);
        Set(TypeId.Bool, TypeId.Int4, E);

        Set(TypeId.Text, TypeId.Varchar, I); Set(TypeId.Text, TypeId.Bpchar, I); Set(TypeId.Text, TypeId.Name, I);
        Set(TypeId.Varchar, TypeId.Text, I); Set(TypeId.Varchar, TypeId.Bpchar, I); Set(TypeId.Varchar, TypeId.Name, I);
        Set(TypeId.Bpchar, TypeId.Text, I); Set(TypeId.Bpchar, TypeId.Varchar, I); Set(TypeId.Bpchar, TypeId.Name, I);
        Set(TypeId.Name, TypeId.Text, I); Set(TypeId.Name, TypeId.Varchar, A); Set(TypeId.Name, TypeId.Bpchar, A);
        Set(TypeId.Bool, TypeId.Text, A); Set(TypeId.Bool, TypeId.Varchar, A); Set(TypeId.Bool, TypeId.Bpchar, A);

        Set(TypeId.Date, TypeId.Timestamp, I); Set(TypeId.Date, TypeId.Timestamptz, I);
        Set(TypeId.Timestamp, TypeId.Date, A); Set(TypeId.Timestamp, TypeId.Timestamptz, I);
        Set(TypeId.Timestamptz, TypeId.Date, A); Set(TypeId.Timestamptz, TypeId.Timestamp, A);
        Set(TypeId.Time, TypeId.Interval, I); Set(TypeId.Interval, TypeId.Time, A);
        Set(TypeId.Timestamp, TypeId.Time, A); Set(TypeId.Timestamptz, TypeId.Time, A);

        Set(TypeId.Oid, TypeId.Int4, A); Set(TypeId.Oid, TypeId.Int8, A); Set(TypeId.Oid, TypeId.RegClass, I);
        Set(TypeId.RegClass, TypeId.Oid, I); Set(TypeId.RegClass, TypeId.Int4, A); Set(TypeId.RegClass, TypeId.Int8, A);
        Set(TypeId.Oid, TypeId.RegType, I); Set(TypeId.Int4, TypeId.RegType, I); Set(TypeId.Int8, TypeId.RegType, I); Set(TypeId.Int2, TypeId.RegType, I);
        Set(TypeId.RegType, TypeId.Oid, I); Set(TypeId.RegType, TypeId.Int4, A); Set(TypeId.RegType, TypeId.Int8, A);
        Set(TypeId.Oid, TypeId.RegNamespace, I); Set(TypeId.Int4, TypeId.RegNamespace, I); Set(TypeId.Int8, TypeId.RegNamespace, I); Set(TypeId.Int2, TypeId.RegNamespace, I);
        Set(TypeId.Oid, TypeId.RegRole, I); Set(TypeId.Int4, TypeId.RegRole, I); Set(TypeId.Int8, TypeId.RegRole, I); Set(TypeId.Int2, TypeId.RegRole, I);
        foreach (var reg in new[] { TypeId.RegProc, TypeId.RegProcedure })
        {
            Set(TypeId.Oid, reg, I); Set(TypeId.Int4, reg, I); Set(TypeId.Int8, reg, I); Set(TypeId.Int2, reg, I);
            Set(reg, TypeId.Oid, I); Set(reg, TypeId.Int4, A); Set(reg, TypeId.Int8, A);
        }
        Set(TypeId.RegProc, TypeId.RegProcedure, I); Set(TypeId.RegProcedure, TypeId.RegProc, I);
        Set(TypeId.RegNamespace, TypeId.Oid, I); Set(TypeId.RegNamespace, TypeId.Int4, A); Set(TypeId.RegNamespace, TypeId.Int8, A);
        Set(TypeId.RegRole, TypeId.Oid, I); Set(TypeId.RegRole, TypeId.Int4, A); Set(TypeId.RegRole, TypeId.Int8, A);

        Set(TypeId.Cidr, TypeId.Inet, I); Set(TypeId.Inet, TypeId.Cidr, A);
        Set(TypeId.Oid, TypeId.RegConfig, I); Set(TypeId.Int4, TypeId.RegConfig, I); Set(TypeId.Int8, TypeId.RegConfig, I); Set(TypeId.Int2, TypeId.RegConfig, I);
        Set(TypeId.RegConfig, TypeId.Oid, I); Set(TypeId.RegConfig, TypeId.Int4, A); Set(TypeId.RegConfig, TypeId.Int8, A);
        Set(TypeId.Json, TypeId.Jsonb, A); Set(TypeId.Jsonb, TypeId.Json, A);
        foreach (var target in new[] { TypeId.Bool, TypeId.Numeric, TypeId.Int2, TypeId.Int4, TypeId.Int8, TypeId.Float4, TypeId.Float8 })
            Set(TypeId.Jsonb, target, E);
        Set(TypeId.Point, TypeId.Box, A); Set(TypeId.Lseg, TypeId.Point, E); Set(TypeId.Path, TypeId.Polygon, A);
        Set(TypeId.Box, TypeId.Point, E); Set(TypeId.Box, TypeId.Lseg, E); Set(TypeId.Box, TypeId.Polygon, A); Set(TypeId.Box, TypeId.Circle, E);
        Set(TypeId.Polygon, TypeId.Point, E); Set(TypeId.Polygon, TypeId.Path, A); Set(TypeId.Polygon, TypeId.Box, E); Set(TypeId.Polygon, TypeId.Circle, E);
        Set(TypeId.Circle, TypeId.Point, E); Set(TypeId.Circle, TypeId.Box, E); Set(TypeId.Circle, TypeId.Polygon, E);
        return t;
    }

    private static bool IsStringType(TypeId id) => id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name;

    /// <summary>
    /// The weakest context in which a cast from <paramref name="from"/> to <paramref name="to"/>
    /// exists, or null when PostgreSQL has none (not even an I/O conversion).
    /// </summary>
    public static CastContext? RequiredContext(SqlType from, SqlType to)
    {
        if (from.Id == TypeId.Enum && to.Id == TypeId.Enum && from.Enum!.Oid != to.Enum!.Oid) return null;
        // Array to array converts element by element (array_coerce), in the element cast's context.
        if (from.IsArray && to.IsArray) return RequiredContext(from.Element!, to.Element!);
        // Two composite types, or a record and a composite type, do not convert value by value
        // (a ROW(…) constructor is coerced field by field by the binder instead).
        if (from.Id == TypeId.Record && to.Id == TypeId.Record && to.Composite is not null && from.Composite?.Oid != to.Composite.Oid) return null;
        if (from.Id == to.Id) return CastContext.Implicit;
        if (to.Id is TypeId.Void or TypeId.Unknown || from.Id == TypeId.Void) return null;
        if (from.Id == TypeId.Unknown) return CastContext.Implicit;
        var c = Table[(int)from.Id, (int)to.Id];
        if (c != None) return (CastContext)c;
        if (IsStringType(to.Id)) return CastContext.Assignment;
        if (IsStringType(from.Id)) return CastContext.Explicit;
        return null;
    }

    /// <summary>Whether PostgreSQL allows this cast in <paramref name="context"/>.</summary>
    public static bool CanCast(SqlType from, SqlType to, CastContext context) =>
        RequiredContext(from, to) is { } required && required <= context;

    /// <summary>The 42846 error for a cast that does not exist: <c>cannot cast type boolean to date</c>.</summary>
    public static TenonException CannotCastError(SqlType from, SqlType to) => TypeErrors.CannotCast(from, to);

    /// <summary>
    /// Converts a value; null stays null. Throws 42846 when no cast exists in the context, and
    /// the conversion's own errors (22003 out of range, 22001 too long, 22P02 bad input …).
    /// </summary>
    public static object? Cast(object? value, SqlType from, SqlType to, CastContext context, FormatSettings settings)
    {
        if (value is null) return null;
        if (!CanCast(from, to, context)) throw TypeErrors.CannotCast(from, to);
        var isExplicit = context == CastContext.Explicit;
        if (from.IsArray && to.IsArray)
        {
            return CastItems((PgArray)value, from, to, context, settings);
        }
        if (from.IsArray && IsStringType(to.Id))
            return TypeModifiers.Apply(to.Id == TypeId.Name ? TypeModifiers.TruncateName(ValueText.Format(value, from, settings))
                : ValueText.Format(value, from, settings), to, isExplicit);
        if (from.Id == to.Id) return TypeModifiers.Apply(value, to, isExplicit);
        // time(timestamp) of an infinite timestamp is NULL, not an error.
        if (to.Id == TypeId.Time && value is PgTimestamp { IsFinite: false } or PgTimestampTz { IsFinite: false }) return null;
        var converted = Convert(value, from.Id, to, settings);
        return TypeModifiers.Apply(converted, to, isExplicit);
    }

    // Apart from Cast so that the closure is allocated for arrays only, not for every scalar cast.
    private static PgArray CastItems(PgArray array, SqlType from, SqlType to, CastContext context, FormatSettings settings) =>
        array.WithItems(to.Element!, array.Items.Select(v => Cast(v, from.Element!, to.Element!, context, settings)).ToArray());

    private static object Convert(object value, TypeId from, SqlType to, FormatSettings settings)
    {
        // String sources: bpchar loses its padding; everything else goes through the input function.
        if (from == TypeId.Unknown || IsStringType(from))
        {
            var text = (string)value;
            if (from == TypeId.Bpchar && to.Id is TypeId.Text or TypeId.Varchar or TypeId.Name) text = text.TrimEnd(' ');
            if (IsStringType(to.Id)) return to.Id == TypeId.Name ? TypeModifiers.TruncateName(text) : text;
            return ValueText.Parse(text, to.WithoutModifier(), settings);
        }
        if (IsStringType(to.Id))
        {
            if (from == TypeId.Bool) return (bool)value ? "true" : "false";
            // pg_cast's text(inet) always shows the mask; only name goes through the output function.
            if (from is TypeId.Inet or TypeId.Cidr && to.Id != TypeId.Name) return InetText.Text((PgInet)value);
            if (value is PgEnumValue label) return label.Label;
            return ValueText.Format(value, SqlTypeOf(from), settings);
        }
        if (from is TypeId.Json or TypeId.Jsonb) return JsonCasts.Convert(value, from, to.Id);
        if (to.IsGeometric) return GeometryCasts.Convert(value, from, to.Id) ?? throw TypeErrors.CannotCast(SqlTypeOf(from), to);
        return to.Id switch
        {
            TypeId.Int2 => ToInt16(value, from),
            TypeId.Int4 => ToInt32(value, from),
            TypeId.Int8 => ToInt64(value, from),
            TypeId.Numeric => ToNumeric(value, from),
            TypeId.Float4 => ToFloat4(value, from),
            TypeId.Float8 => ToFloat8(value, from),
            TypeId.Bool when from == TypeId.Int4 => (int)value != 0,
            TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.RegConfig => ToOid(value, from),
            TypeId.Date => ToDate(value, from, settings),
            TypeId.Timestamp => ToTimestamp(value, from, settings),
            TypeId.Timestamptz => ToTimestampTz(value, from, settings),
            TypeId.Time => ToTime(value, from, settings),
            TypeId.Interval when from == TypeId.Time => new PgInterval(0, 0, ((PgTime)value).Microseconds),
            TypeId.Inet when from == TypeId.Cidr => value,
            TypeId.Cidr when from == TypeId.Inet => ((PgInet)value).Network,
            _ => throw TypeErrors.CannotCast(SqlTypeOf(from), to),
        };
    }

    internal static SqlType SqlTypeOf(TypeId id) => id switch
    {
        TypeId.Unknown => SqlType.Unknown,
        TypeId.Bool => SqlType.Bool,
        TypeId.Int2 => SqlType.Int2,
        TypeId.Int4 => SqlType.Int4,
        TypeId.Int8 => SqlType.Int8,
        TypeId.Numeric => SqlType.Numeric,
        TypeId.Float4 => SqlType.Float4,
        TypeId.Float8 => SqlType.Float8,
        TypeId.Text => SqlType.Text,
        TypeId.Varchar => SqlType.Varchar,
        TypeId.Bpchar => SqlType.Bpchar,
        TypeId.Name => SqlType.Name,
        TypeId.Uuid => SqlType.Uuid,
        TypeId.Date => SqlType.Date,
        TypeId.Timestamp => SqlType.Timestamp,
        TypeId.Timestamptz => SqlType.Timestamptz,
        TypeId.Interval => SqlType.Interval,
        TypeId.Time => SqlType.Time,
        TypeId.Bytea => SqlType.Bytea,
        TypeId.Oid => SqlType.Oid,
        TypeId.RegClass => SqlType.RegClass,
        TypeId.RegType => SqlType.RegType,
        TypeId.RegNamespace => SqlType.RegNamespace,
        TypeId.RegRole => SqlType.RegRole,
        TypeId.RegProc => SqlType.RegProc,
        TypeId.RegProcedure => SqlType.RegProcedure,
        TypeId.Inet => SqlType.Inet,
        TypeId.Cidr => SqlType.Cidr,
        TypeId.Record => SqlType.Record,
        TypeId.Xid => SqlType.Xid,
        TypeId.TsVector => SqlType.TsVector,
        TypeId.TsQuery => SqlType.TsQuery,
        TypeId.RegConfig => SqlType.RegConfig,
        TypeId.Json => SqlType.Json,
        TypeId.Jsonb => SqlType.Jsonb,
        TypeId.Point => SqlType.Point,
        TypeId.Lseg => SqlType.Lseg,
        TypeId.Path => SqlType.Path,
        TypeId.Box => SqlType.Box,
        TypeId.Polygon => SqlType.Polygon,
        TypeId.Line => SqlType.Line,
        TypeId.Circle => SqlType.Circle,
        _ => SqlType.Void,
    };

    // ---- numbers ------------------------------------------------------------------------

    private static long IntegerOf(object value, TypeId from, string targetName) => from switch
    {
        TypeId.Int2 => (short)value,
        TypeId.Int4 => (int)value,
        TypeId.Int8 => (long)value,
        TypeId.Bool => (bool)value ? 1 : 0,
        TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.RegConfig => (uint)value,
        TypeId.Numeric => ((Numeric)value).ToInt64(),
        TypeId.Float4 => RintToInt64((float)value, targetName),
        TypeId.Float8 => RintToInt64((double)value, targetName),
        _ => throw new InvalidOperationException($"no integer conversion from {from}"),
    };

    /// <summary>PostgreSQL's rint (half to even) then range check against int64.</summary>
    private static long RintToInt64(double value, string targetName)
    {
        var rounded = Math.Round(value, MidpointRounding.ToEven);
        if (double.IsNaN(rounded) || rounded < -9.2233720368547758E18 || rounded >= 9.2233720368547758E18)
            throw TypeErrors.OutOfRange(targetName);
        return (long)rounded;
    }

    private static short ToInt16(object value, TypeId from)
    {
        if (from == TypeId.Numeric) return ((Numeric)value).ToInt16();
        var v = IntegerOf(value, from, "smallint");
        if (v < short.MinValue || v > short.MaxValue) throw TypeErrors.OutOfRange("smallint");
        return (short)v;
    }

    private static int ToInt32(object value, TypeId from)
    {
        if (from == TypeId.Numeric) return ((Numeric)value).ToInt32();
        if (from is TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure) return unchecked((int)(uint)value);
        var v = IntegerOf(value, from, "integer");
        if (v < int.MinValue || v > int.MaxValue) throw TypeErrors.OutOfRange("integer");
        return (int)v;
    }

    private static long ToInt64(object value, TypeId from) =>
        from == TypeId.Numeric ? ((Numeric)value).ToInt64() : IntegerOf(value, from, "bigint");

    private static uint ToOid(object value, TypeId from)
    {
        switch (from)
        {
            case TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.RegConfig: return (uint)value;
            case TypeId.Int2: return unchecked((uint)(short)value);
            case TypeId.Int4: return unchecked((uint)(int)value);
            case TypeId.Int8:
                var v = (long)value;
                if (v < int.MinValue || v > uint.MaxValue) throw new TenonException(SqlState.NumericValueOutOfRange, "OID out of range");
                return unchecked((uint)v);
            default: throw new InvalidOperationException($"no oid conversion from {from}");
        }
    }

    private static Numeric ToNumeric(object value, TypeId from) => from switch
    {
        TypeId.Int2 => Numeric.FromLong((short)value),
        TypeId.Int4 => Numeric.FromLong((int)value),
        TypeId.Int8 => Numeric.FromLong((long)value),
        TypeId.Float4 => Numeric.FromSingle((float)value),
        TypeId.Float8 => Numeric.FromDouble((double)value),
        _ => throw new InvalidOperationException($"no numeric conversion from {from}"),
    };

    private static float ToFloat4(object value, TypeId from)
    {
        switch (from)
        {
            case TypeId.Int2: return (short)value;
            case TypeId.Int4: return (int)value;
            case TypeId.Int8: return (long)value;
            case TypeId.Numeric:
                var n = (Numeric)value;
                var f = n.ToSingle();
                if (n.IsFinite && (float.IsInfinity(f) || (f == 0 && n.Sign != 0)))
                    throw TypeErrors.FloatOutOfRange(n.ToString(), "real");
                return f;
            case TypeId.Float8:
                var d = (double)value;
                var r = (float)d;
                if (float.IsInfinity(r) && !double.IsInfinity(d))
                    throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: overflow");
                if (r == 0 && d != 0)
                    throw new TenonException(SqlState.NumericValueOutOfRange, "value out of range: underflow");
                return r;
            default: throw new InvalidOperationException($"no float4 conversion from {from}");
        }
    }

    private static double ToFloat8(object value, TypeId from)
    {
        switch (from)
        {
            case TypeId.Int2: return (short)value;
            case TypeId.Int4: return (int)value;
            case TypeId.Int8: return (long)value;
            case TypeId.Float4: return (float)value;
            case TypeId.Numeric:
                var n = (Numeric)value;
                var d = n.ToDouble();
                if (n.IsFinite && (double.IsInfinity(d) || (d == 0 && n.Sign != 0)))
                    throw TypeErrors.FloatOutOfRange(n.ToString(), "double precision");
                return d;
            default: throw new InvalidOperationException($"no float8 conversion from {from}");
        }
    }

    // ---- date/time ----------------------------------------------------------------------

    private static PgDate ToDate(object value, TypeId from, FormatSettings settings)
    {
        switch (from)
        {
            case TypeId.Timestamp: return ((PgTimestamp)value).Date;
            case TypeId.Timestamptz: return ToTimestampValue((PgTimestampTz)value, settings).Date;
            default: throw new InvalidOperationException($"no date conversion from {from}");
        }
    }

    private static PgTimestamp ToTimestamp(object value, TypeId from, FormatSettings settings)
    {
        switch (from)
        {
            case TypeId.Date: return DateToTimestamp((PgDate)value);
            case TypeId.Timestamptz: return ToTimestampValue((PgTimestampTz)value, settings);
            default: throw new InvalidOperationException($"no timestamp conversion from {from}");
        }
    }

    private static PgTimestampTz ToTimestampTz(object value, TypeId from, FormatSettings settings)
    {
        switch (from)
        {
            case TypeId.Date: return ToTimestampTzValue(DateToTimestamp((PgDate)value), settings);
            case TypeId.Timestamp: return ToTimestampTzValue((PgTimestamp)value, settings);
            default: throw new InvalidOperationException($"no timestamptz conversion from {from}");
        }
    }

    /// <summary>The time of day of a timestamp (in the session TimeZone for timestamptz), or an interval's time part wrapped into one day.</summary>
    private static PgTime ToTime(object value, TypeId from, FormatSettings settings) => from switch
    {
        TypeId.Timestamp => new PgTime(((PgTimestamp)value).TimeOfDay),
        TypeId.Timestamptz => new PgTime(ToTimestampValue((PgTimestampTz)value, settings).TimeOfDay),
        TypeId.Interval => PgTime.Wrap(((PgInterval)value).Microseconds),
        _ => throw new InvalidOperationException($"no time conversion from {from}"),
    };

    private static PgTimestamp DateToTimestamp(PgDate date)
    {
        if (!date.IsFinite) return date.ToTimestamp();
        var value = (long)date.Days * PgCalendar.MicrosecondsPerDay;
        if (!PgTimestamp.IsValid(value)) throw new TenonException(SqlState.DatetimeFieldOverflow, "date out of range for timestamp");
        return new PgTimestamp(value);
    }

    /// <summary>timestamptz → timestamp: the wall-clock reading in the session TimeZone.</summary>
    public static PgTimestamp ToTimestampValue(PgTimestampTz value, FormatSettings settings)
    {
        if (value.IsInfinity) return PgTimestamp.Infinity;
        if (value.IsNegativeInfinity) return PgTimestamp.NegativeInfinity;
        var offset = TimeZones.OffsetAtUtc(settings.TimeZone, value.Microseconds);
        var local = value.Microseconds + offset * PgCalendar.MicrosecondsPerSecond;
        if (!PgTimestamp.IsValid(local)) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestamp(local);
    }

    /// <summary>timestamp → timestamptz: the instant that wall-clock reading names in the session TimeZone.</summary>
    public static PgTimestampTz ToTimestampTzValue(PgTimestamp value, FormatSettings settings)
    {
        if (value.IsInfinity) return PgTimestampTz.Infinity;
        if (value.IsNegativeInfinity) return PgTimestampTz.NegativeInfinity;
        var utc = TimeZones.LocalToUtc(settings.TimeZone, value.Microseconds);
        if (!PgTimestamp.IsValid(utc)) throw TypeErrors.TimestampOutOfRange();
        return new PgTimestampTz(utc);
    }
}
