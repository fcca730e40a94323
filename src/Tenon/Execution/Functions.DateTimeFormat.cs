using Tenon.Execution.Formatting;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// to_char, to_number, to_date and to_timestamp(text, text): the template functions. A date given
/// to to_char becomes timestamptz (the preferred date/time type), as in PostgreSQL.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveDateTimeFormat(string name, IReadOnlyList<SqlType> args)
    {
        if (args.Count != 2 || !(args[1].IsString)) return null;
        var text = SqlType.Text;
        switch (name)
        {
            case "to_char" when args[0].Id == TypeId.Timestamp:
                return new([SqlType.Timestamp, text], text, (a, _) => ((PgTimestamp)a[0]!) is { IsFinite: true } t
                    ? DateTimeTemplate.Format((string)a[1]!, DateTimeParts.FromTimestamp(t, null, 0)) : null);
            case "to_char" when args[0].Id is TypeId.Timestamptz or TypeId.Date:
                return new([SqlType.Timestamptz, text], text, (a, ctx) => ToCharTimestampTz((PgTimestampTz)a[0]!, (string)a[1]!, ctx));
            // time has no to_char of its own: it takes interval's through the implicit cast.
            case "to_char" when args[0].Id is TypeId.Interval or TypeId.Time:
                return new([SqlType.Interval, text], text, (a, _) => DateTimeTemplate.Format((string)a[1]!, DateTimeParts.FromInterval((PgInterval)a[0]!)));
            case "to_char" when args[0].Id is TypeId.Int2 or TypeId.Int4:
                return new([SqlType.Int4, text], text, (a, _) => NumericTemplate.FormatInteger((int)a[0]!, (string)a[1]!));
            case "to_char" when args[0].Id is TypeId.Int8:
                return new([SqlType.Int8, text], text, (a, _) => NumericTemplate.FormatInteger((long)a[0]!, (string)a[1]!));
            case "to_char" when args[0].Id is TypeId.Numeric:
                return new([SqlType.Numeric, text], text, (a, _) => NumericTemplate.FormatNumeric((Numeric)a[0]!, (string)a[1]!));
            case "to_char" when args[0].Id is TypeId.Float4:
                return new([SqlType.Float4, text], text, (a, _) => NumericTemplate.FormatFloat((float)a[0]!, 6, (string)a[1]!));
            case "to_char" when args[0].Id is TypeId.Float8:
                return new([SqlType.Float8, text], text, (a, _) => NumericTemplate.FormatFloat((double)a[0]!, 15, (string)a[1]!));
            case "to_number" when args[0].IsString:
                return new([text, text], SqlType.Numeric, (a, _) => NumericTemplate.ReadNumber((string)a[0]!, (string)a[1]!));
            case "to_date" when args[0].IsString:
                return new([text, text], SqlType.Date, (a, _) =>
                    DateTimeTemplateParser.ToTimestamp(DateTimeTemplateParser.Read((string)a[0]!, (string)a[1]!), (string)a[0]!).Date);
            case "to_timestamp" when args[0].IsString:
                return new([text, text], SqlType.Timestamptz, (a, ctx) => ParseTimestampTz((string)a[0]!, (string)a[1]!, ctx));
        }
        return null;
    }

    private static PgTimestampTz ParseTimestampTz(string input, string template, ExecContext ctx)
    {
        var fields = DateTimeTemplateParser.Read(input, template);
        var local = DateTimeTemplateParser.ToTimestamp(fields, input);
        if (!fields.HasTz) return ValueCast.ToTimestampTzValue(local, ctx.Settings);
        var offset = fields.TzSign * (fields.TzHours * 3600 + fields.TzMinutes * 60);
        return new PgTimestampTz(local.Microseconds - offset * PgCalendar.MicrosecondsPerSecond);
    }

    private static string? ToCharTimestampTz(PgTimestampTz value, string template, ExecContext ctx)
    {
        if (!value.IsFinite) return null;
        var zone = ctx.Settings.TimeZone;
        var offset = TimeZones.OffsetAtUtc(zone, value.Microseconds);
        var local = ValueCast.ToTimestampValue(value, ctx.Settings);
        return DateTimeTemplate.Format(template, DateTimeParts.FromTimestamp(local, TimeZones.Abbreviation(zone, value.Microseconds, offset), offset));
    }
}
