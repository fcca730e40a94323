namespace Tenon.Catalog;

/// <summary>
/// A table (pg_class relkind 'r' with its pg_attribute rows, constraints and indexes).
/// Immutable: DDL produces a new TableDef and a new <see cref="SystemCatalog"/>.
/// Column numbers are 1-based and stable (dropped columns stay as <see cref="ColumnDef.IsDropped"/>),
/// so a stored row has one slot per entry of <see cref="Columns"/>.
/// </summary>
public sealed partial record TableDef(uint Oid, string Schema, string Name, IReadOnlyList<ColumnDef> Columns)
{
    private readonly IReadOnlyList<ConstraintDef> _constraints = Array.Empty<ConstraintDef>();
    // Derived from the constraints when they are set (also by `with`), since writers read them per row.
    private readonly ForeignKeyDef[] _foreignKeys = [];
    private readonly CheckConstraintDef[] _checks = [];

    public IReadOnlyList<ConstraintDef> Constraints
    {
        get => _constraints;
        init
        {
            _constraints = value;
            _foreignKeys = value.OfType<ForeignKeyDef>().ToArray();
            _checks = value.OfType<CheckConstraintDef>().ToArray();
        }
    }
    /// <summary>Indexes in creation order; the storage keeps one IndexStore per entry, in the same order.</summary>
    public IReadOnlyList<IndexDef> Indexes { get; init; } = Array.Empty<IndexDef>();
    public bool Temporary { get; init; }
    /// <summary>What COMMIT does to a temporary table (ON COMMIT …).</summary>
    public TempOnCommit OnCommit { get; init; }

    /// <summary>The partition key of a partitioned table (relkind 'p'), else null.</summary>
    public PartitionKeyDef? PartitionKey { get; init; }
    /// <summary>For a partition: the partitioned table it belongs to (pg_inherits), else 0.</summary>
    public uint PartitionParent { get; init; }
    /// <summary>For a partition: its bound.</summary>
    public PartitionBoundDef? PartitionBound { get; init; }

    /// <summary>
    /// The tables this one inherits from (INHERITS, ALTER TABLE … INHERIT), in pg_inherits.inhseqno
    /// order; empty for a table outside an inheritance tree. Partitions use <see cref="PartitionParent"/>.
    /// </summary>
    public IReadOnlyList<uint> InheritsFrom { get; init; } = Array.Empty<uint>();

    /// <summary>For a materialized view: its query and whether it is populated, else null.</summary>
    public MatViewDef? MatView { get; init; }

    /// <summary>CREATE UNLOGGED TABLE or SET UNLOGGED: pg_class.relpersistence 'u' (Tenon writes no WAL either way).</summary>
    public bool Unlogged { get; init; }
    /// <summary>Storage parameters (pg_class.reloptions), each "name=value", in PostgreSQL's order.</summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();
    /// <summary>The toast table's storage parameters (toast.name = value), kept though Tenon has no toast table to show them on.</summary>
    public IReadOnlyList<string> ToastOptions { get; init; } = Array.Empty<string>();
    /// <summary>For a typed table (CREATE TABLE … OF type, ALTER TABLE … OF type): the composite type's oid (pg_class.reloftype), else 0.</summary>
    public uint OfType { get; init; }
    /// <summary>pg_class.relreplident: 'd' (default), 'f' (full), 'n' (nothing) or 'i' (the index <see cref="ReplicaIdentityIndex"/>).</summary>
    public char ReplicaIdentity { get; init; } = 'd';
    /// <summary>The index REPLICA IDENTITY USING INDEX named (pg_index.indisreplident), or 0.</summary>
    public uint ReplicaIdentityIndex { get; init; }
    /// <summary>The index CLUSTER ON marked (pg_index.indisclustered), or 0.</summary>
    public uint ClusterIndex { get; init; }

    public bool IsPartitioned => PartitionKey is not null;
    public bool IsMatView => MatView is not null;
    public bool IsPartition => PartitionParent != 0;

    public string QualifiedName => $"{Schema}.{Name}";

    /// <summary>Finds a live column by name (names are already case-folded), or null.</summary>
    public ColumnDef? FindColumn(string name)
    {
        foreach (var c in Columns)
            if (!c.IsDropped && c.Name == name) return c;
        return null;
    }

    public ColumnDef Column(short number) => Columns[number - 1];

    public IEnumerable<ColumnDef> LiveColumns => Columns.Where(c => !c.IsDropped);

    public KeyConstraintDef? PrimaryKey => Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IsPrimary);

    public IReadOnlyList<ForeignKeyDef> ForeignKeys => _foreignKeys;

    public IReadOnlyList<CheckConstraintDef> Checks => _checks;

    public ConstraintDef? FindConstraint(string name) => Constraints.FirstOrDefault(c => c.Name == name);

    public int IndexPosition(uint indexOid)
    {
        for (var i = 0; i < Indexes.Count; i++)
            if (Indexes[i].Oid == indexOid) return i;
        return -1;
    }
}

/// <summary>A temporary table's ON COMMIT action.</summary>
public enum TempOnCommit { PreserveRows, DeleteRows, Drop }
