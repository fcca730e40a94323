using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE / ALTER / DROP SEQUENCE and the sequences behind serial and identity columns. A
/// sequence's definition lives in the catalog, so ALTER SEQUENCE is transactional; RESTART gives
/// the altered sequence a fresh <see cref="SequenceState"/>, so a rollback restores the old
/// position too (PostgreSQL writes a new relfilenode for the same effect). nextval itself is not
/// transactional: see <see cref="Session"/>.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateSequence(CreateSequenceStatement stmt)
    {
        if (NewRelationName(stmt.Name, stmt.Temporary, stmt.IfNotExists, withPosition: false) is not var (schema, name))
            return new StatementResult("CREATE SEQUENCE");
        var seq = ApplySequenceOptions(new SequenceDef(name, Db.NextOid(), schema) { DataType = SqlType.Int8, Unlogged = stmt.Unlogged && !SearchPath.IsTempSchema(schema) }, stmt.Options, creating: true);
        Catalog = Catalog.PutSequence(ApplyOwnedBy(seq, stmt.Options));
        return new StatementResult("CREATE SEQUENCE");
    }

    public StatementResult AlterSequence(AlterSequenceStatement stmt)
    {
        var oid = Lookup(stmt.Name);
        if (oid == 0)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Name}\" does not exist, skipping"));
                return new StatementResult("ALTER SEQUENCE");
            }
            throw SqlErrors.RelationDoesNotExist(stmt.Name.ToString());
        }
        if (!Catalog.Sequences.TryGetValue(oid, out var seq))
            throw new TenonException(SqlState.WrongObjectType, $"\"{Catalog.RelationName(oid)}\" is not a sequence");
        if (stmt.Options.Any(o => o.Name == "owned_by") && Catalog.IdentityOwner(seq) is { } identity)
            throw new TenonException(SqlState.FeatureNotSupported, "cannot change ownership of identity sequence",
                $"Sequence \"{seq.Name}\" is linked to table \"{identity.Table.Name}\".");
        seq = ApplySequenceOptions(seq, stmt.Options, creating: false);
        Catalog = Catalog.PutSequence(ApplyOwnedBy(seq, stmt.Options));
        return new StatementResult("ALTER SEQUENCE");
    }

    /// <summary>Restarts a sequence at its start value, transactionally (TRUNCATE … RESTART IDENTITY).</summary>
    private void RestartSequence(SequenceDef seq) =>
        Catalog = Catalog.PutSequence(seq with { State = new SequenceState { LastValue = seq.Start, IsCalled = false } });

    /// <summary>DROP SEQUENCE of one sequence: refused while a column default uses it (unless CASCADE) or an identity column owns it.</summary>
    private void DropSequence(SequenceDef seq, bool cascade)
    {
        if (Catalog.IdentityOwner(seq) is { } identity)
            throw new TenonException(SqlState.DependentObjectsStillExist,
                $"cannot drop sequence {seq.Name} because column {identity.Column.Name} of table {identity.Table.Name} requires it",
                hint: $"You can drop column {identity.Column.Name} of table {identity.Table.Name} instead.");
        var dependents = DefaultDependencies.OnRelation(ctx, seq.Oid);
        // A domain drawing from the sequence goes with it, and with the domain what uses it.
        var domains = DefaultDependencies.DomainsOnRelation(ctx, seq.Oid)
            .Select(d => (Domain: d, Dependents: Enumerable.Reverse(TypeDependents(d)).ToList())).ToList();
        if (dependents.Count > 0 || domains.Count > 0)
        {
            var lines = dependents.Select(d => $"{d.Description} depends on sequence {Describe(seq.Oid)}").ToList();
            var dropped = dependents.Select(d => d.Description).ToList();
            foreach (var (domain, uses) in domains)
            {
                lines.Add($"type {domain.Name} depends on sequence {Describe(seq.Oid)}");
                dropped.Add($"type {domain.Name}");
                lines.AddRange(uses.Select(u => $"{u.What} depends on {u.On}"));
                dropped.AddRange(uses.Select(u => u.What));
            }
            if (!cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop sequence {Describe(seq.Oid)} because other objects depend on it",
                    string.Join("\n", lines), "Use DROP ... CASCADE to drop the dependent objects too.");
            ReportCascade(dropped);
            foreach (var d in dependents) DropColumnDefault(d.Table.Oid, d.Column.Number);
            foreach (var (domain, uses) in domains)
            {
                foreach (var u in Enumerable.Reverse(uses)) u.Drop();
                if (Catalog.UserTypes.ContainsKey(domain.Oid)) Catalog = Catalog.RemoveUserType(domain.Oid);
            }
        }
        Catalog = Catalog.RemoveSequence(seq.Oid);
    }

    /// <summary>The NOTICE PostgreSQL gives for objects a DROP … CASCADE takes along.</summary>
    private void ReportCascade(IReadOnlyList<string> dropped)
    {
        if (_quiet || dropped.Count == 0) return;
        if (dropped.Count == 1)
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"drop cascades to {dropped[0]}"));
        else
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"drop cascades to {dropped.Count} other objects",
                string.Join("\n", dropped.Select(d => "drop cascades to " + d))));
    }

    private void DropColumnDefault(uint tableOid, short number)
    {
        var table = Catalog.Table(tableOid);
        var cols = table.Columns.ToList();
        cols[number - 1] = cols[number - 1] with { Default = null, DefaultText = null };
        Catalog = Catalog.PutTable(table with { Columns = cols });
    }

    /// <summary>
    /// A serial column's sequence and nextval default, or an identity column's sequence, made after
    /// the column's own constraints are checked. A serial's default counts as one more DEFAULT
    /// clause without a position, as in PostgreSQL.
    /// </summary>
    private ColumnDef ApplySerialOrIdentity(TableDef table, ColumnDef col, bool serial, IdentityColumnConstraint? identity)
    {
        if (serial)
        {
            if (col.Default is not null)
                throw new TenonException(SqlState.SyntaxError, $"multiple default values specified for column \"{col.Name}\" of table \"{table.Name}\"");
            if (identity is not null) throw BothDefaultAndIdentity(col.Name, table.Name, 0);
            if (col.Generated is not null) throw BothDefaultAndGeneration(col.Name, table.Name, 0);
            var seq = CreateOwnedSequence(table, col, col.Type, Array.Empty<SequenceOption>());
            return col with
            {
                NotNull = true,
                // The literal is regclass text: quoted when needed, or a mixed-case name would fold to lower case.
                // By oid, as PostgreSQL's regclass constant: the default keeps naming this sequence whatever the search path.
                Default = new FunctionCall(new QualifiedName(null, "nextval"), [new StringLiteral(seq.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
                DefaultText = $"nextval('{(seq.Schema == SystemCatalog.PublicSchema ? "" : Errors.SqlErrors.QuoteIdentifier(seq.Schema) + ".")}{Errors.SqlErrors.QuoteIdentifier(seq.Name)}'::regclass)",
                OwnedSequence = seq.Name,
            };
        }
        if (identity is not null)
        {
            if (col.Type.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8))
                throw new TenonException(SqlState.InvalidParameterValue, "identity column type must be smallint, integer, or bigint");
            var seq = CreateOwnedSequence(table, col, col.Type, identity.Options);
            return col with { NotNull = true, Identity = identity.Always ? IdentityKind.Always : IdentityKind.ByDefault, OwnedSequence = seq.Name };
        }
        return col;
    }

    private static TenonException BothDefaultAndIdentity(string column, string table, int position) =>
        new(SqlState.SyntaxError, $"both default and identity specified for column \"{column}\" of table \"{table}\"") { Position = position };

    /// <summary>Creates the sequence of a serial or identity column (named t_c_seq unless SEQUENCE NAME says otherwise), owned by the column.</summary>
    private SequenceDef CreateOwnedSequence(TableDef table, ColumnDef col, SqlType type, IReadOnlyList<SequenceOption> options)
    {
        var schema = table.Schema;
        string name;
        if (options.FirstOrDefault(o => o.Name == "sequence_name")?.Target is { } given)
        {
            schema = given.Schema ?? schema;
            name = NameGenerator.Truncate(given.Name);
            if (Catalog.RelationExists(schema, name))
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        }
        else name = NameGenerator.Choose(table.Name, col.Name, "seq", n => Catalog.RelationExists(table.Schema, n));
        // The sequence takes the table's persistence (an unlogged table's is unlogged).
        var seq = ApplySequenceOptions(new SequenceDef(name, Db.NextOid(), schema) { DataType = type, Unlogged = table.Unlogged }, options, creating: true)
            with { OwnerTableOid = table.Oid, OwnerColumn = col.Number };
        Catalog = Catalog.PutSequence(seq);
        return seq;
    }

    /// <summary>
    /// Applies sequence options to a new sequence (<paramref name="creating"/>) or an existing one,
    /// with PostgreSQL's defaults and checks, in its order: AS, INCREMENT, CYCLE, MAXVALUE, MINVALUE,
    /// START, RESTART (or the current value), CACHE.
    /// </summary>
    private SequenceDef ApplySequenceOptions(SequenceDef seq, IReadOnlyList<SequenceOption> options, bool creating)
    {
        var given = new Dictionary<string, SequenceOption>();
        foreach (var o in options)
        {
            if (!given.TryAdd(o.Name, o))
                throw new TenonException(SqlState.SyntaxError, "conflicting or redundant options") { Position = o.Position };
        }

        var type = seq.DataType;
        bool resetMax = false, resetMin = false;
        if (given.TryGetValue("as", out var asOpt))
        {
            var newType = Binder.ResolveType(asOpt.Type!, Catalog);
            if (newType.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8))
                throw new TenonException(SqlState.InvalidParameterValue, "sequence type must be smallint, integer, or bigint");
            if (!creating)
            {
                // Bounds that were the old type's limits follow the type; explicit bounds stay.
                resetMax = seq.MaxValue == TypeMax(type);
                resetMin = seq.MinValue == TypeMin(type);
            }
            type = newType;
        }
        var increment = given.TryGetValue("increment", out var inc) ? inc.Value!.Value : creating ? 1 : seq.Increment;
        if (increment == 0)
            throw new TenonException(SqlState.InvalidParameterValue, "INCREMENT must not be zero");
        var cycle = given.TryGetValue("cycle", out var cyc) ? cyc.Flag : !creating && seq.Cycle;

        long maxValue = given.TryGetValue("maxvalue", out var max) && max.Flag ? max.Value!.Value
            : resetMax && max is null ? TypeMax(type)
            : max is not null || creating ? (increment > 0 ? TypeMax(type) : -1)
            : seq.MaxValue;
        if (maxValue > TypeMax(type) || maxValue < TypeMin(type))
            throw new TenonException(SqlState.NumericValueOutOfRange, $"MAXVALUE ({maxValue}) is out of range for sequence data type {type.DisplayName}");
        long minValue = given.TryGetValue("minvalue", out var min) && min.Flag ? min.Value!.Value
            : resetMin && min is null ? TypeMin(type)
            : min is not null || creating ? (increment > 0 ? 1 : TypeMin(type))
            : seq.MinValue;
        if (minValue > TypeMax(type) || minValue < TypeMin(type))
            throw new TenonException(SqlState.NumericValueOutOfRange, $"MINVALUE ({minValue}) is out of range for sequence data type {type.DisplayName}");
        if (minValue >= maxValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"MINVALUE ({minValue}) must be less than MAXVALUE ({maxValue})");

        var start = given.TryGetValue("start", out var st) ? st.Value!.Value : creating ? (increment > 0 ? minValue : maxValue) : seq.Start;
        if (start < minValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"START value ({start}) cannot be less than MINVALUE ({minValue})");
        if (start > maxValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"START value ({start}) cannot be greater than MAXVALUE ({maxValue})");

        var state = seq.State;
        if (creating || given.ContainsKey("restart"))
        {
            var restart = given.TryGetValue("restart", out var rs) && rs.Value is { } v ? v : start;
            state = new SequenceState { LastValue = restart, IsCalled = false };
        }
        if (state.LastValue < minValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"RESTART value ({state.LastValue}) cannot be less than MINVALUE ({minValue})");
        if (state.LastValue > maxValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"RESTART value ({state.LastValue}) cannot be greater than MAXVALUE ({maxValue})");

        var cache = given.TryGetValue("cache", out var ca) ? ca.Value!.Value : creating ? 1 : seq.Cache;
        if (cache <= 0)
            throw new TenonException(SqlState.InvalidParameterValue, $"CACHE ({cache}) must be greater than zero");

        return seq with
        {
            DataType = type, Increment = increment, Cycle = cycle, MaxValue = maxValue, MinValue = minValue,
            Start = start, Cache = cache, State = state,
        };
    }

    private static long TypeMax(SqlType t) => t.Id switch { TypeId.Int2 => short.MaxValue, TypeId.Int4 => int.MaxValue, _ => long.MaxValue };
    private static long TypeMin(SqlType t) => t.Id switch { TypeId.Int2 => short.MinValue, TypeId.Int4 => int.MinValue, _ => long.MinValue };

    /// <summary>OWNED BY table.column | NONE: the sequence goes with that column (dropped with it or its table).</summary>
    private SequenceDef ApplyOwnedBy(SequenceDef seq, IReadOnlyList<SequenceOption> options)
    {
        var owned = options.FirstOrDefault(o => o.Name == "owned_by");
        if (owned is null) return seq;
        if (!owned.Flag) return seq with { OwnerTableOid = 0, OwnerColumn = 0 };
        var target = owned.Target!;
        if (target.Schema is null)
            throw new TenonException(SqlState.InvalidParameterValue, "invalid OWNED BY option",
                hint: "Specify OWNED BY table.column or OWNED BY NONE.");
        var oid = Lookup(new QualifiedName(owned.TargetTableSchema, target.Schema));
        // A system catalog is a table of schema pg_catalog, where no sequence can be.
        if (oid == 0 && Tenon.Catalog.PgCatalog.SystemRelations.Find(Catalog, Path, owned.TargetTableSchema, target.Schema) is not null)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, "sequence must be in same schema as table it is linked to");
        if (oid == 0) throw SqlErrors.RelationDoesNotExist(target.Schema);
        if (!Catalog.Tables.TryGetValue(oid, out var table))
            throw new TenonException(SqlState.WrongObjectType, $"sequence cannot be owned by relation \"{Catalog.RelationName(oid)}\"");
        if (table.Schema != seq.Schema)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, "sequence must be in same schema as table it is linked to");
        var column = table.FindColumn(target.Name)
            ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{target.Name}\" of relation \"{table.Name}\" does not exist");
        return seq with { OwnerTableOid = table.Oid, OwnerColumn = column.Number };
    }

    /// <summary>ALTER COLUMN … ADD GENERATED … AS IDENTITY | SET GENERATED / SET option / RESTART | DROP IDENTITY.</summary>
    private ColumnDef AlterIdentity(TableDef table, ColumnDef col, AlterColumnAction ac)
    {
        string Subject() => $"column \"{col.Name}\" of relation \"{table.Name}\"";
        switch (ac.Kind)
        {
            case AlterColumnKind.AddIdentity:
            {
                if (col.Type.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8))
                    throw new TenonException(SqlState.InvalidParameterValue, "identity column type must be smallint, integer, or bigint");
                if (!col.NotNull)
                    throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"{Subject()} must be declared NOT NULL before identity can be added");
                if (col.Identity != IdentityKind.None)
                    throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"{Subject()} is already an identity column");
                if (col.Default is not null)
                    throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"{Subject()} already has a default value");
                var seq = CreateOwnedSequence(table, col, col.Type, ac.Identity!.Options);
                return col with { Identity = ac.Identity.Always ? IdentityKind.Always : IdentityKind.ByDefault, OwnedSequence = seq.Name };
            }
            case AlterColumnKind.SetIdentity:
            {
                var seq = col.Identity == IdentityKind.None ? null : Catalog.OwnedSequence(table.Oid, col.Number);
                if (seq is null)
                    throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"{Subject()} is not an identity column");
                if (ac.Options.Count > 0) Catalog = Catalog.PutSequence(ApplySequenceOptions(seq, ac.Options, creating: false));
                return ac.Identity is { } kind ? col with { Identity = kind.Always ? IdentityKind.Always : IdentityKind.ByDefault } : col;
            }
            default:
            {
                if (col.Identity == IdentityKind.None)
                {
                    if (!ac.IfExists)
                        throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"{Subject()} is not an identity column");
                    ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"{Subject()} is not an identity column, skipping"));
                    return col;
                }
                if (Catalog.OwnedSequence(table.Oid, col.Number) is { } seq) Catalog = Catalog.RemoveSequence(seq.Oid);
                return col with { Identity = IdentityKind.None, OwnedSequence = null };
            }
        }
    }
}
