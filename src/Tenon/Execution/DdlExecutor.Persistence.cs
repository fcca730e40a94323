using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// Table persistence (pg_class.relpersistence: permanent, unlogged, temporary): which tables a
/// foreign key may join, and ALTER TABLE SET LOGGED / SET UNLOGGED. Tenon writes no WAL for any
/// table, so the difference is only in the catalog and in these rules, kept as PostgreSQL has them
/// so that a schema built on Tenon is one PostgreSQL accepts.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>
    /// A permanent table may reference only permanent tables, an unlogged table permanent or
    /// unlogged ones, a temporary table only temporary ones (42P16).
    /// </summary>
    private static void CheckForeignKeyPersistence(TableDef table, TableDef parent)
    {
        if (table.Temporary)
        {
            if (!parent.Temporary)
                throw new TenonException(SqlState.InvalidTableDefinition, "constraints on temporary tables may reference only temporary tables");
        }
        else if (table.Unlogged)
        {
            if (parent.Temporary)
                throw new TenonException(SqlState.InvalidTableDefinition, "constraints on unlogged tables may reference only permanent or unlogged tables");
        }
        else if (parent.Temporary || parent.Unlogged)
            throw new TenonException(SqlState.InvalidTableDefinition, "constraints on permanent tables may reference only permanent tables");
    }

    /// <summary>
    /// SET LOGGED / SET UNLOGGED: nothing to do when the table already is so; a temporary table
    /// cannot change; a table becoming logged may not reference an unlogged table, and one becoming
    /// unlogged may not be referenced by a logged table (a self-reference does not count). The
    /// table's indexes follow it (they have no persistence of their own here) and so do the
    /// sequences it owns, as in PostgreSQL 15.
    /// </summary>
    private void SetPersistence(TableDef table, SetPersistenceAction action)
    {
        if (table.Temporary)
            throw new TenonException(SqlState.InvalidTableDefinition, $"cannot change logged status of table \"{table.Name}\" because it is temporary")
            { SchemaName = table.Schema, TableName = table.Name };
        if (table.IsPartitioned || table.Unlogged != action.Logged) return;
        if (action.Logged)
        {
            foreach (var fk in table.ForeignKeys.OrderBy(f => f.Oid))
                if (fk.ParentTableOid != table.Oid && Catalog.Table(fk.ParentTableOid).Unlogged)
                    throw new TenonException(SqlState.InvalidTableDefinition,
                        $"could not change table \"{table.Name}\" to logged because it references unlogged table \"{Catalog.Table(fk.ParentTableOid).Name}\"")
                    { SchemaName = table.Schema, TableName = table.Name, ConstraintName = fk.Name };
        }
        else
        {
            foreach (var fk in Catalog.ReferencingForeignKeys(table.Oid).OrderBy(f => f.Oid))
                if (fk.TableOid != table.Oid && Catalog.Table(fk.TableOid) is { Unlogged: false, Temporary: false } referencing)
                    throw new TenonException(SqlState.InvalidTableDefinition,
                        $"could not change table \"{table.Name}\" to unlogged because it references logged table \"{referencing.Name}\"")
                    { SchemaName = table.Schema, TableName = table.Name, ConstraintName = fk.Name };
        }
        Catalog = Catalog.PutTable(table with { Unlogged = !action.Logged });
        SetOwnedSequencesPersistence(table.Oid, !action.Logged);
    }

    /// <summary>The sequences a table owns (serial and identity columns) share its persistence.</summary>
    private void SetOwnedSequencesPersistence(uint tableOid, bool unlogged)
    {
        foreach (var seq in Catalog.Sequences.Values.Where(s => s.OwnerTableOid == tableOid && s.Unlogged != unlogged).ToList())
            Catalog = Catalog.PutSequence(seq with { Unlogged = unlogged });
    }
}
