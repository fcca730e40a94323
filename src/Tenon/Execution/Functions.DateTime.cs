using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Date/time functions: extract (numeric), date_part (double precision) and date_trunc. A date
/// passed to date_trunc becomes timestamptz (the preferred date/time type, as in PostgreSQL);
/// date_part of a date reads it as a timestamp. Timestamptz fields are read in the session TimeZone.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveDateTime(string name, IReadOnlyList<SqlType> args)
    {
        if ((ResolveDateTimeMake(name, args) ?? ResolveDateTimeFormat(name, args)) is { } made) return made;
        if (args.Count != 2 || !args[0].IsString) return null;
        var source = args[1].Id;
        switch (name)
        {
            case "extract" or "date_part":
            {
                if (name == "date_part" && source == TypeId.Date) source = TypeId.Timestamp;
                var type = SourceType(source);
                if (type is null) return null;
                Func<object?[], ExecContext, object?> extract = (a, ctx) => Extract((string)a[0]!, a[1]!, source, ctx);
                return name == "extract"
                    ? new([SqlType.Text, type], SqlType.Numeric, extract)
                    : new([SqlType.Text, type], SqlType.Float8, (a, ctx) => extract(a, ctx) is Numeric v ? v.ToDouble() : null);
            }
            case "date_trunc":
            {
                if (source == TypeId.Date) source = TypeId.Timestamptz;
                if (source == TypeId.Time) return null;
                var type = SourceType(source);
                return type is null ? null : new([SqlType.Text, type], type, (a, ctx) => Truncate((string)a[0]!, a[1]!, source, ctx));
            }
        }
        return null;
    }

    private static SqlType? SourceType(TypeId id) => id switch
    {
        TypeId.Date => SqlType.Date,
        TypeId.Timestamp => SqlType.Timestamp,
        TypeId.Timestamptz => SqlType.Timestamptz,
        TypeId.Interval => SqlType.Interval,
        TypeId.Time => SqlType.Time,
        _ => null,
    };

    private static Numeric? Extract(string unit, object value, TypeId type, ExecContext ctx)
    {
        switch (type)
        {
            case TypeId.Date:
                return DateTimeFields.Extract(unit, (PgDate)value);
            case TypeId.Timestamp:
                return DateTimeFields.Extract(unit, (PgTimestamp)value, null, null);
            case TypeId.Timestamptz:
            {
                var tz = (PgTimestampTz)value;
                var offset = tz.IsFinite ? TimeZones.OffsetAtUtc(ctx.Settings.TimeZone, tz.Microseconds) : 0;
                return DateTimeFields.Extract(unit, ValueCast.ToTimestampValue(tz, ctx.Settings), tz.Microseconds, offset);
            }
            case TypeId.Time:
                return DateTimeFields.Extract(unit, (PgTime)value);
            default:
                return DateTimeFields.Extract(unit, (PgInterval)value);
        }
    }

    private static object Truncate(string unit, object value, TypeId type, ExecContext ctx)
    {
        switch (type)
        {
            case TypeId.Timestamp:
                return DateTimeFields.Truncate(unit, (PgTimestamp)value, DateTimeFields.TimestampType);
            case TypeId.Timestamptz:
            {
                var tz = (PgTimestampTz)value;
                var local = ValueCast.ToTimestampValue(tz, ctx.Settings);
                var truncated = DateTimeFields.Truncate(unit, local, DateTimeFields.TimestampTzType);
                if (!tz.IsFinite) return tz;
                // Below a day the original offset still applies; from a day up the zone decides it anew.
                return DateTimeFields.KeepsOffset(unit)
                    ? new PgTimestampTz(truncated.Microseconds - (local.Microseconds - tz.Microseconds))
                    : ValueCast.ToTimestampTzValue(truncated, ctx.Settings);
            }
            default:
                return DateTimeFields.Truncate(unit, (PgInterval)value);
        }
    }
}
