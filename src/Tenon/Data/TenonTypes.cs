using System.Data;
using System.Globalization;
using Tenon.Execution;
using Tenon.Types;

namespace Tenon.Data;

/// <summary>
/// Parameter-side type mapping: DbType ↔ <see cref="TenonDbType"/>, and the conversion of a
/// parameter value to what the engine expects (see <see cref="ParameterValues"/>).
/// </summary>
internal static class TenonTypes
{
    public static DbType ToDbType(TenonDbType type) => type switch
    {
        TenonDbType.Boolean => DbType.Boolean,
        TenonDbType.Smallint => DbType.Int16,
        TenonDbType.Integer => DbType.Int32,
        TenonDbType.Bigint => DbType.Int64,
        TenonDbType.Numeric => DbType.Decimal,
        TenonDbType.Real => DbType.Single,
        TenonDbType.Double => DbType.Double,
        TenonDbType.Text or TenonDbType.Varchar => DbType.String,
        TenonDbType.Char => DbType.StringFixedLength,
        TenonDbType.Uuid => DbType.Guid,
        TenonDbType.Date => DbType.Date,
        TenonDbType.Timestamp => DbType.DateTime2,
        TenonDbType.TimestampTz => DbType.DateTimeOffset,
        TenonDbType.Interval => DbType.Object,
        TenonDbType.Time => DbType.Time,
        TenonDbType.Bytea => DbType.Binary,
        TenonDbType.Oid => DbType.UInt32,
        TenonDbType.Json or TenonDbType.Jsonb => DbType.String,
        _ => DbType.Object,
    };

    public static DbType InferDbType(object? value) => value switch
    {
        null or DBNull => DbType.Object,
        string or char => DbType.String,
        bool => DbType.Boolean,
        byte => DbType.Byte,
        sbyte => DbType.SByte,
        short => DbType.Int16,
        ushort => DbType.UInt16,
        int => DbType.Int32,
        uint => DbType.UInt32,
        long => DbType.Int64,
        ulong => DbType.UInt64,
        decimal or Numeric => DbType.Decimal,
        float => DbType.Single,
        double => DbType.Double,
        Guid => DbType.Guid,
        DateOnly or PgDate => DbType.Date,
        TimeOnly or PgTime => DbType.Time,
        DateTime { Kind: DateTimeKind.Utc or DateTimeKind.Local } or DateTimeOffset or PgTimestampTz => DbType.DateTimeOffset,
        DateTime or PgTimestamp => DbType.DateTime2,
        byte[] => DbType.Binary,
        _ => DbType.Object,
    };

    /// <summary>
    /// The type an explicit DbType asks for. DateTime/DateTime2 with a DateTime or DateTimeOffset
    /// value, Time and Object are not treated as hints: the value's own type (a DateTime's Kind)
    /// decides, because frameworks such as Dapper set them for every value of those CLR types.
    /// </summary>
    public static TenonDbType FromDbType(DbType type, object? value) => type switch
    {
        DbType.Boolean => TenonDbType.Boolean,
        DbType.Byte or DbType.SByte or DbType.Int16 => TenonDbType.Smallint,
        DbType.UInt16 or DbType.Int32 => TenonDbType.Integer,
        DbType.UInt32 or DbType.Int64 => TenonDbType.Bigint,
        DbType.UInt64 or DbType.Decimal or DbType.Currency or DbType.VarNumeric => TenonDbType.Numeric,
        DbType.Single => TenonDbType.Real,
        DbType.Double => TenonDbType.Double,
        DbType.String or DbType.AnsiString or DbType.Xml => TenonDbType.Text,
        DbType.StringFixedLength or DbType.AnsiStringFixedLength => TenonDbType.Char,
        DbType.Guid => TenonDbType.Uuid,
        DbType.Date => TenonDbType.Date,
        DbType.DateTime or DbType.DateTime2 when value is DateTime or DateTimeOffset => TenonDbType.Unknown,
        DbType.DateTime or DbType.DateTime2 => TenonDbType.Timestamp,
        DbType.DateTimeOffset => TenonDbType.TimestampTz,
        DbType.Binary => TenonDbType.Bytea,
        _ => TenonDbType.Unknown,
    };

    private static SqlType? SqlTypeOf(TenonDbType type) => type switch
    {
        TenonDbType.Boolean => SqlType.Bool,
        TenonDbType.Smallint => SqlType.Int2,
        TenonDbType.Integer => SqlType.Int4,
        TenonDbType.Bigint => SqlType.Int8,
        TenonDbType.Numeric => SqlType.Numeric,
        TenonDbType.Real => SqlType.Float4,
        TenonDbType.Double => SqlType.Float8,
        TenonDbType.Uuid => SqlType.Uuid,
        TenonDbType.Date => SqlType.Date,
        TenonDbType.Timestamp => SqlType.Timestamp,
        TenonDbType.TimestampTz => SqlType.Timestamptz,
        TenonDbType.Interval => SqlType.Interval,
        TenonDbType.Time => SqlType.Time,
        TenonDbType.Bytea => SqlType.Bytea,
        TenonDbType.Oid => SqlType.Oid,
        TenonDbType.Json => SqlType.Json,
        TenonDbType.Jsonb => SqlType.Jsonb,
        _ => null,
    };

    /// <summary>
    /// Converts a parameter value for the engine. Without a type the value passes as is (enums as
    /// their number); with one it is converted to that type's representation — a string through
    /// the type's input function, so malformed text fails as it would in PostgreSQL.
    /// </summary>
    public static object? ToEngineValue(object? value, TenonDbType type, string parameterName)
    {
        if (value is null or DBNull) return null;
        if (value is Enum e) value = Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture);
        if (value is char[] chars) value = new string(chars);
        if (type is TenonDbType.Text or TenonDbType.Varchar or TenonDbType.Char)
            return value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture);
        var target = SqlTypeOf(type);
        if (target is null)
        {
            if (ParameterValues.TypeOf(value).Id == TypeId.Unknown && value is not (string or char))
                throw new InvalidCastException(
                    $"Parameter \"{parameterName}\": values of type {value.GetType()} are not supported; " +
                    "use bool, integers, decimal, double, float, string, Guid, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan or byte[].");
            return value;
        }
        if (value is string s) return ValueText.Parse(s, target, FormatSettings.Default);
        try
        {
            return ConvertTo(value, target.Id);
        }
        catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException($"Parameter \"{parameterName}\": cannot write a {value.GetType()} value as {target.DisplayName}.", ex);
        }
    }

    private static object ConvertTo(object value, TypeId id)
    {
        var inv = CultureInfo.InvariantCulture;
        return id switch
        {
            TypeId.Bool => Convert.ToBoolean(value, inv),
            TypeId.Int2 => Convert.ToInt16(value, inv),
            TypeId.Int4 => Convert.ToInt32(value, inv),
            TypeId.Int8 => Convert.ToInt64(value, inv),
            TypeId.Numeric => value switch
            {
                Numeric n => n,
                double d => Numeric.FromDouble(d),
                float f => Numeric.FromSingle(f),
                ulong ul => Numeric.Parse(ul.ToString(inv)),
                _ => Numeric.FromDecimal(Convert.ToDecimal(value, inv)),
            },
            TypeId.Float4 => Convert.ToSingle(value, inv),
            TypeId.Float8 => Convert.ToDouble(value, inv),
            TypeId.Uuid => value is Guid g ? g : throw new InvalidCastException(),
            TypeId.Date => value switch
            {
                DateOnly d => PgDate.FromDateOnly(d),
                DateTime dt => PgDate.FromDateTime(dt),
                PgDate p => p,
                _ => throw new InvalidCastException(),
            },
            TypeId.Timestamp => value switch
            {
                DateTime dt => PgTimestamp.FromDateTime(dt),
                DateOnly d => PgDate.FromDateOnly(d).ToTimestamp(),
                PgTimestamp t => t,
                _ => throw new InvalidCastException(),
            },
            TypeId.Timestamptz => value switch
            {
                DateTime dt => PgTimestampTz.FromDateTime(dt),
                DateTimeOffset dto => PgTimestampTz.FromDateTimeOffset(dto),
                PgTimestampTz t => t,
                _ => throw new InvalidCastException(),
            },
            TypeId.Interval => value switch
            {
                TimeSpan ts => PgInterval.FromTimeSpan(ts),
                PgInterval i => i,
                _ => throw new InvalidCastException(),
            },
            TypeId.Time => value switch
            {
                TimeOnly t => new PgTime(t.Ticks / 10),
                TimeSpan ts when ts >= TimeSpan.Zero && ts <= TimeSpan.FromDays(1) => new PgTime(ts.Ticks / 10),
                PgTime t => t,
                _ => throw new InvalidCastException(),
            },
            TypeId.Bytea => value as byte[] ?? throw new InvalidCastException(),
            TypeId.Oid => Convert.ToUInt32(value, inv),
            _ => throw new InvalidCastException(),
        };
    }
}
