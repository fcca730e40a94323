using Tenon.Sql.Ast;
using MatchType = Tenon.Sql.Ast.MatchType;

namespace Tenon.Catalog;

/// <summary>
/// A table constraint (pg_constraint). Subclasses: <see cref="KeyConstraintDef"/> (PRIMARY KEY,
/// UNIQUE), <see cref="CheckConstraintDef"/>, <see cref="ForeignKeyDef"/>. NOT NULL is a column
/// property, as in PostgreSQL 15. Immutable: DDL replaces the record.
/// </summary>
public abstract record ConstraintDef(string Name, uint Oid, uint TableOid)
{
    /// <summary>pg_constraint.contype: p, u, c, f.</summary>
    public abstract char Kind { get; }
    public bool Deferrable { get; init; }
    public bool InitiallyDeferred { get; init; }
    /// <summary>False for a NOT VALID constraint not yet validated.</summary>
    public bool Validated { get; init; } = true;
    /// <summary>On a partition: the partitioned table's constraint this one was copied from (pg_constraint.conparentid), else 0.</summary>
    public uint ParentConstraintOid { get; init; }
    /// <summary>pg_constraint.coninhcount: how many parent tables (table inheritance) pass this CHECK down.</summary>
    public int InheritCount { get; init; }
    /// <summary>pg_constraint.conislocal: whether the table defines the constraint itself, not only by inheritance.</summary>
    public bool IsLocal { get; init; } = true;
}

/// <summary>
/// PRIMARY KEY or UNIQUE: backed by the unique index of the same name. Also an equality EXCLUDE
/// constraint (<see cref="IsExclusion"/>), which is backed by a non-unique index and rejects the
/// same rows a UNIQUE constraint would, with its own errors.
/// </summary>
public sealed record KeyConstraintDef(string Name, uint Oid, uint TableOid, bool IsPrimary, IReadOnlyList<short> Columns) : ConstraintDef(Name, Oid, TableOid)
{
    public override char Kind => IsExclusion ? 'x' : IsPrimary ? 'p' : 'u';
    public bool IsExclusion { get; init; }
    public bool NullsNotDistinct { get; init; }
    /// <summary>Oid of the backing index.</summary>
    public uint IndexOid { get; init; }
}

/// <summary>CHECK (expr). <see cref="SourceText"/> is the expression as written.</summary>
public sealed record CheckConstraintDef(string Name, uint Oid, uint TableOid, Expr Condition, string SourceText) : ConstraintDef(Name, Oid, TableOid)
{
    public override char Kind => 'c';
    public bool NoInherit { get; init; }
    /// <summary>The columns the expression uses (its pg_depend rows), in the order they first appear (pg_constraint.conkey).</summary>
    public IReadOnlyList<short> Columns { get; init; } = Array.Empty<short>();
}

/// <summary>
/// FOREIGN KEY (child columns) REFERENCES parent (parent columns). The parent columns are always
/// resolved (to the primary key when none were written) and <see cref="ParentIndexOid"/> is the
/// unique index that backs them, chosen when the constraint was created.
/// </summary>
public sealed record ForeignKeyDef(string Name, uint Oid, uint TableOid, IReadOnlyList<short> Columns,
    uint ParentTableOid, IReadOnlyList<short> ParentColumns) : ConstraintDef(Name, Oid, TableOid)
{
    public override char Kind => 'f';
    public uint ParentIndexOid { get; init; }
    public MatchType Match { get; init; } = MatchType.Simple;
    public ReferentialAction OnDelete { get; init; } = ReferentialAction.NoAction;
    public ReferentialAction OnUpdate { get; init; } = ReferentialAction.NoAction;
    /// <summary>Columns set by ON DELETE SET NULL/SET DEFAULT (cols); null = all FK columns.</summary>
    public IReadOnlyList<short>? OnDeleteSetColumns { get; init; }

    /// <summary>
    /// For a key (not a partition's copy) referencing a partitioned table: the constraint rows
    /// PostgreSQL adds on this key's table for each partition below the referenced table (one
    /// per partition, in the order they were made). They carry no checks of their own; they name
    /// the partition's side of the key in errors and in pg_constraint.
    /// </summary>
    public IReadOnlyList<ReferencedPartitionKey> ReferencedPartitions { get; init; } = [];
}

/// <summary>
/// One of a foreign key's constraint rows for a partition of its referenced table: its own oid
/// and name, the partition (confrelid), and the row it hangs from (the key's, or the one of the
/// partition's parent), which is pg_constraint.conparentid.
/// </summary>
public sealed record ReferencedPartitionKey(uint Oid, string Name, uint PartitionOid, uint ParentOid);
