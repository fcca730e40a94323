using Tenon.Catalog;
using Tenon.Errors;

namespace Tenon.Execution;

/// <summary>
/// Row triggers of partitioned tables, as PostgreSQL keeps them: a row trigger created on a
/// partitioned table is cloned onto every partition below it (and onto partitions created or
/// attached later), and the clone is what fires for rows stored there, as a trigger of the
/// partition. Clones follow their parent trigger (CREATE OR REPLACE, ENABLE/DISABLE, DROP), are
/// dropped when their partition is detached, and cannot be dropped on their own. Statement
/// triggers are not cloned: they fire for the table the statement names.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>Clones (or, for CREATE OR REPLACE, updates the clones of) a row trigger onto the partitions of its table, recursively.</summary>
    private void CloneTriggerToPartitions(TriggerDef trigger)
    {
        if (!trigger.ForEachRow || !Catalog.Tables.TryGetValue(trigger.TableOid, out var table) || !table.IsPartitioned) return;
        foreach (var child in PartitionBound.Children(Catalog, table)) CloneTrigger(trigger, child);
    }

    /// <summary>Gives a new or attached partition the row triggers of the partitioned table above it.</summary>
    private void CloneParentTriggers(TableDef parent, TableDef partition)
    {
        foreach (var trigger in Catalog.TriggersOf(parent.Oid))
            if (trigger.ForEachRow) CloneTrigger(trigger, partition);
    }

    private void CloneTrigger(TriggerDef trigger, TableDef partition)
    {
        var existing = Catalog.TriggersOf(partition.Oid).FirstOrDefault(t => t.Name == trigger.Name);
        if (existing is not null && existing.ParentOid != trigger.Oid)
            throw new TenonException(SqlState.DuplicateObject, $"trigger \"{trigger.Name}\" for relation \"{partition.Name}\" already exists");
        var clone = trigger with { Oid = existing?.Oid ?? Db.NextOid(), TableOid = partition.Oid, ParentOid = trigger.Oid };
        Catalog = Catalog.PutTrigger(clone);
        if (partition.IsPartitioned)
            foreach (var child in PartitionBound.Children(Catalog, partition)) CloneTrigger(clone, child);
    }

    /// <summary>The clones of a trigger, at every level below its table.</summary>
    private List<TriggerDef> TriggerClones(TriggerDef trigger)
    {
        var result = new List<TriggerDef>();
        foreach (var t in Catalog.Routines.Triggers.Values)
            if (t.ParentOid == trigger.Oid)
            {
                result.Add(t);
                result.AddRange(TriggerClones(t));
            }
        return result;
    }

    /// <summary>A detached partition keeps its own triggers and loses the clones of its former parent's.</summary>
    private void DropClonedTriggers(TableDef partition, TableDef parent)
    {
        foreach (var t in Catalog.TriggersOf(partition.Oid))
            if (t.ParentOid != 0 && Catalog.Routines.Triggers.TryGetValue(t.ParentOid, out var from) && from.TableOid == parent.Oid)
            {
                foreach (var clone in TriggerClones(t)) Catalog = Catalog.RemoveTrigger(clone.Oid);
                Catalog = Catalog.RemoveTrigger(t.Oid);
            }
    }

    /// <summary>DROP TRIGGER of a clone: PostgreSQL refuses, naming the trigger it belongs to.</summary>
    private TenonException ClonedTriggerRequired(TriggerDef clone)
    {
        var parent = Catalog.Routines.Triggers[clone.ParentOid];
        var parentTable = Catalog.RelationName(parent.TableOid);
        return new TenonException(SqlState.DependentObjectsStillExist,
            $"cannot drop trigger {clone.Name} on table {Catalog.RelationName(clone.TableOid)} because trigger {parent.Name} on table {parentTable} requires it",
            hint: $"You can drop trigger {parent.Name} on table {parentTable} instead.");
    }
}
