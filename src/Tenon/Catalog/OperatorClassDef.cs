using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>A user-defined operator family (pg_opfamily) of access method btree or hash.</summary>
public sealed record OpFamilyDef(string Name, uint Oid, string Schema, string Method);

/// <summary>An operator of an operator class (pg_amop): its strategy number, name and operand types.</summary>
public sealed record OpClassOperator(int Strategy, string Operator, SqlType Left, SqlType Right);

/// <summary>A support function of an operator class (pg_amproc): its number, the function's oid and the operand types it serves.</summary>
public sealed record OpClassFunction(int Number, uint FunctionOid, SqlType Left, SqlType Right);

/// <summary>
/// A user-defined operator class (pg_opclass) of access method btree or hash, in family
/// <see cref="FamilyOid"/>. Partition keys use one by oid (PartitionKeyDef.OpClasses): a hash
/// class's support function 2 computes the key's hash for partition routing.
/// </summary>
public sealed record OpClassDef(string Name, uint Oid, string Schema, string Method, uint FamilyOid, SqlType InputType, bool IsDefault)
{
    public IReadOnlyList<OpClassOperator> Operators { get; init; } = Array.Empty<OpClassOperator>();
    public IReadOnlyList<OpClassFunction> Functions { get; init; } = Array.Empty<OpClassFunction>();

    /// <summary>The support function of this number, or 0.</summary>
    public uint SupportFunction(int number)
    {
        foreach (var f in Functions)
            if (f.Number == number) return f.FunctionOid;
        return 0;
    }
}
