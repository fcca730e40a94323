using Tenon.Types;

namespace Tenon.Constraints;

/// <summary>
/// Whether a foreign-key column can reference a key column, decided as PostgreSQL decides it when
/// the constraint is created: the referenced column's unique index has a btree operator family;
/// the pair works when that family has an equality operator for the two types (int2/int4/int8
/// compare with each other, date/timestamp/timestamptz too), or else when the referencing type
/// converts implicitly to the index's input type (so integer may reference numeric, but numeric
/// may not reference integer). Otherwise CREATE fails with 42804 "cannot be implemented".
/// </summary>
public static class ForeignKeyTypes
{
    public static bool Compatible(SqlType referencing, SqlType referenced) =>
        SameFamily(referencing, referenced)
        || ValueCast.RequiredContext(referencing.WithoutModifier(), IndexInputType(referenced)) == CastContext.Implicit;

    /// <summary>
    /// True when the two types compare with a cross-type operator of one family; false when a
    /// compatible pair compares only after converting the referencing value to the referenced
    /// type (then the referenced type's equality applies, e.g. char(n) ignoring trailing blanks).
    /// </summary>
    public static bool SameFamily(SqlType a, SqlType b)
    {
        var family = Family(a.Id);
        return a.Id == b.Id || (family != 0 && family == Family(b.Id));
    }

    // btree operator families (pg_opfamily): each number is one family with cross-type equality.
    private static int Family(TypeId id) => id switch
    {
        TypeId.Int2 or TypeId.Int4 or TypeId.Int8 => 1,     // integer_ops
        TypeId.Float4 or TypeId.Float8 => 2,                 // float_ops
        TypeId.Numeric => 3,
        TypeId.Text or TypeId.Varchar or TypeId.Name => 4,   // text_ops (varchar uses text's opclass; name joined it in PG 12)
        TypeId.Bpchar => 5,
        TypeId.Date or TypeId.Timestamp or TypeId.Timestamptz => 6, // datetime_ops
        TypeId.Bool => 7,
        TypeId.Uuid => 8,
        TypeId.Interval => 9,
        TypeId.Bytea => 10,
        TypeId.Oid or TypeId.RegClass => 11,
        TypeId.Inet or TypeId.Cidr => 12,                  // network_ops (inet_ops and cidr_ops)
        TypeId.Time => 13,                                 // time_ops
        _ => 0,
    };

    // The opclass input type: varchar is indexed with text's opclass, regclass with oid's.
    private static SqlType IndexInputType(SqlType t) => t.Id switch
    {
        TypeId.Varchar => SqlType.Text,
        TypeId.RegClass => SqlType.Oid,
        _ => t.WithoutModifier(),
    };
}
