using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using MatchType = Tenon.Sql.Ast.MatchType;
using Tenon.Storage;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Execution;

public sealed partial class DdlExecutor
{
    /// <summary>
    /// Adds the table constraints of one statement in PostgreSQL's order: key columns are checked
    /// first (parse analysis), then CHECK constraints are created (with the table), then the
    /// primary key and unique indexes (primary key first; a key identical to an earlier one is
    /// merged into it), then foreign keys. Existing rows are validated.
    /// </summary>
    private void AddConstraints(uint tableOid, List<(TableConstraint Constraint, int Position)> pending, bool creating)
    {
        if (pending.FirstOrDefault(p => p.Constraint is UnsupportedTableConstraint) is { Constraint: UnsupportedTableConstraint u } unsupported)
            throw new TenonException(SqlState.FeatureNotSupported, $"{u.Feature} is not supported by Tenon yet") { Position = unsupported.Position };
        var keys = pending.Select(p => p.Constraint).Where(c => c is PrimaryKeyTableConstraint or UniqueTableConstraint).ToList();
        var primaryCount = 0;
        foreach (var (c, _) in pending.Where(p => p.Constraint is KeyUsingIndexConstraint))
        {
            if (creating)
                throw new TenonException(SqlState.FeatureNotSupported, "cannot use an existing index in CREATE TABLE") { Position = c.Position };
            if (c is KeyUsingIndexConstraint { Primary: true } && ++primaryCount > 1)
                throw MultiplePrimaryKeys(Catalog.Table(tableOid), c.Position);
            AddKeyUsingIndex(tableOid, (KeyUsingIndexConstraint)c);
        }
        foreach (var key in keys)
        {
            ResolveKeyColumns(Catalog.Table(tableOid), key);
            if (key is PrimaryKeyTableConstraint && ++primaryCount > 1)
                throw MultiplePrimaryKeys(Catalog.Table(tableOid), key.Position);
        }
        var newChecks = new HashSet<string>();
        foreach (var (c, _) in pending.Where(p => p.Constraint is CheckTableConstraint))
            AddCheck(tableOid, (CheckTableConstraint)c, creating, newChecks);
        foreach (var key in MergeIdenticalKeys(keys))
            AddKey(tableOid, key);
        foreach (var (c, _) in pending.Where(p => p.Constraint is ExcludeTableConstraint))
            AddExclusion(tableOid, (ExcludeTableConstraint)c);
        foreach (var (c, _) in pending.Where(p => p.Constraint is ForeignKeyTableConstraint))
            AddForeignKey(tableOid, (ForeignKeyTableConstraint)c, creating);
    }

    private static TenonException MultiplePrimaryKeys(TableDef table, int position) =>
        new(SqlState.InvalidTableDefinition, $"multiple primary keys for table \"{table.Name}\" are not allowed") { Position = position };

    private static IReadOnlyList<string> KeyColumnNames(TableConstraint c) =>
        c is PrimaryKeyTableConstraint pk ? pk.Columns : ((UniqueTableConstraint)c).Columns;

    // Keys written twice (UNIQUE on a column and UNIQUE (col) at table level, or a UNIQUE
    // repeating the primary key) make one index: the primary key is kept in preference, and an
    // unnamed key takes the name of a named duplicate.
    private static List<TableConstraint> MergeIdenticalKeys(List<TableConstraint> keys)
    {
        var kept = new List<TableConstraint>();
        foreach (var key in keys.Where(k => k is PrimaryKeyTableConstraint).Concat(keys.Where(k => k is not PrimaryKeyTableConstraint)))
        {
            var prior = kept.FindIndex(p => KeyColumnNames(p).SequenceEqual(KeyColumnNames(key))
                && (p is UniqueTableConstraint { NullsNotDistinct: true }) == (key is UniqueTableConstraint { NullsNotDistinct: true })
                && p.Timing.Deferrable == key.Timing.Deferrable && p.Timing.InitiallyDeferred == key.Timing.InitiallyDeferred);
            if (prior < 0) kept.Add(key);
            else if (kept[prior].Name is null && key.Name is not null) kept[prior] = kept[prior] with { Name = key.Name };
        }
        return kept;
    }

    private static void CheckTiming(TableConstraint c)
    {
        if (c.Timing.InitiallyDeferred == true && c.Timing.Deferrable == false)
            throw new TenonException(SqlState.SyntaxError, "constraint declared INITIALLY DEFERRED must be DEFERRABLE") { Position = c.Position };
    }

    private short[] ResolveColumns(TableDef table, IReadOnlyList<string> names, int position, string what)
    {
        var result = new List<short>();
        foreach (var n in names)
        {
            if (what != "key" && n is "tableoid" or "ctid" or "xmin" or "cmin" or "xmax" or "cmax" && table.FindColumn(n) is null)
                throw new TenonException(SqlState.FeatureNotSupported, "system columns cannot be used in foreign keys");
            var col = table.FindColumn(n)
                ?? throw new TenonException(SqlState.UndefinedColumn, what == "key"
                    ? $"column \"{n}\" named in key does not exist"
                    : $"column \"{n}\" referenced in foreign key constraint does not exist") { Position = position };
            result.Add(col.Number);
        }
        return result.ToArray();
    }

    private short[] ResolveKeyColumns(TableDef table, TableConstraint c)
    {
        var names = KeyColumnNames(c);
        // ALTER TABLE checks the columns later, apart from the statement's text: a primary key's
        // first (its implied SET NOT NULL), in ALTER COLUMN's words.
        if (_inAlterTable && names.FirstOrDefault(n => table.FindColumn(n) is null && !SystemColumns.IsSystemName(n)) is { } missing)
            throw new TenonException(SqlState.UndefinedColumn, c is PrimaryKeyTableConstraint
                ? $"column \"{missing}\" of relation \"{table.Name}\" does not exist"
                : $"column \"{missing}\" named in key does not exist");
        var cols = ResolveColumns(table, names, c.Position, "key");
        if (cols.Distinct().Count() != cols.Length)
            throw new TenonException(SqlState.DuplicateColumn, $"column \"{names.GroupBy(x => x).First(g => g.Count() > 1).Key}\" appears twice in {(c is PrimaryKeyTableConstraint ? "primary key" : "unique")} constraint") { Position = c.Position };
        foreach (var col in cols) RequireBtreeOperatorClass(table.Column(col).Type);
        return cols;
    }

    private void AddKey(uint tableOid, TableConstraint c)
    {
        CheckTiming(c);
        var table = Catalog.Table(tableOid);
        var isPrimary = c is PrimaryKeyTableConstraint;
        var nullsNotDistinct = c is UniqueTableConstraint { NullsNotDistinct: true };
        var cols = ResolveKeyColumns(table, c);
        var include = c switch { PrimaryKeyTableConstraint pk => pk.Include, UniqueTableConstraint u => u.Include, _ => null } is { } written
            ? ResolveColumns(table, written, c.Position, "key") : [];
        // Two in one statement were reported with a position by AddConstraints; a table's existing one is found when building the index.
        if (isPrimary && table.PrimaryKey is not null)
            throw MultiplePrimaryKeys(table, 0);
        CheckKeyCoversPartitionKey(table, cols, isPrimary);
        if (isPrimary) table = MakePrimaryKeyColumnsNotNull(table, cols);
        var name = c.Name ?? NameGenerator.Choose(table.Name, isPrimary ? null
                : NameGenerator.JoinColumnNames(NameGenerator.DistinctColumnNames(cols.Concat(include).Select(n => table.Column(n).Name))),
            isPrimary ? "pkey" : "key", n => Catalog.RelationExists(table.Schema, n) || table.FindConstraint(n) is not null);
        if (c.Name is not null && Catalog.RelationExists(table.Schema, name))
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        if (c.Name is not null && table.FindConstraint(name) is not null)
            throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
        var deferrable = c.Timing.Deferrable == true || c.Timing.InitiallyDeferred == true;
        var index = new IndexDef(name, Db.NextOid(), tableOid, cols, Unique: true)
        {
            IsPrimary = isPrimary, ConstraintName = name, NullsNotDistinct = nullsNotDistinct, IncludeColumns = include,
            Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        };
        BuildIndex(table, index);
        table = Catalog.Table(tableOid);
        var constraint = new KeyConstraintDef(name, Db.NextOid(), tableOid, isPrimary, cols)
        {
            IndexOid = index.Oid, NullsNotDistinct = nullsNotDistinct, Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        };
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Append(constraint).ToArray() });
        CascadeToPartitions(tableOid);
    }

    /// <summary>A primary key makes its columns NOT NULL (checking existing rows).</summary>
    private TableDef MakePrimaryKeyColumnsNotNull(TableDef table, IReadOnlyList<short> cols)
    {
        var columns = table.Columns.ToList();
        foreach (var n in cols)
        {
            if (!columns[n - 1].NotNull)
            {
                foreach (var (_, row) in Tx.Rows(table.Oid).Scan())
                    if (row[n - 1] is null)
                        throw new TenonException(SqlState.NotNullViolation, $"column \"{columns[n - 1].Name}\" of relation \"{table.Name}\" contains null values")
                        { SchemaName = table.Schema, TableName = table.Name, ColumnName = columns[n - 1].Name };
            }
            columns[n - 1] = columns[n - 1] with { NotNull = true };
        }
        table = table with { Columns = columns };
        Catalog = Catalog.PutTable(table);
        return table;
    }

    /// <summary>
    /// EXCLUDE [USING btree | hash] (column WITH =, …): an index on the columns whose equal non-null
    /// keys conflict. Other operators need operator classes Tenon does not have; the ones PostgreSQL
    /// rejects for any btree column (the non-commutative comparisons) get its error.
    /// </summary>
    private void AddExclusion(uint tableOid, ExcludeTableConstraint c)
    {
        CheckTiming(c);
        var table = Catalog.Table(tableOid);
        if (table.IsPartitioned)
            throw new TenonException(SqlState.FeatureNotSupported, "exclusion constraints are not supported on partitioned tables") { Position = c.Position };
        var method = c.Method ?? "btree";
        if (method is not ("btree" or "hash"))
        {
            if (method is "gist" or "gin" or "spgist" or "brin")
                throw new TenonException(SqlState.FeatureNotSupported, $"EXCLUDE USING {method} is not supported by Tenon yet") { Position = c.Position };
            throw new TenonException(SqlState.UndefinedObject, $"access method \"{method}\" does not exist");
        }
        var cols = ResolveColumns(table, c.Elements.Select(e => e.Column).ToList(), 0, "key");
        if (method == "hash" && cols.Length > 1)
            throw new TenonException(SqlState.FeatureNotSupported, "access method \"hash\" does not support multicolumn indexes");
        for (var i = 0; i < cols.Length; i++)
        {
            var op = c.Elements[i].Operator;
            if (op == "=") continue;
            var type = table.Column(cols[i]).Type.DisplayName;
            if (method == "btree" && op is "<" or ">" or "<=" or ">=")
                throw new TenonException(SqlState.WrongObjectType, $"operator {op}({type},{type}) is not commutative",
                    "Only commutative operators can be used in exclusion constraints.");
            throw new TenonException(SqlState.FeatureNotSupported, $"EXCLUDE with operator {op} is not supported by Tenon yet") { Position = c.Position };
        }
        var name = c.Name ?? NameGenerator.Choose(table.Name, NameGenerator.JoinColumnNames(cols.Select(n => table.Column(n).Name)),
            "excl", n => Catalog.RelationExists(table.Schema, n));
        if (c.Name is not null && Catalog.RelationExists(table.Schema, name))
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        var deferrable = c.Timing.Deferrable == true || c.Timing.InitiallyDeferred == true;
        var index = new IndexDef(name, Db.NextOid(), tableOid, cols, Unique: false)
        {
            Exclusion = true, ConstraintName = name, Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        };
        BuildIndex(table, index);
        table = Catalog.Table(tableOid);
        var constraint = new KeyConstraintDef(name, Db.NextOid(), tableOid, false, cols)
        {
            IsExclusion = true, IndexOid = index.Oid, Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true,
        };
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Append(constraint).ToArray() });
    }

    /// <summary>Creates an index store over the table's existing rows, failing like CREATE UNIQUE INDEX on duplicates.</summary>
    private void BuildIndex(TableDef table, IndexDef index)
    {
        var store = IndexStoreOverRows(table, index, new RowWriter(ctx));
        var wt = Tx.Write(table.Oid);
        wt.Indexes = wt.Indexes.Append(store).ToArray();
        Catalog = Catalog.PutIndex(index, table.Schema);
        Catalog = Catalog.PutTable(table with { Indexes = table.Indexes.Append(index).ToArray() });
    }

    /// <summary>
    /// The entries of <paramref name="index"/> for the table's current rows; duplicates fail as
    /// CREATE UNIQUE INDEX (or an exclusion constraint) does, naming the index being built
    /// (<paramref name="buildName"/> when that is not the index's own name).
    /// </summary>
    private IndexStore IndexStoreOverRows(TableDef table, IndexDef index, RowWriter writer, string? buildName = null)
    {
        var store = IndexStore.Empty(new KeyComparer(index.Columns.Select((_, i) => index.KeyType(table, i))));
        foreach (var (rowId, row) in Tx.Rows(table.Oid).Scan())
        {
            if (!writer.IndexCovers(table, index, row)) continue;
            var key = writer.IndexKey(table, index, row);
            if ((index.Unique || index.Exclusion) && (index.NullsNotDistinct || !key.Any(v => v is null)) && store.ContainsKey(key))
                throw index.Exclusion
                    ? SqlErrors.ExclusionBuildFailure(table, buildName is null ? index : index with { Name = buildName }, RowWriter.IndexKeyColumns(table, index), writer.IndexKeyValues(table, index, key))
                    : SqlErrors.UniqueIndexBuildFailure(table, buildName is null ? index : index with { Name = buildName }, RowWriter.IndexKeyColumns(table, index), writer.IndexKeyValues(table, index, key));
            store = store.Add(key, rowId, Tx.Token);
        }
        return store;
    }

    /// <param name="newChecks">Names of the checks this statement has added so far.</param>
    private void AddCheck(uint tableOid, CheckTableConstraint c, bool creating, HashSet<string> newChecks)
    {
        var table = Catalog.Table(tableOid);
        if (c.NoInherit && table.IsPartitioned)
            throw new TenonException(SqlState.InvalidTableDefinition, $"cannot add NO INHERIT constraint to partitioned table \"{table.Name}\"");
        var binder = new Binder(ctx) { NoSubqueriesIn = "check constraint" };
        var scope = RowWriter.TableScope(table);
        var bound = creating ? binder.BindCondition(c.Condition, scope, "CHECK") : WithoutPosition(() => binder.BindCondition(c.Condition, scope, "CHECK"));
        var usedColumns = bound.Descendants().OfType<Execution.Expressions.ColumnExpr>().Select(x => x.Index).Distinct().ToList();
        string? colName = (usedColumns.Count, binder.UsedTableOid) switch
        {
            (1, false) => table.Columns[usedColumns[0]].Name,
            (0, true) => "tableoid",
            _ => null,
        };
        var name = c.Name ?? NameGenerator.Choose(table.Name, colName, "check", n => Catalog.ConstraintNameUsed(table.Schema, n));
        if (c.Name is not null && newChecks.Contains(name))
            throw new TenonException(SqlState.DuplicateObject, $"check constraint \"{name}\" already exists");
        if (c.Name is not null && table.FindConstraint(name) is not null)
            throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
        newChecks.Add(name);
        if (!creating && !c.NotValid)
            foreach (var (_, row) in Tx.Rows(tableOid).Scan())
                if (bound.Eval(row, ctx) is false)
                    throw new TenonException(SqlState.CheckViolation, $"check constraint \"{name}\" of relation \"{table.Name}\" is violated by some row")
                    { SchemaName = table.Schema, TableName = table.Name, ConstraintName = name };
        var def = new CheckConstraintDef(name, Db.NextOid(), tableOid, c.Condition, c.SourceText)
        {
            NoInherit = c.NoInherit, Validated = creating || !c.NotValid, Columns = usedColumns.Select(i => (short)(i + 1)).ToArray(),
        };
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Append(def).ToArray() });
    }

    private void AddForeignKey(uint tableOid, ForeignKeyTableConstraint c, bool creating)
    {
        CheckTiming(c);
        var table = Catalog.Table(tableOid);
        var r = c.References;
        var parentOid = Lookup(r.Table);
        if (parentOid == 0) throw SqlErrors.RelationDoesNotExist(r.Table.ToString());
        if (!Catalog.Tables.TryGetValue(parentOid, out var parent) || parent.IsMatView)
            throw new TenonException(SqlState.WrongObjectType, $"referenced relation \"{r.Table.Name}\" is not a table");
        // REFERENCES on the referenced table (or on its columns), as PostgreSQL's checkFkeyPermissions.
        Privileges.RequireOnRelation(ctx, parentOid, Privilege.References);
        CheckForeignKeyPersistence(table, parent);
        // PostgreSQL reports a missing referencing column without a position.
        var cols = ResolveColumns(table, c.Columns, 0, "fk");
        short[] parentCols;
        IndexDef? index;
        if (r.Columns is null)
        {
            var pk = parent.PrimaryKey
                ?? throw new TenonException(SqlState.UndefinedObject, $"there is no primary key for referenced table \"{parent.Name}\"");
            parentCols = pk.Columns.ToArray();
            index = parent.Indexes.First(i => i.Oid == pk.IndexOid);
            if (index.Deferrable)
                throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"cannot use a deferrable primary key for referenced table \"{parent.Name}\"");
        }
        else
        {
            parentCols = ResolveColumns(parent, r.Columns, 0, "fk");
            var matching = parent.Indexes.Where(i => i.Unique && i.Predicate is null && i.Columns.Count == parentCols.Length && i.Columns.All(parentCols.Contains)).ToList();
            index = matching.FirstOrDefault(i => !i.Deferrable);
            if (index is null && matching.Count > 0)
                throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"cannot use a deferrable unique constraint for referenced table \"{parent.Name}\"");
            if (index is null)
                throw new TenonException(SqlState.InvalidForeignKey, $"there is no unique constraint matching given keys for referenced table \"{parent.Name}\"");
        }
        if (parentCols.Length != cols.Length)
            throw new TenonException(SqlState.InvalidForeignKey, "number of referencing and referenced columns for foreign key disagree");
        var name = c.Name ?? NameGenerator.Choose(table.Name, NameGenerator.JoinColumnNames(cols.Select(n => table.Column(n).Name)), "fkey",
            n => Catalog.ConstraintNameUsed(table.Schema, n));
        if (c.Name is not null && table.FindConstraint(name) is not null)
            throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
        RejectActionsOnGeneratedColumns(table, cols, r.OnDelete, r.OnUpdate);
        for (var i = 0; i < cols.Length; i++)
        {
            var ct = table.Column(cols[i]).Type;
            var pt = parent.Column(parentCols[i]).Type;
            if (!ForeignKeyTypes.Compatible(ct, pt))
                throw new TenonException(SqlState.DatatypeMismatch, $"foreign key constraint \"{name}\" cannot be implemented",
                    $"Key columns \"{table.Column(cols[i]).Name}\" and \"{parent.Column(parentCols[i]).Name}\" are of incompatible types: {ct.WithoutModifier().DisplayName} and {pt.WithoutModifier().DisplayName}.");
        }
        short[]? setCols = null;
        if (r.OnDeleteSetColumns is { } sc)
        {
            // PostgreSQL keeps each column once, in order of first mention.
            setCols = sc.Select(n => (table.FindColumn(n) ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{n}\" referenced in foreign key constraint does not exist")).Number).Distinct().ToArray();
            foreach (var n in setCols)
                if (!cols.Contains(n))
                    throw new TenonException(SqlState.InvalidForeignKey, $"column \"{table.Column(n).Name}\" referenced in ON DELETE SET action must be part of foreign key");
        }
        var deferrable = c.Timing.Deferrable == true || c.Timing.InitiallyDeferred == true;
        var fk = new ForeignKeyDef(name, Db.NextOid(), tableOid, cols, parentOid, parentCols)
        {
            ParentIndexOid = index.Oid, Match = r.Match, OnDelete = r.OnDelete, OnUpdate = r.OnUpdate, OnDeleteSetColumns = setCols,
            // NOT VALID means nothing in CREATE TABLE: there are no rows yet.
            Deferrable = deferrable, InitiallyDeferred = c.Timing.InitiallyDeferred == true, Validated = creating || !c.NotValid,
        };
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Append(fk).ToArray() });
        if (!creating && !c.NotValid) ValidateForeignKey(fk);
        CascadeToPartitions(tableOid);
    }

    /// <summary>
    /// Checks every existing row against a foreign key; the first bad row is reported with the insert/update message.
    /// Which row is first follows the plan PostgreSQL picks for its check query on tables it has no
    /// statistics for: a hash anti join (table order) for a one-column key, a merge anti join (key
    /// order) for a composite one.
    /// </summary>
    private void ValidateForeignKey(ForeignKeyDef fk)
    {
        var writer = new RowWriter(ctx);
        IEnumerable<KeyValuePair<long, object?[]>> rows = Tx.Rows(fk.TableOid).Scan();
        if (fk.Columns.Count > 1)
        {
            var table = Catalog.Table(fk.TableOid);
            var order = new KeyComparer(fk.Columns.Select(c => table.Column(c).Type));
            rows = rows.OrderBy(r => fk.Columns.Select(c => r.Value[c - 1]).ToArray(), order);
        }
        foreach (var (rowId, row) in rows)
            writer.QueueChildCheck(fk, rowId, row);
        writer.RunImmediately();
    }
}
