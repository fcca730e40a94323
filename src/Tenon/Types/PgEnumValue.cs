namespace Tenon.Types;

/// <summary>
/// A value of an enum type: the pg_enum row it stands for. It carries its label and sort order so
/// that output and ordering need no catalog (ALTER TYPE … RENAME VALUE rewrites stored values);
/// equality and hashing go by the label's oid alone, as PostgreSQL compares enum values.
/// </summary>
public sealed record PgEnumValue(uint TypeOid, uint Oid, float SortOrder, string Label)
{
    public bool Equals(PgEnumValue? other) => other is not null && other.Oid == Oid;

    public override int GetHashCode() => Oid.GetHashCode();

    public override string ToString() => Label;
}
