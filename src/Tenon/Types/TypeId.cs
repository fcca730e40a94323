namespace Tenon.Types;

/// <summary>
/// The SQL types Tenon knows. Each maps to one PostgreSQL type (and OID) and to one CLR
/// representation of its non-null values:
///
///   TYPE          CLR VALUE            NOTES
///   Bool          bool
///   Int2          short
///   Int4          int
///   Int8          long
///   Numeric       Numeric              exact decimal, arbitrary precision, NaN and ±Infinity
///   Float4        float
///   Float8        double
///   Text          string
///   Varchar       string               length limit in the type modifier
///   Bpchar        string               blank-padded char(n); stored padded to n
///   Name          string               63-byte identifier type
///   Uuid          Guid                 ordered as PostgreSQL orders the 16 bytes (memcmp of RFC text order)
///   Date          PgDate
///   Timestamp     PgTimestamp          microseconds, no zone
///   Timestamptz   PgTimestampTz        microseconds since 2000-01-01 00:00 UTC
///   Interval      PgInterval           months, days, microseconds
///   Bytea         byte[]
///   Oid           uint
///   RegClass      uint                 an Oid that prints as a relation name
///   RegType       uint                 an Oid that prints as a type name (format_type)
///   RegNamespace  uint                 an Oid that prints as a schema name
///   Unknown       string               an untyped literal, resolved by context
///   Void          (no value)           result type of functions that return nothing
///   Inet          PgInet               IPv4/IPv6 host address with netmask length
///   Cidr          PgInet               IPv4/IPv6 network (no bits right of the mask)
///   Xid           uint                 a transaction id: equality only, no ordering
///   Array         PgArray              elements, dimensions and lower bounds; element type in SqlType.Element
///   Enum          PgEnumValue          a label of a user enum type
///   TsVector      TsVector             sorted lexemes with positions and weights
///   TsQuery       TsQuery              a tree of lexemes and operators
///   RegConfig     uint                 an Oid that prints as a text search configuration name
///   Time          PgTime               microseconds since midnight, 00:00:00 to 24:00:00
///   Json          string               JSON text exactly as written (validated)
///   Jsonb         JsonValue            parsed JSON, object keys deduplicated and sorted
///   Point         PgPoint              geometric types (Types/Geometry): x, y
///   Lseg          PgLseg               two points
///   Path          PgPath               points, open or closed
///   Box           PgBox                high and low corners
///   Polygon       PgPolygon            points and their bounding box
///   Line          PgLine               Ax + By + C = 0
///   Circle        PgCircle             center and radius
///
/// A domain (CREATE DOMAIN) is not a TypeId: its SqlType has the base type's id and names the
/// domain in <see cref="SqlType.Domain"/>.
///
/// SQL NULL is always the CLR null, whatever the type.
/// </summary>
public enum TypeId : byte
{
    Unknown,
    Bool,
    Int2,
    Int4,
    Int8,
    Numeric,
    Float4,
    Float8,
    Text,
    Varchar,
    Bpchar,
    Name,
    Uuid,
    Date,
    Timestamp,
    Timestamptz,
    Interval,
    Bytea,
    Oid,
    RegClass,
    Void,
    Inet,
    Cidr,
    /// <summary>An anonymous row value, ROW(a, b) (<see cref="PgRecord"/>).</summary>
    Record,
    RegType,
    RegNamespace,
    /// <summary>A transaction id (the system column xmin).</summary>
    Xid,
    /// <summary>An array of any other type (<see cref="PgArray"/>); the element type is <see cref="SqlType.Element"/>.</summary>
    Array,
    /// <summary>A user enum type (CREATE TYPE … AS ENUM); <see cref="SqlType.Enum"/> says which (<see cref="PgEnumValue"/>).</summary>
    Enum,
    /// <summary>An Oid that prints as a function name (pg_type.typinput …).</summary>
    RegProc,
    /// <summary>An Oid that prints as a function name with its argument types.</summary>
    RegProcedure,
    /// <summary>A text search document (<see cref="Types.TsVector"/>).</summary>
    TsVector,
    /// <summary>A text search query (<see cref="Types.TsQuery"/>).</summary>
    TsQuery,
    /// <summary>An Oid that prints as a text search configuration name (uint).</summary>
    RegConfig,
    /// <summary>A time of day without a zone (<see cref="PgTime"/>).</summary>
    Time,
    /// <summary>JSON text kept as written, validated on input (string).</summary>
    Json,
    /// <summary>Parsed, normalized JSON (<see cref="JsonValue"/>).</summary>
    Jsonb,
    Point,
    Lseg,
    Path,
    Box,
    Polygon,
    Line,
    Circle,
    /// <summary>An Oid that prints as a role name (uint).</summary>
    RegRole,
}
