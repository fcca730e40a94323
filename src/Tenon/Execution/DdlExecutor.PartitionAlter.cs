using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// What ALTER TABLE may not do to one level of a partition tree: a partition's columns, NOT NULL
/// marks and CHECK constraints come from its parent, so they change only through the parent; and a
/// partitioned table's columns and CHECK / NOT NULL constraints change in all its partitions at once
/// (ALTER TABLE ONLY is refused while it has partitions). Checked before each action, in the order
/// PostgreSQL's checks come; the recursion from a partitioned table to its partitions is exempt.
/// </summary>
public sealed partial class DdlExecutor
{
    private void GuardPartitionAlter(TableDef table, AlterTableAction action, bool only, bool recursing)
    {
        if (recursing) return;
        var hasPartitions = table.IsPartitioned && PartitionBound.Children(Catalog, table).Count > 0;
        var partitionOnly = only && hasPartitions;
        var parent = table.IsPartition ? Catalog.Table(table.PartitionParent) : null;
        switch (action)
        {
            case AddColumnAction:
                if (parent is not null) throw new TenonException(SqlState.WrongObjectType, "cannot add column to a partition");
                if (partitionOnly) throw new TenonException(SqlState.InvalidTableDefinition, "column must be added to child tables too");
                break;
            case DropColumnAction drop when table.FindColumn(drop.Column) is { } col:
                if (parent is not null) throw InheritedColumn("drop", col);
                if (table.IsPartitioned && !only) GuardLowerPartitionKeys(table, col.Name, "drop");
                if (partitionOnly)
                    throw new TenonException(SqlState.InvalidTableDefinition, "cannot drop column from only the partitioned table when partitions exist",
                        hint: "Do not specify the ONLY keyword.");
                break;
            case RenameColumnAction rename:
                if (partitionOnly)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"inherited column \"{rename.OldName}\" must be renamed in child tables too");
                if (parent is not null && table.FindColumn(rename.OldName) is { } renamed) throw InheritedColumn("rename", renamed);
                break;
            case AlterColumnAction { Kind: AlterColumnKind.SetType } alter when table.FindColumn(alter.Column) is { } altered:
                if (parent is not null) throw InheritedColumn("alter", altered);
                if (table.IsPartitioned && !only) GuardLowerPartitionKeys(table, altered.Name, "alter");
                break;
            case AlterColumnAction { Kind: AlterColumnKind.SetNotNull } setNotNull when partitionOnly && table.FindColumn(setNotNull.Column) is { } marked:
                foreach (var child in PartitionBound.Children(Catalog, table))
                    if (child.FindColumn(marked.Name) is { NotNull: false })
                        throw new TenonException(SqlState.InvalidTableDefinition, "constraint must be added to child tables too",
                            $"Column \"{marked.Name}\" of relation \"{child.Name}\" is not already NOT NULL.", "Do not specify the ONLY keyword.");
                break;
            case AlterColumnAction { Kind: AlterColumnKind.DropNotNull } dropNotNull when table.FindColumn(dropNotNull.Column) is { } unmarked:
                if (partitionOnly)
                    throw new TenonException(SqlState.InvalidTableDefinition, "cannot remove constraint from only the partitioned table when partitions exist",
                        hint: "Do not specify the ONLY keyword.");
                if (parent?.FindColumn(unmarked.Name) is { NotNull: true })
                    throw new TenonException(SqlState.InvalidTableDefinition, $"column \"{unmarked.Name}\" is marked NOT NULL in parent table");
                break;
            case AddConstraintAction { Constraint: CheckTableConstraint { NoInherit: false } } when partitionOnly:
                throw new TenonException(SqlState.InvalidTableDefinition, "constraint must be added to child tables too");
            case DropConstraintAction dropConstraint when table.FindConstraint(dropConstraint.Name) is CheckConstraintDef check:
                if (parent is not null && IsInheritedCheck(parent, check))
                    throw new TenonException(SqlState.InvalidTableDefinition, $"cannot drop inherited constraint \"{check.Name}\" of relation \"{table.Name}\"");
                if (partitionOnly && !check.NoInherit)
                    throw new TenonException(SqlState.InvalidTableDefinition, "cannot remove constraint from only the partitioned table when partitions exist",
                        hint: "Do not specify the ONLY keyword.");
                break;
            case RenameConstraintAction renameConstraint when parent is not null && table.FindConstraint(renameConstraint.OldName) is CheckConstraintDef renamedCheck
                && IsInheritedCheck(parent, renamedCheck):
                throw new TenonException(SqlState.InvalidTableDefinition, $"cannot rename inherited constraint \"{renamedCheck.Name}\"");
        }
    }

    /// <summary>
    /// DETACH … CONCURRENTLY: not in a transaction block, and not while the table has a default
    /// partition. (Tenon does not add the partition constraint as a CHECK constraint, as PostgreSQL does.)
    /// </summary>
    private void CheckDetachConcurrently(TableDef parent)
    {
        if (ctx.Transaction.IsExplicit)
            throw new TenonException(SqlState.ActiveSqlTransaction, "ALTER TABLE ... DETACH CONCURRENTLY cannot run inside a transaction block");
        if (PartitionBound.Children(Catalog, parent).Any(c => c.PartitionBound?.IsDefault == true))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot detach partitions concurrently when a default partition exists");
    }

    private static TenonException InheritedColumn(string verb, ColumnDef col) =>
        new(SqlState.InvalidTableDefinition, $"cannot {verb} inherited column \"{col.Name}\"");

    /// <summary>A partition's CHECK constraint is its parent's when the parent has an inheritable one of that name.</summary>
    private static bool IsInheritedCheck(TableDef parent, CheckConstraintDef check) =>
        parent.Checks.Any(c => c.Name == check.Name && !c.NoInherit);

    /// <summary>A column that partitions a partitioned table further down cannot be dropped or retyped from above.</summary>
    private void GuardLowerPartitionKeys(TableDef table, string column, string verb)
    {
        foreach (var child in PartitionBound.Children(Catalog, table))
        {
            if (child.PartitionKey is { } key && child.FindColumn(column) is { } col && key.Columns.Contains(col.Number))
                throw new TenonException(SqlState.InvalidTableDefinition,
                    $"cannot {verb} column \"{column}\" because it is part of the partition key of relation \"{child.Name}\"");
            if (child.IsPartitioned) GuardLowerPartitionKeys(child, column, verb);
        }
    }
}
