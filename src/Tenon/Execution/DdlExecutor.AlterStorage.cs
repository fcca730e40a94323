using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// ALTER TABLE's storage actions, which change only the catalog: storage parameters (SET / RESET),
/// CLUSTER ON / SET WITHOUT CLUSTER, REPLICA IDENTITY, and a column's SET STORAGE, SET COMPRESSION,
/// SET STATISTICS and SET / RESET (attribute options). Tenon keeps what PostgreSQL would show in
/// pg_class, pg_index and pg_attribute and validates as PostgreSQL does; none of them changes how
/// Tenon stores or reads rows (it has no heap pages, TOAST, statistics or logical replication).
/// </summary>
public sealed partial class DdlExecutor
{
    private static readonly string[] ToastNamespace = ["toast"];

    /// <summary>CREATE TABLE … WITH (…): the table's and its toast table's options, validated.</summary>
    private static (List<string> Heap, List<string> Toast) CreateOptions(IReadOnlyList<RelOption> given, bool partitioned)
    {
        var heap = StorageParameters.Merge([], given, null, ToastNamespace, reset: false, ignoreOids: true);
        StorageParameters.ValidateHeap(heap, partitioned);
        var toast = StorageParameters.Merge([], given, "toast", ToastNamespace, reset: false, ignoreOids: true);
        StorageParameters.ValidateToast(toast);
        return (heap, toast);
    }

    /// <summary>
    /// SET (…) / RESET (…) on a table or materialized view. Toast options are kept only when the
    /// table would have a toast table in PostgreSQL (a column of a variable-length type); otherwise
    /// PostgreSQL ignores them without checking them.
    /// </summary>
    private void SetRelOptions(TableDef table, RelOptionsAction action)
    {
        var heap = StorageParameters.Merge(table.Options, action.Options, null, ToastNamespace, action.Reset);
        StorageParameters.ValidateHeap(heap, table.IsPartitioned);
        var toast = table.ToastOptions;
        if (!table.IsPartitioned && table.LiveColumns.Any(c => DefaultStorage(c.Type) != 'p'))
        {
            toast = StorageParameters.Merge(table.ToastOptions, action.Options, "toast", ToastNamespace, action.Reset);
            StorageParameters.ValidateToast(toast);
        }
        Catalog = Catalog.PutTable(table with { Options = heap, ToastOptions = toast });
    }

    /// <summary>The storage PostgreSQL gives a column of this type (pg_type.typstorage): 'p' for fixed-length types.</summary>
    internal static char DefaultStorage(SqlType type) =>
        BuiltinTypes.ByOid(type.TypeOid)?.Storage ?? (type.IsArray || type.Composite is not null ? 'x' : 'p');

    /// <summary>ALTER COLUMN SET STORAGE {PLAIN | EXTERNAL | EXTENDED | MAIN}.</summary>
    private static ColumnDef SetColumnStorage(ColumnDef col, string name)
    {
        var storage = name.ToLowerInvariant() switch
        {
            "plain" => 'p',
            "external" => 'e',
            "extended" => 'x',
            "main" => 'm',
            _ => throw new TenonException(SqlState.InvalidParameterValue, $"invalid storage type \"{name}\""),
        };
        if (storage != 'p' && DefaultStorage(col.Type) == 'p')
            throw new TenonException(SqlState.FeatureNotSupported, $"column data type {col.Type.DisplayName} can only have storage PLAIN");
        return col with { Storage = storage };
    }

    /// <summary>COMPRESSION method of a column (CREATE TABLE's clause or ALTER COLUMN SET COMPRESSION): pglz, lz4 or default.</summary>
    private static ColumnDef SetColumnCompression(ColumnDef col, string method)
    {
        if (DefaultStorage(col.Type) == 'p')
            throw new TenonException(SqlState.FeatureNotSupported, $"column data type {col.Type.DisplayName} does not support compression");
        char? compression = method switch
        {
            "pglz" => 'p',
            "lz4" => 'l',
            "default" => null,
            _ => throw new TenonException(SqlState.InvalidParameterValue, $"invalid compression method \"{method}\""),
        };
        return col with { Compression = compression };
    }

    /// <summary>ALTER COLUMN SET STATISTICS n: -1 is the default; above 10000 is lowered with a warning.</summary>
    private ColumnDef SetColumnStatistics(ColumnDef col, long target)
    {
        if (target < -1)
            throw new TenonException(SqlState.InvalidParameterValue, $"statistics target {target} is too low");
        if (target > 10000)
        {
            ctx.Session.RaiseNotice(new Notice("WARNING", "01000", "lowering statistics target to 10000"));
            target = 10000;
        }
        return col with { Statistics = target == -1 ? null : (int)target };
    }

    /// <summary>ALTER COLUMN SET (…) / RESET (…): n_distinct and n_distinct_inherited.</summary>
    private static ColumnDef SetColumnOptions(ColumnDef col, IReadOnlyList<RelOption> given, bool reset)
    {
        var options = StorageParameters.Merge(col.Options, given, null, [], reset);
        StorageParameters.ValidateAttribute(options);
        return col with { Options = options };
    }

    /// <summary>
    /// The index CLUSTER ON or REPLICA IDENTITY USING INDEX names: in the table's schema (42704 if
    /// none), an index (42809), and one of this table (42809).
    /// </summary>
    private IndexDef TableIndex(TableDef table, string name)
    {
        var oid = Catalog.LookupRelation(table.Schema, name);
        if (oid == 0)
            throw new TenonException(SqlState.UndefinedObject, $"index \"{name}\" for table \"{table.Name}\" does not exist");
        if (!Catalog.Indexes.TryGetValue(oid, out var index))
            throw new TenonException(SqlState.WrongObjectType, $"\"{name}\" is not an index");
        if (index.TableOid != table.Oid)
            throw new TenonException(SqlState.WrongObjectType, $"\"{name}\" is not an index for table \"{table.Name}\"");
        return index;
    }

    /// <summary>CLUSTER ON index: marks the index CLUSTER would use (PostgreSQL's checks for a clusterable index).</summary>
    private void ClusterOn(TableDef table, string indexName)
    {
        var index = TableIndex(table, indexName);
        if (index.AccessMethod == "hash")
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot cluster on index \"{index.Name}\" because access method does not support clustering");
        if (index.Predicate is not null)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot cluster on partial index \"{index.Name}\"");
        if (table.IsPartitioned)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot mark index clustered in partitioned table");
        Catalog = Catalog.PutTable(table with { ClusterIndex = index.Oid });
    }

    private void SetWithoutCluster(TableDef table)
    {
        if (table.IsPartitioned)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot mark index clustered in partitioned table");
        Catalog = Catalog.PutTable(table with { ClusterIndex = 0 });
    }

    /// <summary>
    /// REPLICA IDENTITY: DEFAULT, FULL and NOTHING only set relreplident; USING INDEX needs a unique,
    /// immediate index on plain columns, without a predicate, whose key columns are all NOT NULL.
    /// </summary>
    private void SetReplicaIdentity(TableDef table, ReplicaIdentityAction action)
    {
        if (action.Index is null)
        {
            Catalog = Catalog.PutTable(table with { ReplicaIdentity = action.Kind, ReplicaIdentityIndex = 0 });
            return;
        }
        var index = TableIndex(table, action.Index);
        if (!index.Unique)
            throw new TenonException(SqlState.WrongObjectType, $"cannot use non-unique index \"{index.Name}\" as replica identity");
        if (index.Deferrable)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot use non-immediate index \"{index.Name}\" as replica identity");
        if (index.Expressions.Any(e => e is not null))
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot use expression index \"{index.Name}\" as replica identity");
        if (index.Predicate is not null)
            throw new TenonException(SqlState.FeatureNotSupported, $"cannot use partial index \"{index.Name}\" as replica identity");
        foreach (var number in index.Columns)
        {
            var col = table.Column(number);
            if (!col.NotNull)
                throw new TenonException(SqlState.WrongObjectType, $"index \"{index.Name}\" cannot be used as replica identity because column \"{col.Name}\" is nullable");
        }
        Catalog = Catalog.PutTable(table with { ReplicaIdentity = 'i', ReplicaIdentityIndex = index.Oid });
    }
}
