using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// Foreign keys referencing partitioned tables, on the referenced side. PostgreSQL gives such a
/// key (one declared on its table, not a partition's copy) a constraint row of its own table for
/// every partition below the referenced table, depth first in bound order, each hanging from the
/// row of the partition's parent (conparentid) and named as a new key of the table would be
/// (fk_a_fkey1, …). Tenon keeps them as <see cref="ForeignKeyDef.ReferencedPartitions"/>: errors
/// raised for a row of a partition name them, pg_constraint lists them, and DETACH / DROP of a
/// referenced partition go through them. They follow the partition trees after every statement
/// that can change one (<see cref="SyncReferencedPartitions"/>).
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>
    /// Brings every key's partition rows in line with the partition tree below its referenced
    /// table: rows of partitions still there (under the same parent) stay as they are, rows of
    /// partitions gone go, and partitions new to the tree get rows with fresh names, in tree order.
    /// </summary>
    private void SyncReferencedPartitions()
    {
        foreach (var tableOid in Catalog.Tables.Keys.ToList())
        {
            var table = Catalog.Table(tableOid);
            foreach (var fk in table.ForeignKeys)
            {
                var referenced = fk.ParentConstraintOid == 0 && Catalog.Tables.TryGetValue(fk.ParentTableOid, out var r) && r.IsPartitioned ? r : null;
                if (referenced is null && fk.ReferencedPartitions.Count == 0) continue;
                var rows = new List<ReferencedPartitionKey>();
                var changed = false;
                if (referenced is not null) Walk(referenced, fk.Oid);
                changed |= rows.Count != fk.ReferencedPartitions.Count;
                if (!changed) continue;
                var current = Catalog.Table(tableOid);
                Catalog = Catalog.PutTable(current with
                {
                    Constraints = current.Constraints.Select(c => c.Oid == fk.Oid ? ((ForeignKeyDef)c) with { ReferencedPartitions = rows.ToArray() } : c).ToArray(),
                });

                void Walk(TableDef parent, uint parentRow)
                {
                    foreach (var partition in PartitionBound.Children(Catalog, parent))
                    {
                        var row = fk.ReferencedPartitions.FirstOrDefault(x => x.PartitionOid == partition.Oid && x.ParentOid == parentRow);
                        if (row is null)
                        {
                            changed = true;
                            var columns = NameGenerator.JoinColumnNames(fk.Columns.Select(n => table.Column(n).Name));
                            var name = NameGenerator.Choose(table.Name, columns, "fkey",
                                n => rows.Any(x => x.Name == n) || Catalog.ConstraintNameUsed(table.Schema, n));
                            row = new ReferencedPartitionKey(Db.NextOid(), name, partition.Oid, parentRow);
                        }
                        rows.Add(row);
                        if (partition.IsPartitioned) Walk(partition, row.Oid);
                    }
                }
            }
        }
    }

    /// <summary>
    /// DETACH of a partition of a referenced table: no row of a key's table may still hold a key
    /// the partition has (23503, naming the key's row for that partition).
    /// </summary>
    private void CheckPartitionRemoval(TableDef partition)
    {
        var writer = new RowWriter(ctx);
        foreach (var table in Catalog.Tables.Values.OrderBy(t => t.Oid).ToList())
            foreach (var fk in table.ForeignKeys)
                foreach (var row in fk.ReferencedPartitions)
                {
                    if (row.PartitionOid != partition.Oid) continue;
                    if (writer.FirstRowReferencing(table, fk, partition) is not { } found) continue;
                    var parent = Catalog.Table(fk.ParentTableOid);
                    var columns = RowWriter.KeyColumnList(parent, fk.ParentColumns, quote: false);
                    var values = writer.KeyValueList(table, fk.Columns, found);
                    throw new TenonException(SqlState.ForeignKeyViolation, $"removing partition \"{partition.Name}\" violates foreign key constraint \"{row.Name}\"",
                        $"Key ({columns})=({values}) is still referenced from table \"{table.Name}\".")
                    { SchemaName = table.Schema, TableName = table.Name, ConstraintName = row.Name };
                }
    }

    /// <summary>The declared keys with a partition row for <paramref name="partitionOid"/>: they depend on that partition (DROP TABLE).</summary>
    private IEnumerable<ForeignKeyDef> KeysThroughPartition(uint partitionOid) =>
        Catalog.Tables.Values.SelectMany(t => t.ForeignKeys).Where(fk => fk.ReferencedPartitions.Any(r => r.PartitionOid == partitionOid));
}
