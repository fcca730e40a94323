namespace Tenon.Types;

/// <summary>
/// A SQL type with its modifier, as PostgreSQL describes a column: the base type
/// (<see cref="TypeId"/>) plus an optional type modifier (varchar length, char length,
/// numeric precision/scale, timestamp precision). Immutable; compare with <c>==</c>.
/// </summary>
public sealed record SqlType
{
    private SqlType(TypeId id, int length = -1, int precision = -1, int scale = -1, SqlType? element = null)
    {
        Id = id;
        Length = length;
        Precision = precision;
        Scale = scale;
        Element = element;
    }

    /// <summary>
    /// The element type of an array type (<see cref="TypeId.Array"/>), with the element's modifier
    /// (varchar(10)[] keeps the 10); null for every other type.
    /// </summary>
    public SqlType? Element { get; }

    /// <summary>The array type whose elements are <paramref name="element"/> (PostgreSQL has no arrays of arrays: an array type stays itself).</summary>
    public static SqlType ArrayOf(SqlType element) => element.Id == TypeId.Array ? element : new(TypeId.Array, element: element);

    public bool IsArray => Id == TypeId.Array;

    /// <summary>
    /// int2vector: an int2 array with subscripts from 0 that prints as its elements separated by
    /// spaces (pg_index.indkey). It is an array in every other respect.
    /// </summary>
    public bool IsVector { get; private init; }

    public TypeId Id { get; }

    /// <summary>varchar(n) / char(n) length limit in characters; -1 when unlimited.</summary>
    public int Length { get; }

    /// <summary>numeric(p,s) precision, or timestamp(p)/interval(p) fractional digits; -1 when unspecified.</summary>
    public int Precision { get; }

    /// <summary>numeric(p,s) scale; -1 when unspecified.</summary>
    public int Scale { get; }

    /// <summary>The enum type (with its labels as the catalog had them) when <see cref="Id"/> is <see cref="TypeId.Enum"/>.</summary>
    public Catalog.EnumTypeDef? Enum { get; private init; }

    /// <summary>
    /// The domain this type is, or null. A domain's other parts are its base type's, so code that
    /// looks at <see cref="Id"/> treats a domain value as its base value; the wire sends the base type.
    /// </summary>
    public Catalog.DomainDef? Domain { get; private init; }

    public static SqlType OfEnum(Catalog.EnumTypeDef e) => new(TypeId.Enum) { Enum = e };

    /// <summary>The composite type (its attributes as the catalog had them) of a <see cref="TypeId.Record"/> value; null for an anonymous record.</summary>
    public Catalog.CompositeTypeDef? Composite { get; private init; }

    public static SqlType OfComposite(Catalog.CompositeTypeDef c) => new(TypeId.Record) { Composite = c };

    public static SqlType OfDomain(Catalog.DomainDef d) =>
        new(d.BaseType.Id, d.BaseType.Length, d.BaseType.Precision, d.BaseType.Scale, d.BaseType.Element) { Enum = d.BaseType.Enum, Composite = d.BaseType.Composite, Domain = d };

    /// <summary>The type with every domain layer taken off (itself when it is no domain).</summary>
    public SqlType BaseType => Domain is null ? this : Domain.BaseType.BaseType;

    /// <summary>The oid of this type in pg_type: the domain's or enum's own, else <see cref="TypeOid"/>.</summary>
    public uint CatalogOid => Domain?.Oid ?? TypeOid;

    // Equality by parts and by which enum/domain (not by the snapshot of its definition).
    public bool Equals(SqlType? other) =>
        other is not null && Id == other.Id && Length == other.Length && Precision == other.Precision && Scale == other.Scale
        && Enum?.Oid == other.Enum?.Oid && Domain?.Oid == other.Domain?.Oid && Composite?.Oid == other.Composite?.Oid
        && Equals(Element, other.Element) && IsVector == other.IsVector;

    public override int GetHashCode() => HashCode.Combine(Id, Length, Precision, Scale, Enum?.Oid, Domain?.Oid ?? Composite?.Oid, Element, IsVector);

    public static readonly SqlType Unknown = new(TypeId.Unknown);
    public static readonly SqlType Record = new(TypeId.Record);
    public static readonly SqlType Bool = new(TypeId.Bool);
    public static readonly SqlType Int2 = new(TypeId.Int2);
    public static readonly SqlType Int4 = new(TypeId.Int4);
    public static readonly SqlType Int8 = new(TypeId.Int8);
    public static readonly SqlType Numeric = new(TypeId.Numeric);
    public static readonly SqlType Float4 = new(TypeId.Float4);
    public static readonly SqlType Float8 = new(TypeId.Float8);
    public static readonly SqlType Text = new(TypeId.Text);
    public static readonly SqlType Varchar = new(TypeId.Varchar);
    public static readonly SqlType Bpchar = new(TypeId.Bpchar);
    public static readonly SqlType Name = new(TypeId.Name);
    public static readonly SqlType Uuid = new(TypeId.Uuid);
    public static readonly SqlType Date = new(TypeId.Date);
    public static readonly SqlType Timestamp = new(TypeId.Timestamp);
    public static readonly SqlType Timestamptz = new(TypeId.Timestamptz);
    public static readonly SqlType Interval = new(TypeId.Interval);
    public static readonly SqlType Time = new(TypeId.Time);
    public static readonly SqlType Bytea = new(TypeId.Bytea);
    public static readonly SqlType Oid = new(TypeId.Oid);
    public static readonly SqlType RegClass = new(TypeId.RegClass);
    public static readonly SqlType RegType = new(TypeId.RegType);
    public static readonly SqlType RegNamespace = new(TypeId.RegNamespace);
    public static readonly SqlType RegRole = new(TypeId.RegRole);
    public static readonly SqlType RegProc = new(TypeId.RegProc);
    public static readonly SqlType Int2Vector = new(TypeId.Array, element: Int2) { IsVector = true };
    public static readonly SqlType RegProcedure = new(TypeId.RegProcedure);
    public static readonly SqlType Void = new(TypeId.Void);
    public static readonly SqlType Inet = new(TypeId.Inet);
    public static readonly SqlType Cidr = new(TypeId.Cidr);
    public static readonly SqlType Xid = new(TypeId.Xid);
    public static readonly SqlType TsVector = new(TypeId.TsVector);
    public static readonly SqlType TsQuery = new(TypeId.TsQuery);
    public static readonly SqlType RegConfig = new(TypeId.RegConfig);
    public static readonly SqlType Json = new(TypeId.Json);
    public static readonly SqlType Jsonb = new(TypeId.Jsonb);
    public static readonly SqlType Point = new(TypeId.Point);
    public static readonly SqlType Lseg = new(TypeId.Lseg);
    public static readonly SqlType Path = new(TypeId.Path);
    public static readonly SqlType Box = new(TypeId.Box);
    public static readonly SqlType Polygon = new(TypeId.Polygon);
    public static readonly SqlType Line = new(TypeId.Line);
    public static readonly SqlType Circle = new(TypeId.Circle);

    /// <summary>One of PostgreSQL's geometric types (typcategory G).</summary>
    public bool IsGeometric => Id is TypeId.Point or TypeId.Lseg or TypeId.Path or TypeId.Box or TypeId.Polygon or TypeId.Line or TypeId.Circle;

    public static SqlType VarcharOf(int length) => new(TypeId.Varchar, length: length);
    public static SqlType BpcharOf(int length) => new(TypeId.Bpchar, length: length);
    public static SqlType NumericOf(int precision, int scale) => new(TypeId.Numeric, precision: precision, scale: scale);
    public static SqlType TimestampOf(int precision) => new(TypeId.Timestamp, precision: precision);
    public static SqlType TimestamptzOf(int precision) => new(TypeId.Timestamptz, precision: precision);
    public static SqlType TimeOf(int precision) => new(TypeId.Time, precision: precision);

    /// <summary>
    /// The type with these parts (loading a database file): the shared instance when there is no
    /// modifier, as every other code path produces.
    /// </summary>
    internal static SqlType FromParts(TypeId id, int length, int precision, int scale, SqlType? element = null) =>
        element is not null ? ArrayOf(element) : length < 0 && precision < 0 && scale < 0 && Unmodified.TryGetValue(id, out var shared) ? shared : new(id, length, precision, scale);

    private static readonly Dictionary<TypeId, SqlType> Unmodified = new[]
    {
        Unknown, Bool, Int2, Int4, Int8, Numeric, Float4, Float8, Text, Varchar, Bpchar, Name, Uuid, Date,
        Timestamp, Timestamptz, Interval, Bytea, Oid, RegClass, Void, Inet, Cidr, RegType, RegNamespace, RegRole, Xid, RegProc, RegProcedure, TsVector, TsQuery, RegConfig, Time, Json, Jsonb,
        Point, Lseg, Path, Box, Polygon, Line, Circle,
    }.ToDictionary(t => t.Id);

    /// <summary>The same base type without a modifier (what expressions over this type produce).</summary>
    public SqlType WithoutModifier() => Domain is not null ? BaseType.WithoutModifier() : Id switch
    {
        TypeId.Array when Element!.HasModifier => ArrayOf(Element.WithoutModifier()),
        TypeId.Varchar when Length >= 0 => Varchar,
        TypeId.Bpchar when Length >= 0 => Bpchar,
        TypeId.Numeric when Precision >= 0 => Numeric,
        TypeId.Timestamp when Precision >= 0 => Timestamp,
        TypeId.Timestamptz when Precision >= 0 => Timestamptz,
        TypeId.Time when Precision >= 0 => Time,
        _ => this,
    };

    public bool HasModifier => Length >= 0 || Precision >= 0 || (Element?.HasModifier ?? false);

    /// <summary>PostgreSQL's type OID.</summary>
    public uint TypeOid => Id switch
    {
        TypeId.Array => IsVector ? 22 : Element!.Composite is { } ec ? ec.ArrayOid : ArrayTypes.ArrayOid(Element!.TypeOid),
        TypeId.Bool => 16,
        TypeId.Bytea => 17,
        TypeId.Name => 19,
        TypeId.Int8 => 20,
        TypeId.Int2 => 21,
        TypeId.Int4 => 23,
        TypeId.Text => 25,
        TypeId.Oid => 26,
        TypeId.Xid => 28,
        TypeId.Cidr => 650,
        TypeId.Float4 => 700,
        TypeId.Float8 => 701,
        TypeId.Unknown => 705,
        TypeId.Inet => 869,
        TypeId.Bpchar => 1042,
        TypeId.Varchar => 1043,
        TypeId.Date => 1082,
        TypeId.Time => 1083,
        TypeId.Timestamp => 1114,
        TypeId.Timestamptz => 1184,
        TypeId.Interval => 1186,
        TypeId.Numeric => 1700,
        TypeId.RegClass => 2205,
        TypeId.RegType => 2206,
        TypeId.RegNamespace => 4089,
        TypeId.RegRole => 4096,
        TypeId.RegProc => 24,
        TypeId.RegProcedure => 2202,
        TypeId.Record => Composite?.Oid ?? 2249,
        TypeId.Void => 2278,
        TypeId.Uuid => 2950,
        TypeId.TsVector => 3614,
        TypeId.TsQuery => 3615,
        TypeId.RegConfig => 3734,
        TypeId.Json => 114,
        TypeId.Jsonb => 3802,
        TypeId.Point => 600,
        TypeId.Lseg => 601,
        TypeId.Path => 602,
        TypeId.Box => 603,
        TypeId.Polygon => 604,
        TypeId.Line => 628,
        TypeId.Circle => 718,
        TypeId.Enum => Enum!.Oid,
        _ => 0,
    };

    /// <summary>PostgreSQL's typlen: bytes of a fixed-size value, or -1 for variable length.</summary>
    public short StorageLength => Id switch
    {
        TypeId.Bool => 1,
        TypeId.Int2 => 2,
        TypeId.Int4 or TypeId.Float4 or TypeId.Date or TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.RegProc or TypeId.RegProcedure or TypeId.Xid or TypeId.RegConfig => 4,
        TypeId.Int8 or TypeId.Float8 or TypeId.Timestamp or TypeId.Timestamptz or TypeId.Time => 8,
        TypeId.Interval or TypeId.Uuid or TypeId.Point => 16,
        TypeId.Lseg or TypeId.Box => 32,
        TypeId.Line or TypeId.Circle => 24,
        TypeId.Name => 64,
        TypeId.Void or TypeId.Enum => 4,
        TypeId.Unknown => -2,
        _ => -1,
    };

    /// <summary>PostgreSQL's atttypmod as sent in RowDescription; -1 when there is none.</summary>
    public int TypeModifier => Id switch
    {
        TypeId.Array => Element!.TypeModifier,
        TypeId.Varchar or TypeId.Bpchar when Length >= 0 => Length + 4,
        TypeId.Numeric when Precision >= 0 => ((Precision << 16) | (Scale & 0xffff)) + 4,
        TypeId.Timestamp or TypeId.Timestamptz or TypeId.Time when Precision >= 0 => Precision,
        _ => -1,
    };

    /// <summary>True for the types psql right-aligns (numbers).</summary>
    public bool IsNumeric => Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric
        or TypeId.Float4 or TypeId.Float8 or TypeId.Oid;

    public bool IsInteger => Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8;

    public bool IsString => Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown;

    /// <summary>The name PostgreSQL's format_type prints, e.g. <c>character varying(20)</c>.</summary>
    public string DisplayName => Domain?.Name ?? Id switch
    {
        TypeId.Array => IsVector ? "int2vector" : Element!.DisplayName + "[]",
        TypeId.Unknown => "unknown",
        TypeId.Bool => "boolean",
        TypeId.Int2 => "smallint",
        TypeId.Int4 => "integer",
        TypeId.Int8 => "bigint",
        TypeId.Numeric => Precision >= 0 ? $"numeric({Precision},{Scale})" : "numeric",
        TypeId.Float4 => "real",
        TypeId.Float8 => "double precision",
        TypeId.Text => "text",
        TypeId.Varchar => Length >= 0 ? $"character varying({Length})" : "character varying",
        TypeId.Bpchar => Length >= 0 ? $"character({Length})" : "bpchar",
        TypeId.Name => "name",
        TypeId.Uuid => "uuid",
        TypeId.Date => "date",
        TypeId.Timestamp => Precision >= 0 ? $"timestamp({Precision}) without time zone" : "timestamp without time zone",
        TypeId.Timestamptz => Precision >= 0 ? $"timestamp({Precision}) with time zone" : "timestamp with time zone",
        TypeId.Time => Precision >= 0 ? $"time({Precision}) without time zone" : "time without time zone",
        TypeId.Interval => "interval",
        TypeId.Bytea => "bytea",
        TypeId.Oid => "oid",
        TypeId.RegClass => "regclass",
        TypeId.RegType => "regtype",
        TypeId.RegNamespace => "regnamespace",
        TypeId.RegRole => "regrole",
        TypeId.RegProc => "regproc",
        TypeId.RegProcedure => "regprocedure",
        TypeId.Void => "void",
        TypeId.Record => Composite?.Name ?? "record",
        TypeId.Inet => "inet",
        TypeId.Cidr => "cidr",
        TypeId.Xid => "xid",
        TypeId.TsVector => "tsvector",
        TypeId.TsQuery => "tsquery",
        TypeId.RegConfig => "regconfig",
        TypeId.Json => "json",
        TypeId.Jsonb => "jsonb",
        TypeId.Point => "point",
        TypeId.Lseg => "lseg",
        TypeId.Path => "path",
        TypeId.Box => "box",
        TypeId.Polygon => "polygon",
        TypeId.Line => "line",
        TypeId.Circle => "circle",
        TypeId.Enum => Enum!.Name,
        _ => Id.ToString().ToLowerInvariant(),
    };

    /// <summary>The internal type name (pg_type.typname), as used in some messages: int4, varchar, …</summary>
    public string InternalName => Domain is not null ? DisplayName : Id switch
    {
        TypeId.Array => IsVector ? "int2vector" : "_" + Element!.InternalName,
        TypeId.Bool => "bool",
        TypeId.Int2 => "int2",
        TypeId.Int4 => "int4",
        TypeId.Int8 => "int8",
        TypeId.Float4 => "float4",
        TypeId.Float8 => "float8",
        TypeId.Varchar => "varchar",
        TypeId.Bpchar => "bpchar",
        _ => DisplayName,
    };

    public override string ToString() => DisplayName;
}
