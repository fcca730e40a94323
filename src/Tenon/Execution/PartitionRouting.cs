using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// Tuple routing and partition constraints. A partitioned table stores no rows: a row written to
/// it goes down the tree, level by level, to the leaf partition whose bound accepts the row's key
/// (the default partition when none does), and is converted to that leaf's column layout on the
/// way (an attached table may order its columns differently). A row written to a partition
/// directly must satisfy the bounds of the partition and of each of its ancestors.
/// </summary>
public sealed class PartitionRouter(ExecContext ctx)
{
    private readonly Dictionary<uint, BoundExpr?[]> _keyExprs = new();

    private SystemCatalog Catalog => ctx.Transaction.Catalog;

    /// <summary>The partition key of a row of <paramref name="table"/> (in that table's layout).</summary>
    public object?[] KeyOf(TableDef table, object?[] row)
    {
        var key = table.PartitionKey!;
        if (!_keyExprs.TryGetValue(table.Oid, out var exprs))
        {
            exprs = new BoundExpr?[key.Count];
            for (var i = 0; i < key.Count; i++)
                if (key.Columns[i] == 0) exprs[i] = new Binder(ctx).BindExpr(key.Expressions[i]!, RowWriter.TableScope(table));
            _keyExprs[table.Oid] = exprs;
        }
        var values = new object?[key.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = key.Columns[i] != 0 ? row[key.Columns[i] - 1] : exprs[i]!.Eval(row, ctx);
        return values;
    }

    /// <summary>
    /// The hash of a key for hash partitioning: PostgreSQL's built-in hash of each part, or for a
    /// part whose key names a user-defined operator class, that class's support function 2 called
    /// with the value and the partitioning seed (NULL results count as 0, as PostgreSQL's do).
    /// </summary>
    public ulong RowHash(PartitionKeyDef key, object?[] values)
    {
        if (key.OpClasses.Count == 0) return PartitionHash.Combine(key, values);
        return PartitionHash.Combine(key, values, (i, v) =>
        {
            var opclass = Catalog.Routines.OpClasses.GetValueOrDefault(key.OpClass(i))
                ?? throw new TenonException(SqlState.InternalError, $"cache lookup failed for opclass {key.OpClass(i)}");
            var oid = opclass.SupportFunction(2);
            if (oid == 0)
                throw new TenonException(SqlState.UndefinedObject, $"operator class \"{opclass.Name}\" of access method hash is missing support function 2 for type {key.Types[i].DisplayName}");
            var f = Catalog.Functions.GetValueOrDefault(oid)
                ?? throw new TenonException(SqlState.InternalError, $"cache lookup failed for function {oid}");
            var result = Routines.RoutineRuntime.Call(f, [v, unchecked((long)PartitionHash.Seed)], ctx);
            return result is long l ? unchecked((ulong)l) : 0;
        });
    }

    /// <summary>The partition of <paramref name="table"/> that takes a row, or null when none does.</summary>
    public TableDef? FindChild(TableDef table, object?[] row)
    {
        var key = table.PartitionKey!;
        var values = KeyOf(table, row);
        var hash = key.Strategy == PartitionStrategy.Hash ? RowHash(key, values) : 0;
        TableDef? fallback = null;
        foreach (var child in PartitionBound.Children(Catalog, table))
        {
            if (child.PartitionBound!.IsDefault) { fallback = child; continue; }
            if (PartitionBound.Accepts(key, child.PartitionBound, values, hash)) return child;
        }
        return fallback;
    }

    /// <summary>
    /// The leaf partition a row written to <paramref name="target"/> goes to, and the row in that
    /// leaf's layout; 23514 when a level has no partition for it. A target that is itself a
    /// partition first checks its own partition constraint.
    /// </summary>
    public (TableDef Leaf, object?[] Row) Route(TableDef target, object?[] row)
    {
        if (target.IsPartition) CheckConstraint(target, row);
        var table = target;
        while (table.IsPartitioned)
        {
            var child = FindChild(table, row)
                ?? throw NoPartition(table, row);
            row = MapRow(table, child, row);
            table = child;
        }
        return (table, row);
    }

    /// <summary>23514 unless a row (in the partition's layout) satisfies the partition's bound and those above it.</summary>
    public void CheckConstraint(TableDef partition, object?[] row)
    {
        if (!SatisfiesConstraint(partition, row))
            throw new TenonException(SqlState.CheckViolation, $"new row for relation \"{partition.Name}\" violates partition constraint",
                $"Failing row contains {new RowWriter(ctx).FailingRow(partition, row)}.")
            { SchemaName = partition.Schema, TableName = partition.Name };
    }

    /// <summary>Whether a row (in the partition's layout) belongs in the partition, at every level up to the root.</summary>
    public bool SatisfiesConstraint(TableDef partition, object?[] row)
    {
        var table = partition;
        while (table.PartitionParent != 0 && Catalog.Tables.TryGetValue(table.PartitionParent, out var parent))
        {
            var parentRow = MapRow(table, parent, row);
            if (!BelongsTo(parent, table, parentRow)) return false;
            table = parent;
            row = parentRow;
        }
        return true;
    }

    /// <summary>Whether a row of <paramref name="parent"/> belongs in its partition <paramref name="child"/> (the default partition takes what no sibling does).</summary>
    public bool BelongsTo(TableDef parent, TableDef child, object?[] parentRow)
    {
        var bound = child.PartitionBound!;
        if (!bound.IsDefault)
        {
            var key = parent.PartitionKey!;
            var values = KeyOf(parent, parentRow);
            var hash = key.Strategy == PartitionStrategy.Hash ? RowHash(key, values) : 0;
            return PartitionBound.Accepts(key, bound, values, hash);
        }
        return FindChild(parent, parentRow) is { } found && found.Oid == child.Oid;
    }

    private TenonException NoPartition(TableDef table, object?[] row)
    {
        var key = table.PartitionKey!;
        var values = KeyOf(table, row);
        var names = string.Join(", ", Enumerable.Range(0, key.Count).Select(i => KeyColumnText(ctx, table, i)));
        var texts = string.Join(", ", values.Select((v, i) => v is null ? "null" : ctx.Session.FormatValue(v, key.Types[i])));
        return new TenonException(SqlState.CheckViolation, $"no partition of relation \"{table.Name}\" found for row",
            MaySeeKey(table) ? $"Partition key of the failing row contains ({names}) = ({texts})." : null)
        { SchemaName = table.Schema, TableName = table.Name };
    }

    /// <summary>
    /// Whether the current user may see the failing key (ExecBuildSlotPartitionKeyDescription): with
    /// SELECT on the table, or on every key column when the key has no expressions.
    /// </summary>
    private bool MaySeeKey(TableDef table)
    {
        var catalog = ctx.Transaction.Catalog;
        if (ctx.Session.IsSuperuser(catalog.Auth)) return true;
        var role = ctx.Session.CurrentUserOid(catalog.Auth);
        if ((Privileges.Held(catalog, role, new ObjectKey(ObjectKey.Relation, table.Oid)) & Privilege.Select) != 0) return true;
        var key = table.PartitionKey!;
        for (var i = 0; i < key.Count; i++)
            if (key.Columns[i] == 0 || (Privileges.HeldOnColumn(catalog, role, table.Oid, key.Columns[i]) & Privilege.Select) == 0) return false;
        return true;
    }

    /// <summary>A key part as PostgreSQL prints it: the column name, or the expression in parentheses unless it is a function call.</summary>
    public static string KeyColumnText(ExecContext ctx, TableDef table, int i)
    {
        var key = table.PartitionKey!;
        if (key.Columns[i] != 0) return table.Column(key.Columns[i]).Name;
        return CatalogDefinitions.ExpressionText(ctx, table, key.Expressions[i]!);
    }

    /// <summary>A row of <paramref name="from"/> in the column layout of <paramref name="to"/> (columns matched by name).</summary>
    public static object?[] MapRow(TableDef from, TableDef to, object?[] row)
    {
        if (SameLayout(from, to)) return row;
        var result = new object?[to.Columns.Count];
        foreach (var c in to.Columns)
            if (!c.IsDropped && from.FindColumn(c.Name) is { } source)
                result[c.Number - 1] = row[source.Number - 1];
        return result;
    }

    public static bool SameLayout(TableDef a, TableDef b)
    {
        if (a.Columns.Count != b.Columns.Count) return false;
        for (var i = 0; i < a.Columns.Count; i++)
            if (a.Columns[i].IsDropped != b.Columns[i].IsDropped || !a.Columns[i].IsDropped && a.Columns[i].Name != b.Columns[i].Name) return false;
        return true;
    }
}
