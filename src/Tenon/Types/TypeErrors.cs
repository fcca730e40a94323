using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// Every error text the type system raises, built in one place so the wording stays exactly
/// PostgreSQL 15's. Each factory returns the exception; callers <c>throw</c> it.
/// </summary>
internal static class TypeErrors
{
    public static TenonException InvalidSyntax(string typeName, string text) =>
        new(SqlState.InvalidTextRepresentation, $"invalid input syntax for type {typeName}: \"{text}\"");

    public static TenonException InvalidDatetimeSyntax(string typeName, string text) =>
        new(SqlState.InvalidDatetimeFormat, $"invalid input syntax for type {typeName}: \"{text}\"");

    public static TenonException ValueOutOfRange(string text, string typeName) =>
        new(SqlState.NumericValueOutOfRange, $"value \"{text}\" is out of range for type {typeName}");

    public static TenonException FloatOutOfRange(string text, string typeName) =>
        new(SqlState.NumericValueOutOfRange, $"\"{text}\" is out of range for type {typeName}");

    public static TenonException OutOfRange(string typeName) =>
        new(SqlState.NumericValueOutOfRange, $"{typeName} out of range");

    public static TenonException DivisionByZero() =>
        new(SqlState.DivisionByZero, "division by zero");

    public static TenonException CannotConvertSpecial(string what, string typeName) =>
        new(SqlState.FeatureNotSupported, $"cannot convert {what} to {typeName}");

    public static TenonException NumericFieldOverflow(string detail) =>
        new(SqlState.NumericValueOutOfRange, "numeric field overflow", detail);

    public static TenonException ValueTooLong(string typeDisplayName) =>
        new(SqlState.StringDataRightTruncation, $"value too long for type {typeDisplayName}");

    public static TenonException CannotCast(SqlType from, SqlType to) =>
        new(SqlState.CannotCoerce, $"cannot cast type {from.DisplayName} to {to.DisplayName}");

    public static TenonException FieldOutOfRange(string text) =>
        new(SqlState.DatetimeFieldOverflow, $"date/time field value out of range: \"{text}\"");

    public static TenonException DateOutOfRange(string text) =>
        new(SqlState.DatetimeFieldOverflow, $"date out of range: \"{text}\"");

    public static TenonException TimestampOutOfRange(string text) =>
        new(SqlState.DatetimeFieldOverflow, $"timestamp out of range: \"{text}\"");

    public static TenonException DateOutOfRange() =>
        new(SqlState.DatetimeFieldOverflow, "date out of range");

    public static TenonException TimestampOutOfRange() =>
        new(SqlState.DatetimeFieldOverflow, "timestamp out of range");

    public static TenonException IntervalOutOfRange() =>
        new(SqlState.DatetimeFieldOverflow, "interval out of range");

    public static TenonException TimeZoneNotRecognized(string name) =>
        new(SqlState.InvalidParameterValue, $"time zone \"{name}\" not recognized");
}
