using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// A sequence's definition (pg_sequence). Its current value lives in <see cref="SequenceState"/>,
/// outside transactional storage: as in PostgreSQL, nextval is never rolled back.
/// </summary>
public sealed record SequenceDef(string Name, uint Oid, string Schema)
{
    public SqlType DataType { get; init; } = SqlType.Int8;
    public long Start { get; init; } = 1;
    public long Increment { get; init; } = 1;
    public long MinValue { get; init; } = 1;
    public long MaxValue { get; init; } = long.MaxValue;
    public long Cache { get; init; } = 1;
    public bool Cycle { get; init; }
    /// <summary>CREATE UNLOGGED SEQUENCE, or owned by an unlogged table: pg_class.relpersistence 'u'.</summary>
    public bool Unlogged { get; init; }
    /// <summary>Owning table oid and column number (serial/identity or OWNED BY), or 0.</summary>
    public uint OwnerTableOid { get; init; }
    public short OwnerColumn { get; init; }
    public SequenceState State { get; init; } = new();
}

/// <summary>Mutable, non-transactional state of one sequence.</summary>
public sealed class SequenceState
{
    /// <summary>Taken to read or change the state (nextval takes it once per call: a Lock stays in managed code).</summary>
    public Lock Gate { get; } = new();

    public long LastValue { get; set; }
    public bool IsCalled { get; set; }
    public bool Initialized { get; set; }
}
