using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Transactions;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// Declarative partitioning DDL: the partition key of CREATE TABLE … PARTITION BY, CREATE TABLE
/// … PARTITION OF with its bound (checked against the siblings' bounds and the default
/// partition's rows), ATTACH and DETACH PARTITION. A partition copies its parent's columns (in
/// the same layout, so rows pass between them unchanged), NOT NULL, defaults, CHECK
/// constraints, indexes and foreign keys; indexes and keys added to the parent later reach the
/// partitions the same way.
/// </summary>
public sealed partial class DdlExecutor
{
    private static readonly HashSet<string> KnownOpClasses = new(StringComparer.Ordinal)
    {
        "int2_ops", "int4_ops", "int8_ops", "integer_ops", "text_ops", "varchar_ops", "bpchar_ops", "numeric_ops",
        "float4_ops", "float8_ops", "float_ops", "bool_ops", "date_ops", "timestamp_ops", "timestamptz_ops", "text_pattern_ops",
        "varchar_pattern_ops", "bpchar_pattern_ops", "uuid_ops", "oid_ops", "name_ops", "interval_ops", "time_ops", "bytea_ops",
    };

    /// <summary>The partition key of PARTITION BY, bound against the new table's columns.</summary>
    private PartitionKeyDef BindPartitionKey(TableDef table, PartitionBySpec spec)
    {
        if (spec.Strategy == PartitionStrategy.List && spec.Elements.Count > 1)
            throw new TenonException(SqlState.InvalidObjectDefinition, "cannot use \"list\" partition strategy with more than one column");
        var columns = new List<short>();
        var exprs = new List<Expr?>();
        var texts = new List<string?>();
        var types = new List<SqlType>();
        var opclasses = new List<uint>();
        foreach (var e in spec.Elements)
        {
            if (e.Column is not null)
            {
                if (e.Column is "tableoid" or "ctid" or "xmin" or "cmin" or "xmax" or "cmax" && table.FindColumn(e.Column) is null)
                    throw new TenonException(SqlState.FeatureNotSupported, "cannot use system column \"" + e.Column + "\" in partition key") { Position = e.Position };
                var col = table.FindColumn(e.Column)
                    ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{e.Column}\" named in partition key does not exist") { Position = e.Position };
                columns.Add(col.Number);
                exprs.Add(null);
                texts.Add(null);
                types.Add(col.Type);
            }
            else
            {
                // PostgreSQL reports a key expression's errors without a position.
                var binder = new Binder(ctx) { NoSubqueriesIn = "partition key expression", Clause = "partition key expressions" };
                var bound = WithoutPosition(() => binder.BindExpr(e.Expression!, RowWriter.TableScope(table)));
                if (bound is ColumnExpr { ColumnNumber: > 0 } plain)
                {
                    columns.Add(plain.ColumnNumber);
                    exprs.Add(null);
                    texts.Add(null);
                    types.Add(table.Column(plain.ColumnNumber).Type);
                }
                else
                {
                    if (bound.Type.Id is TypeId.Record && bound.Type.Composite is null || bound.Type.Id == TypeId.Unknown)
                        throw new TenonException(SqlState.InvalidTableDefinition, $"partition key column {columns.Count + 1} has pseudo-type {bound.Type.DisplayName}");
                    if (!bound.Descendants().Prepend(bound).Any(d => d is ColumnExpr))
                        throw new TenonException(SqlState.InvalidObjectDefinition, "cannot use constant expression as partition key");
                    if (!Volatility.IsImmutable(bound, r => Routines.RoutineRuntime.InlinesImmutably(r, ctx)))
                        throw new TenonException(SqlState.InvalidObjectDefinition, "functions in partition key expression must be marked IMMUTABLE");
                    columns.Add(0);
                    exprs.Add(e.Expression);
                    texts.Add(null);
                    types.Add(bound.Type);
                }
            }
            if (e.OpClass is null && types[^1].IsGeometric)
                throw new TenonException(SqlState.UndefinedObject,
                    $"data type {types[^1].DisplayName} has no default operator class for access method \"{(spec.Strategy == PartitionStrategy.Hash ? "hash" : "btree")}\"",
                    hint: $"You must specify a {(spec.Strategy == PartitionStrategy.Hash ? "hash" : "btree")} operator class or define a default {(spec.Strategy == PartitionStrategy.Hash ? "hash" : "btree")} operator class for the data type.");
            opclasses.Add(0);
            if (e.OpClass is { } opclass)
            {
                var method = spec.Strategy == PartitionStrategy.Hash ? "hash" : "btree";
                var dot = opclass.LastIndexOf('.');
                if (FindOpClass(dot < 0 ? null : opclass[..dot], dot < 0 ? opclass : opclass[(dot + 1)..], method) is { } user)
                {
                    if (user.InputType.Id != types[^1].Id)
                        throw new TenonException(SqlState.DatatypeMismatch, $"operator class \"{user.Name}\" does not accept data type {types[^1].DisplayName}");
                    opclasses[^1] = user.Oid;
                }
                else if (!KnownOpClasses.Contains(opclass))
                    throw new TenonException(SqlState.UndefinedObject, $"operator class \"{opclass}\" does not exist for access method \"{method}\"");
            }
        }
        return new PartitionKeyDef(spec.Strategy, columns, exprs, types)
        {
            ExpressionTexts = texts,
            OpClasses = opclasses.Any(o => o != 0) ? opclasses : Array.Empty<uint>(),
        };
    }

    /// <summary>
    /// PRIMARY KEY and UNIQUE on a partitioned table must contain every key column (each
    /// partition's index then decides uniqueness alone); expression keys are refused.
    /// </summary>
    private static void CheckKeyCoversPartitionKey(TableDef table, IReadOnlyList<short> keyColumns, bool isPrimary)
    {
        if (table.PartitionKey is not { } key) return;
        var kind = isPrimary ? "PRIMARY KEY" : "UNIQUE";
        for (var i = 0; i < key.Count; i++)
        {
            if (key.Columns[i] == 0)
                throw new TenonException(SqlState.FeatureNotSupported, "unsupported " + kind + " constraint with partition key definition",
                    $"{kind} constraints cannot be used when partition keys include expressions.");
            if (!keyColumns.Contains(key.Columns[i]))
                throw new TenonException(SqlState.FeatureNotSupported, "unique constraint on partitioned table must include all partitioning columns",
                    $"{kind} constraint on table \"{table.Name}\" lacks column \"{table.Column(key.Columns[i]).Name}\" which is part of the partition key.");
        }
    }

    /// <summary>CREATE TABLE name PARTITION OF parent … FOR VALUES … | DEFAULT.</summary>
    private StatementResult CreatePartitionOf(CreateTableStatement stmt)
    {
        var of = stmt.PartitionOf!;
        if (stmt.Columns.Any(c => c.Constraints.Any(k => k is IdentityColumnConstraint)))
            throw new TenonException(SqlState.FeatureNotSupported, "identity columns are not supported on partitions");
        var (heapOptions, toastOptions) = CreateOptions(stmt.Options, stmt.PartitionBy is not null);
        var parent = FindTable(of.Parent, of.Parent.Position) ?? throw SqlErrors.RelationDoesNotExist(of.Parent.ToString());
        if (NewRelationName(stmt.Name, stmt.Temporary || parent.Temporary && stmt.Name.Schema is null && false, stmt.IfNotExists) is not var (schema, name))
            return new StatementResult("CREATE TABLE");
        if (!parent.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, $"\"{parent.Name}\" is not partitioned");
        var temporary = SearchPath.IsTempSchema(schema);
        if (parent.Temporary && !temporary)
            throw new TenonException(SqlState.WrongObjectType, $"cannot create a permanent relation as partition of temporary relation \"{parent.Name}\"");
        if (!parent.Temporary && temporary)
            throw new TenonException(SqlState.WrongObjectType, $"cannot create a temporary relation as partition of permanent relation \"{parent.Name}\"");
        foreach (var c in stmt.Columns)
            if (parent.FindColumn(c.Name) is null)
                throw new TenonException(SqlState.UndefinedColumn, $"column \"{c.Name}\" does not exist") { Position = c.Position };
        foreach (var c in stmt.Columns)
            if (stmt.Columns.Count(x => x.Name == c.Name) > 1)
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{c.Name}\" specified more than once");

        var bound = BindPartitionBound(parent, of.Bound, name);
        CheckNewBound(parent, of.Bound, bound, name);

        var oid = Db.NextOid();
        // Same columns in the same slots (dropped ones too), without identity: the parent supplies identity values.
        // A DEFAULT written for the partition replaces the parent's.
        var columns = parent.Columns.Select(c => c with { Identity = IdentityKind.None }).Select(c =>
            stmt.Columns.Any(d => d.Name == c.Name && d.Constraints.Any(k => k is DefaultColumnConstraint)) ? c with { Default = null, DefaultText = null } : c).ToList();
        var table = new TableDef(oid, schema, name, columns)
        {
            Temporary = temporary, OnCommit = OnCommitAction(stmt),
            PartitionParent = parent.Oid, PartitionBound = bound,
            Unlogged = stmt.Unlogged && !temporary, Options = heapOptions,
        };
        table = WithNewRowType(table);
        if (columns.Any(c => !c.IsDropped && DefaultStorage(c.Type) != 'p')) table = table with { ToastOptions = toastOptions };
        Catalog = Catalog.PutTable(table);
        // The key may name the table's own row type.
        if (stmt.PartitionBy is { } by) Catalog = Catalog.PutTable(table = table with { PartitionKey = BindPartitionKey(table, by) });
        Tx.SetData(oid, new TableData(RowStore.Empty, Array.Empty<IndexStore>()));
        InheritFromParent(parent, Catalog.Table(oid));

        var pending = new List<(TableConstraint Constraint, int Position)>();
        foreach (var c in stmt.Columns) ApplyColumnDefinition(oid, c, pending);
        foreach (var tc in stmt.Constraints) pending.Add((tc, tc.Position));
        AddConstraints(oid, pending, creating: true);
        ValidateDefaultPartition(parent, Catalog.Table(oid));
        return new StatementResult("CREATE TABLE");
    }

    /// <summary>A partition takes its parent's CHECK constraints, indexes and foreign keys.</summary>
    private void InheritFromParent(TableDef parent, TableDef partition)
    {
        var checks = parent.Checks.Where(c => !c.NoInherit && partition.FindConstraint(c.Name) is null)
            .Select(c => (ConstraintDef)(c with { Oid = Db.NextOid(), TableOid = partition.Oid, ParentConstraintOid = c.Oid })).ToList();
        if (checks.Count > 0)
            Catalog = Catalog.PutTable(partition with { Constraints = partition.Constraints.Concat(checks).ToArray() });
        foreach (var index in parent.Indexes)
            ClonePartitionIndex(parent, index, partition.Oid);
        foreach (var fk in parent.ForeignKeys)
            ClonePartitionForeignKey(fk, partition.Oid);
        CloneParentTriggers(parent, Catalog.Table(partition.Oid));
    }

    /// <summary>
    /// The partition's copy of one of its parent's indexes (and of the key constraint it backs),
    /// attached to it. An equal index the partition has that is not attached elsewhere (with a
    /// constraint when the parent's has one) is attached instead of making a copy, as PostgreSQL
    /// does; an invalid one makes the parent's index invalid. When a table is being attached
    /// (<paramref name="attaching"/>) its invalid indexes are not candidates.
    /// </summary>
    private void ClonePartitionIndex(TableDef parent, IndexDef index, uint partitionOid, bool attaching = false)
    {
        var partition = Catalog.Table(partitionOid);
        if (partition.Indexes.Any(i => i.ParentIndexOid == index.Oid)) return;
        var columns = index.Columns.Select(n => n == 0 ? (short)0 : partition.FindColumn(parent.Column(n).Name)!.Number).ToArray();
        var existing = partition.Indexes.FirstOrDefault(i => i.ParentIndexOid == 0 && (i.Valid || !attaching) && IndexesMatch(parent, index, partition, i)
            && (index.ConstraintName is null || partition.Constraints.OfType<KeyConstraintDef>().Any(k => k.IndexOid == i.Oid)));
        if (existing is not null)
        {
            PutIndexDef(existing with { ParentIndexOid = index.Oid });
            if (!existing.Valid && index.Valid) PutIndexDef(Catalog.Indexes[index.Oid] with { Valid = false });
            var parentKey = parent.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IndexOid == index.Oid);
            partition = Catalog.Table(partitionOid);
            if (parentKey is not null)
                Catalog = Catalog.PutTable(partition with
                {
                    Constraints = partition.Constraints.Select(c => c is KeyConstraintDef k && k.IndexOid == existing.Oid && k.ParentConstraintOid == 0
                        ? k with { ParentConstraintOid = parentKey.Oid } : c).ToArray(),
                });
            return;
        }
        var constraint = index.ConstraintName is null ? null : parent.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.IndexOid == index.Oid);
        if (constraint is not null && constraint.IsPrimary && partition.PrimaryKey is not null) throw MultiplePrimaryKeys(partition, 0);
        if (index.Unique && partition.IsPartitioned) CheckKeyCoversPartitionKey(partition, columns, constraint?.IsPrimary == true);
        var include = index.IncludeColumns.Select(n => partition.FindColumn(parent.Column(n).Name)!.Number).ToArray();
        var nameParts = NameGenerator.DistinctColumnNames(columns.Select((n, i) => n != 0 ? partition.Column(n).Name : index.Expressions[i]!.Expr is FunctionCall f ? f.Name.Name : "expr")
            .Concat(include.Select(n => partition.Column(n).Name)));
        var suffix = constraint is null ? "idx" : constraint.IsPrimary ? "pkey" : constraint.IsExclusion ? "excl" : "key";
        var name = NameGenerator.Choose(partition.Name, constraint?.IsPrimary == true ? null : NameGenerator.JoinColumnNames(nameParts), suffix,
            n => Catalog.RelationExists(partition.Schema, n));
        if (constraint is not null && constraint.IsPrimary)
        {
            var cols = partition.Columns.ToList();
            foreach (var n in columns) cols[n - 1] = cols[n - 1] with { NotNull = true };
            partition = partition with { Columns = cols };
            Catalog = Catalog.PutTable(partition);
        }
        var clone = index with { Name = name, Oid = Db.NextOid(), TableOid = partitionOid, Columns = columns, IncludeColumns = include, ConstraintName = constraint is null ? null : name, ParentIndexOid = index.Oid, FileNode = 0, Valid = true };
        BuildIndex(partition, clone);
        if (constraint is null) return;
        partition = Catalog.Table(partitionOid);
        var key = constraint with { Name = name, Oid = Db.NextOid(), TableOid = partitionOid, Columns = columns, IndexOid = clone.Oid, ParentConstraintOid = constraint.Oid };
        Catalog = Catalog.PutTable(partition with { Constraints = partition.Constraints.Append(key).ToArray() });
    }

    /// <summary>The partition's copy of a foreign key of its parent (same name; the parent's copy stays the one that is checked for the parent's rows).</summary>
    private void ClonePartitionForeignKey(ForeignKeyDef fk, uint partitionOid)
    {
        var partition = Catalog.Table(partitionOid);
        var parent = Catalog.Table(fk.TableOid);
        var columns = fk.Columns.Select(n => partition.FindColumn(parent.Column(n).Name)!.Number).ToArray();
        var setColumns = fk.OnDeleteSetColumns?.Select(n => partition.FindColumn(parent.Column(n).Name)!.Number).ToArray();
        // An equal key the partition already has becomes the copy (keeping its name), as PostgreSQL merges them.
        var equal = partition.ForeignKeys.FirstOrDefault(f => f.ParentConstraintOid == 0 && f.Columns.SequenceEqual(columns) && f.ParentTableOid == fk.ParentTableOid
            && f.ParentColumns.SequenceEqual(fk.ParentColumns) && f.Match == fk.Match && f.OnDelete == fk.OnDelete && f.OnUpdate == fk.OnUpdate
            && f.Deferrable == fk.Deferrable && f.InitiallyDeferred == fk.InitiallyDeferred);
        if (equal is not null)
        {
            Catalog = Catalog.PutTable(partition with { Constraints = partition.Constraints.Select(c => c.Oid == equal.Oid ? equal with { ParentConstraintOid = fk.Oid } : c).ToArray() });
            return;
        }
        if (partition.ForeignKeys.Any(f => f.ParentConstraintOid == fk.Oid)) return;
        // A name the partition already uses gives the copy a generated one (table_columns_fkey), as PostgreSQL does.
        var name = partition.FindConstraint(fk.Name) is null ? fk.Name
            : NameGenerator.Choose(partition.Name, NameGenerator.JoinColumnNames(columns.Select(n => partition.Column(n).Name)), "fkey",
                n => Catalog.ConstraintNameUsed(partition.Schema, n));
        var clone = fk with { Name = name, Oid = Db.NextOid(), TableOid = partitionOid, Columns = columns, OnDeleteSetColumns = setColumns, ParentConstraintOid = fk.Oid };
        Catalog = Catalog.PutTable(partition with { Constraints = partition.Constraints.Append(clone).ToArray() });
        if (Tx.Rows(partitionOid).Count > 0) ValidateForeignKey(clone);
    }

    /// <summary>Binds FOR VALUES … of a new partition of <paramref name="parent"/> to values of the key's types.</summary>
    private PartitionBoundDef BindPartitionBound(TableDef parent, PartitionBoundSpec spec, string partitionName)
    {
        var key = parent.PartitionKey!;
        if (spec.Kind == PartitionBoundKind.Default)
        {
            if (key.Strategy == PartitionStrategy.Hash)
                throw new TenonException(SqlState.InvalidTableDefinition, "a hash-partitioned table may not have a default partition");
            return new PartitionBoundDef(PartitionBoundKind.Default);
        }
        var wanted = key.Strategy switch
        {
            PartitionStrategy.List => PartitionBoundKind.List,
            PartitionStrategy.Range => PartitionBoundKind.Range,
            _ => PartitionBoundKind.Hash,
        };
        if (spec.Kind != wanted)
            throw new TenonException(SqlState.InvalidTableDefinition, $"invalid bound specification for a {key.Strategy.ToString().ToLowerInvariant()} partition") { Position = spec.Position };
        switch (spec.Kind)
        {
            case PartitionBoundKind.Hash:
                if (spec.Modulus <= 0)
                    throw new TenonException(SqlState.InvalidTableDefinition, "modulus for hash partition must be an integer value greater than zero");
                if (spec.Remainder < 0)
                    throw new TenonException(SqlState.InvalidTableDefinition, "remainder for hash partition must be an integer value greater than or equal to zero");
                if (spec.Remainder >= spec.Modulus)
                    throw new TenonException(SqlState.InvalidTableDefinition, "remainder for hash partition must be less than modulus");
                return new PartitionBoundDef(PartitionBoundKind.Hash) { Modulus = spec.Modulus, Remainder = spec.Remainder };
            case PartitionBoundKind.List:
            {
                var values = new List<object?>();
                foreach (var e in spec.Values)
                {
                    var v = BoundValue(parent, e, 0);
                    if (!values.Any(x => x is null ? v is null : v is not null && ValueComparer.Equal(x, v, key.Types[0].Id))) values.Add(v);
                }
                return new PartitionBoundDef(PartitionBoundKind.List) { Values = values };
            }
            default:
            {
                if (spec.From.Count != key.Count)
                    throw new TenonException(SqlState.InvalidTableDefinition, "FROM must specify exactly one value per partitioning column");
                if (spec.To.Count != key.Count)
                    throw new TenonException(SqlState.InvalidTableDefinition, "TO must specify exactly one value per partitioning column");
                var lower = RangeDatums(parent, spec.From);
                var upper = RangeDatums(parent, spec.To);
                if (PartitionBound.CompareBounds(key, lower, upper) >= 0)
                {
                    // At the first datum where the bounds differ (the last when they are equal).
                    var at = Enumerable.Range(0, key.Count).FirstOrDefault(i => PartitionBound.CompareDatum(key, i, lower[i], upper[i]) != 0, key.Count - 1);
                    throw new TenonException(SqlState.InvalidObjectDefinition, $"empty range bound specified for partition \"{partitionName}\"",
                        $"Specified lower bound {PartitionBoundText.Range(ctx, lower, key)} is greater than or equal to upper bound {PartitionBoundText.Range(ctx, upper, key)}.")
                    { Position = spec.From[at].Position };
                }
                return new PartitionBoundDef(PartitionBoundKind.Range) { Lower = lower, Upper = upper };
            }
        }
    }

    private List<PartitionDatum> RangeDatums(TableDef parent, IReadOnlyList<Expr> exprs)
    {
        var list = new List<PartitionDatum>();
        for (var i = 0; i < exprs.Count; i++)
        {
            if (exprs[i] is ColumnRef { Names: [var n] } && n is "minvalue" or "maxvalue")
            {
                list.Add(n == "minvalue" ? PartitionDatum.MinValue : PartitionDatum.MaxValue);
                continue;
            }
            var v = BoundValue(parent, exprs[i], i);
            if (v is null)
                throw new TenonException(SqlState.InvalidTableDefinition, "cannot specify NULL in range bound");
            list.Add(new PartitionDatum(0, v));
        }
        // After MINVALUE only MINVALUE may follow, and likewise MAXVALUE.
        for (var i = 1; i < list.Count; i++)
            if (list[i - 1].Infinity != 0 && list[i].Infinity != list[i - 1].Infinity)
                throw new TenonException(SqlState.InvalidTableDefinition,
                    $"every bound following {(list[i - 1].Infinity < 0 ? "MINVALUE" : "MAXVALUE")} must also be {(list[i - 1].Infinity < 0 ? "MINVALUE" : "MAXVALUE")}")
                { Position = exprs[i].Position };
        return list;
    }

    /// <summary>One bound value: a constant expression coerced (as an assignment) to key part <paramref name="part"/>'s type.</summary>
    private object? BoundValue(TableDef parent, Expr e, int part)
    {
        var key = parent.PartitionKey!;
        if (FirstColumnRefPosition(e) is > 0 and var refAt)
            throw new TenonException(SqlState.InvalidColumnReference, "cannot use column reference in partition bound expression") { Position = refAt };
        var binder = new Binder(ctx) { NoSubqueriesIn = "partition bound" };
        var bound = binder.BindExpr(e, null);
        var type = key.Types[part];
        var coerced = binder.TryCoerce(bound, type, CastContext.Assignment, e.Position)
            ?? throw new TenonException(SqlState.DatatypeMismatch,
                $"specified value cannot be cast to type {type.DisplayName} for column \"{PartitionRouter.KeyColumnText(ctx, parent, part)}\"") { Position = e.Position };
        return coerced.Eval(Array.Empty<object?>(), ctx);
    }

    /// <summary>The new bound must not overlap a sibling's; a second default partition is refused.</summary>
    private void CheckNewBound(TableDef parent, PartitionBoundSpec spec, PartitionBoundDef bound, string name)
    {
        var key = parent.PartitionKey!;
        var siblings = PartitionBound.Children(Catalog, parent);
        TenonException Overlap(TableDef other, int position) =>
            new(SqlState.InvalidObjectDefinition, $"partition \"{name}\" would overlap partition \"{other.Name}\"") { Position = position };
        switch (bound.Kind)
        {
            case PartitionBoundKind.Default:
                if (siblings.FirstOrDefault(s => s.PartitionBound!.IsDefault) is { } existing)
                    throw new TenonException(SqlState.InvalidObjectDefinition, $"partition \"{name}\" conflicts with existing default partition \"{existing.Name}\"") { Position = spec.Position };
                return;
            case PartitionBoundKind.List:
                for (var i = 0; i < bound.Values.Count; i++)
                    foreach (var s in siblings.Where(s => s.PartitionBound!.Kind == PartitionBoundKind.List))
                        if (PartitionBound.Accepts(key, s.PartitionBound!, [bound.Values[i]]))
                            throw Overlap(s, spec.Values[ValuePosition(key, spec, bound.Values[i])].Position);
                return;
            case PartitionBoundKind.Range:
                foreach (var s in siblings.Where(s => s.PartitionBound!.Kind == PartitionBoundKind.Range))
                {
                    var b = s.PartitionBound!;
                    if (PartitionBound.CompareBounds(key, bound.Lower, b.Upper) < 0 && PartitionBound.CompareBounds(key, b.Lower, bound.Upper) < 0)
                    {
                        // PostgreSQL points at the lower bound when it falls inside the other partition, else at the upper.
                        // at the first datum that differs from the other partition's lower bound.
                        var inside = PartitionBound.CompareBounds(key, b.Lower, bound.Lower) <= 0;
                        var datums = inside ? bound.Lower : bound.Upper;
                        var at = Enumerable.Range(0, key.Count).FirstOrDefault(i => PartitionBound.CompareDatum(key, i, datums[i], b.Lower[i]) != 0);
                        throw Overlap(s, (inside ? spec.From : spec.To)[at].Position);
                    }
                }
                return;
            default:
            {
                var hashed = siblings.Where(s => s.PartitionBound!.Kind == PartitionBoundKind.Hash)
                    .OrderBy(s => s.PartitionBound!.Modulus).ThenBy(s => s.PartitionBound!.Remainder).ToList();
                var previous = hashed.LastOrDefault(s => s.PartitionBound!.Modulus < bound.Modulus
                    || s.PartitionBound!.Modulus == bound.Modulus && s.PartitionBound.Remainder <= bound.Remainder);
                if (previous is not null && bound.Modulus % previous.PartitionBound!.Modulus != 0)
                    throw new TenonException(SqlState.InvalidObjectDefinition, "every hash partition modulus must be a factor of the next larger modulus",
                        $"The new modulus {bound.Modulus} is not divisible by {previous.PartitionBound.Modulus}, the modulus of existing partition \"{previous.Name}\".");
                var next = hashed.FirstOrDefault(s => s.PartitionBound!.Modulus > bound.Modulus);
                if (next is not null && next.PartitionBound!.Modulus % bound.Modulus != 0)
                    throw new TenonException(SqlState.InvalidObjectDefinition, "every hash partition modulus must be a factor of the next larger modulus",
                        $"The new modulus {bound.Modulus} is not a factor of {next.PartitionBound.Modulus}, the modulus of existing partition \"{next.Name}\".");
                var greatest = Math.Max(bound.Modulus, hashed.Count > 0 ? hashed.Max(s => s.PartitionBound!.Modulus) : 0);
                for (var r = bound.Remainder; r < greatest; r += bound.Modulus)
                    foreach (var s in hashed)
                        if (r % s.PartitionBound!.Modulus == s.PartitionBound.Remainder)
                            throw Overlap(s, spec.Position);
                return;
            }
        }
    }

    private int ValuePosition(PartitionKeyDef key, PartitionBoundSpec spec, object? value)
    {
        var binder = new Binder(ctx);
        for (var i = 0; i < spec.Values.Count; i++)
        {
            var v = binder.TryCoerce(binder.BindExpr(spec.Values[i], null), key.Types[0], CastContext.Assignment)?.Eval(Array.Empty<object?>(), ctx);
            if (v is null ? value is null : value is not null && ValueComparer.Equal(v, value, key.Types[0].Id)) return i;
        }
        return 0;
    }

    /// <summary>
    /// After a partition is added beside a default partition, no row of the default partition may
    /// belong to the new one (PostgreSQL scans it for such rows).
    /// </summary>
    private void ValidateDefaultPartition(TableDef parent, TableDef added)
    {
        if (added.PartitionBound!.IsDefault) return;
        var def = PartitionBound.Children(Catalog, parent).FirstOrDefault(s => s.PartitionBound!.IsDefault);
        if (def is null) return;
        var router = new PartitionRouter(ctx);
        var key = parent.PartitionKey!;
        foreach (var leaf in PartitionBound.Leaves(Catalog, def))
            foreach (var (_, row) in Tx.Rows(leaf.Oid).Scan())
            {
                var parentRow = PartitionRouter.MapRow(leaf, parent, row);
                var values = router.KeyOf(parent, parentRow);
                var hash = key.Strategy == PartitionStrategy.Hash ? router.RowHash(key, values) : 0;
                if (PartitionBound.Accepts(key, added.PartitionBound, values, hash))
                    throw new TenonException(SqlState.CheckViolation, $"updated partition constraint for default partition \"{def.Name}\" would be violated by some row")
                    { SchemaName = def.Schema, TableName = def.Name };
            }
    }

    /// <summary>ALTER TABLE parent ATTACH PARTITION table FOR VALUES …: the table's rows must all fit the bound.</summary>
    private void AttachPartition(TableDef parent, AttachPartitionAction attach)
    {
        if (!parent.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, $"table \"{parent.Name}\" is not partitioned");
        // PostgreSQL checks the bound when it analyzes the statement, before it looks at the table.
        var bound = BindPartitionBound(parent, attach.Bound, attach.Partition.Name);
        var table = FindTable(attach.Partition) ?? throw SqlErrors.RelationDoesNotExist(attach.Partition.ToString());
        if (table.IsPartition)
            throw new TenonException(SqlState.ObjectInUse, $"\"{table.Name}\" is already a partition");
        RejectInheritanceInPartitioning(table);
        if (table.Oid == parent.Oid || PartitionBound.Ancestors(Catalog, parent).Any(a => a.Oid == table.Oid))
            throw new TenonException(SqlState.DuplicateTable, $"circular inheritance not allowed",
                $"\"{parent.Name}\" is already a child of \"{table.Name}\".");
        if (table.Temporary != parent.Temporary)
            throw new TenonException(SqlState.WrongObjectType, parent.Temporary
                ? $"cannot attach a permanent relation as partition of temporary relation \"{parent.Name}\""
                : $"cannot attach a temporary relation as partition of permanent relation \"{parent.Name}\"");
        if (table.OfType != 0) throw new TenonException(SqlState.WrongObjectType, "cannot attach a typed table as partition");
        foreach (var c in table.LiveColumns)
            if (parent.FindColumn(c.Name) is null)
                throw new TenonException(SqlState.DatatypeMismatch, $"table \"{table.Name}\" contains column \"{c.Name}\" not found in parent \"{parent.Name}\"",
                    "The new partition may contain only the columns present in parent.");
        foreach (var pc in parent.LiveColumns)
        {
            var c = table.FindColumn(pc.Name)
                ?? throw new TenonException(SqlState.DatatypeMismatch, $"child table is missing column \"{pc.Name}\"");
            if (!c.Type.Equals(pc.Type))
                throw new TenonException(SqlState.DatatypeMismatch, $"child table \"{table.Name}\" has different type for column \"{pc.Name}\"");
            if (pc.NotNull && !c.NotNull)
                throw new TenonException(SqlState.DatatypeMismatch, $"column \"{pc.Name}\" in child table must be marked NOT NULL");
        }
        foreach (var check in parent.Checks.Where(c => !c.NoInherit))
            if (table.FindConstraint(check.Name) is not CheckConstraintDef)
                throw new TenonException(SqlState.DatatypeMismatch, $"child table is missing constraint \"{check.Name}\"");
        CheckNewBound(parent, attach.Bound, bound, table.Name);
        // Its copy of such a key would reference itself.
        if (parent.ForeignKeys.FirstOrDefault(fk => fk.ParentTableOid == table.Oid) is { } selfKey)
            throw new TenonException(SqlState.FeatureNotSupported,
                $"cannot attach table \"{table.Name}\" as a partition because it is referenced by foreign key \"{selfKey.Name}\"");
        // The table's CHECKs of the parent's names become copies of the parent's (PostgreSQL merges them).
        var merged = table.Constraints.Select(c => c is CheckConstraintDef { ParentConstraintOid: 0 } ck
            && parent.Checks.FirstOrDefault(p => !p.NoInherit && p.Name == ck.Name) is { } origin ? ck with { ParentConstraintOid = origin.Oid } : c).ToArray();
        var attached = table with { PartitionParent = parent.Oid, PartitionBound = bound, Constraints = merged };
        Catalog = Catalog.PutTable(attached);
        var router = new PartitionRouter(ctx);
        foreach (var leaf in PartitionBound.Leaves(Catalog, attached))
            foreach (var (_, row) in Tx.Rows(leaf.Oid).Scan())
                if (!router.SatisfiesConstraint(leaf, row))
                    throw new TenonException(SqlState.CheckViolation, $"partition constraint of relation \"{leaf.Name}\" is violated by some row")
                    { SchemaName = leaf.Schema, TableName = leaf.Name };
        foreach (var index in parent.Indexes) ClonePartitionIndex(parent, index, table.Oid, attaching: true);
        foreach (var fk in parent.ForeignKeys) ClonePartitionForeignKey(fk, table.Oid);
        CloneParentTriggers(parent, Catalog.Table(table.Oid));
        if (attached.IsPartitioned)
            foreach (var child in PartitionBound.Children(Catalog, Catalog.Table(table.Oid)))
                CascadeToPartition(Catalog.Table(table.Oid), child);
        ValidateDefaultPartition(parent, Catalog.Table(table.Oid));
    }

    /// <summary>Indexes and foreign keys a partitioned table gained reach its partitions (recursively).</summary>
    private void CascadeToPartition(TableDef parent, TableDef child)
    {
        // An invalid index (CREATE INDEX ON ONLY) is not carried down; nor is one the partition has already.
        foreach (var index in parent.Indexes.Where(i => i.Valid)) ClonePartitionIndex(Catalog.Table(parent.Oid), Catalog.Indexes[index.Oid], child.Oid);
        foreach (var fk in parent.ForeignKeys) ClonePartitionForeignKey(fk, child.Oid);
        var updated = Catalog.Table(child.Oid);
        if (updated.IsPartitioned)
            foreach (var grandchild in PartitionBound.Children(Catalog, updated))
                CascadeToPartition(updated, grandchild);
    }

    /// <summary>ALTER TABLE parent DETACH PARTITION table: it becomes an ordinary table and keeps its rows.</summary>
    private void DetachPartition(TableDef parent, DetachPartitionAction detach)
    {
        if (!parent.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, $"table \"{parent.Name}\" is not partitioned");
        var table = FindTable(detach.Partition) ?? throw SqlErrors.RelationDoesNotExist(detach.Partition.ToString());
        if (table.PartitionParent != parent.Oid)
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{table.Name}\" is not a partition of relation \"{parent.Name}\"");
        CheckPartitionRemoval(table);
        // Its copies of the parent's constraints stay, as constraints of its own.
        var own = table.Constraints.Select(c => c.ParentConstraintOid != 0 && parent.Constraints.Any(p => p.Oid == c.ParentConstraintOid)
            ? c with { ParentConstraintOid = 0 } : c).ToArray();
        Catalog = Catalog.PutTable(table with { PartitionParent = 0, PartitionBound = null, Constraints = own });
        foreach (var index in Catalog.Table(table.Oid).Indexes.Where(i => i.ParentIndexOid != 0 && parent.Indexes.Any(p => p.Oid == i.ParentIndexOid)))
            PutIndexDef(index with { ParentIndexOid = 0 });
        DropClonedTriggers(table, parent);
    }

    /// <summary>After DDL that added an index or foreign key to a partitioned table, its partitions get their copies.</summary>
    private void CascadeToPartitions(uint tableOid)
    {
        var table = Catalog.Table(tableOid);
        if (!table.IsPartitioned) return;
        foreach (var child in PartitionBound.Children(Catalog, table))
            CascadeToPartition(table, child);
    }

    /// <summary>The copies of a constraint in the partitions below its table (found by conparentid), deepest last.</summary>
    private List<ConstraintDef> PartitionCopies(ConstraintDef c)
    {
        var result = new List<ConstraintDef>();
        foreach (var t in Catalog.Tables.Values)
            foreach (var x in t.Constraints)
                if (x.ParentConstraintOid == c.Oid)
                {
                    result.Add(x);
                    result.AddRange(PartitionCopies(x));
                }
        return result;
    }

    /// <summary>
    /// Column changes and CHECK constraints made on a partitioned table apply to its partitions too
    /// (keys and foreign keys reach them through <see cref="CascadeToPartitions"/>); a CHECK keeps
    /// the name it got on the parent.
    /// </summary>
    private void CascadeAlterToPartitions(uint tableOid, AlterTableAction action)
    {
        if (!Catalog.Tables.TryGetValue(tableOid, out var table) || !table.IsPartitioned) return;
        AlterTableAction? forChild = action switch
        {
            AddColumnAction or DropColumnAction or RenameColumnAction => action,
            AlterColumnAction { Kind: AlterColumnKind.SetNotNull or AlterColumnKind.DropNotNull or AlterColumnKind.SetDefault or AlterColumnKind.DropDefault or AlterColumnKind.SetType } => action,
            AddConstraintAction { Constraint: CheckTableConstraint { NoInherit: false } check } =>
                new AddConstraintAction(check with { Name = check.Name ?? table.Checks.LastOrDefault()?.Name }) { Position = action.Position },
            _ => null,
        };
        if (forChild is null) return;
        foreach (var child in PartitionBound.Children(Catalog, table))
        {
            if (forChild is AddColumnAction add && Catalog.Table(child.Oid).FindColumn(add.Column.Name) is not null) continue;
            if (!(forChild is AddConstraintAction { Constraint: CheckTableConstraint { Name: { } n } } && Catalog.Table(child.Oid).FindConstraint(n) is not null))
                AlterTableActions(new AlterTableStatement(new QualifiedName(child.Schema, child.Name), [forChild]) { Recursing = true });
            // The partition's CHECK is a copy of the parent's: it goes when that one is dropped, and not alone.
            if (forChild is AddConstraintAction { Constraint: CheckTableConstraint { Name: { } checkName } }
                && Catalog.Table(tableOid).FindConstraint(checkName) is CheckConstraintDef origin
                && Catalog.Table(child.Oid) is var updated && updated.FindConstraint(checkName) is CheckConstraintDef { ParentConstraintOid: 0 } copy)
                Catalog = Catalog.PutTable(updated with
                {
                    Constraints = updated.Constraints.Select(c => c.Oid == copy.Oid ? c with { ParentConstraintOid = origin.Oid } : c).ToArray(),
                });
        }
    }

    /// <summary>A column of a partition key may be neither dropped nor given another type.</summary>
    private void GuardPartitionKeyColumns(TableDef table, AlterTableAction action)
    {
        if (table.PartitionKey is not { } key) return;
        var (name, verb) = action switch
        {
            DropColumnAction d => (d.Column, "drop"),
            AlterColumnAction { Kind: AlterColumnKind.SetType } a => (a.Column, "alter"),
            _ => (null, null),
        };
        if (name is null || table.FindColumn(name) is not { } column) return;
        var used = key.Columns.Contains(column.Number);
        for (var i = 0; i < key.Count && !used; i++)
            if (key.Expressions[i] is { } e)
                used = new Binder(ctx).BindExpr(e, RowWriter.TableScope(table)).Descendants().Prepend(null!)
                    .OfType<ColumnExpr>().Any(c => c.Index == column.Number - 1);
        if (used)
            throw new TenonException(SqlState.InvalidTableDefinition,
                $"cannot {verb} column \"{name}\" because it is part of the partition key of relation \"{table.Name}\"");
    }
}
