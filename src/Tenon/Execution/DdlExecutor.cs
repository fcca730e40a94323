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
/// CREATE/DROP/ALTER of tables, indexes, sequences and extensions. Each statement computes a new
/// <see cref="SystemCatalog"/> and installs it in the transaction, so DDL is transactional and a
/// failure leaves nothing behind. Names PostgreSQL would generate (t_pkey, t_a_key, t_a_fkey,
/// t_a_check, t_a_seq) are chosen by <see cref="NameGenerator"/> with PostgreSQL's clash rules.
/// </summary>
public sealed partial class DdlExecutor(ExecContext ctx)
{
    private Transaction Tx => ctx.Transaction;
    private Database Db => ctx.Session.Database;

    private SystemCatalog Catalog
    {
        get => Tx.Catalog;
        set => Tx.Catalog = value;
    }

    public StatementResult CreateTable(CreateTableStatement stmt)
    {
        if (stmt.AsQuery is not null || stmt.Likes.Count > 0 || stmt.Inherits.Count > 0 || stmt.PartitionBy is not null)
            throw new TenonException(SqlState.FeatureNotSupported,
                stmt.AsQuery is not null ? "CREATE TABLE AS is not supported yet" : stmt.Likes.Count > 0 ? "CREATE TABLE … LIKE is not supported yet"
                : stmt.Inherits.Count > 0 ? "table inheritance is not supported" : "partitioned tables are not supported") { Position = stmt.Position };
        var schema = stmt.Temporary ? SystemCatalog.TempSchema : stmt.Name.Schema ?? SystemCatalog.PublicSchema;
        if (!Catalog.Schemas.Contains(schema))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist") { Position = stmt.Name.Position };
        var name = NameGenerator.Truncate(stmt.Name.Name);
        if (Catalog.RelationExists(schema, name))
        {
            if (stmt.IfNotExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "42P07", $"relation \"{name}\" already exists, skipping"));
                return new StatementResult("CREATE TABLE");
            }
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        }

        var oid = Db.NextOid();
        var columns = new List<ColumnDef>();
        foreach (var c in stmt.Columns)
        {
            if (columns.Any(x => x.Name == c.Name))
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{c.Name}\" specified more than once");
            columns.Add(new ColumnDef(c.Name, Binder.ResolveType(c.Type), (short)(columns.Count + 1)));
        }
        var table = new TableDef(oid, schema, name, columns) { Temporary = stmt.Temporary };
        Catalog = Catalog.PutTable(table);
        Tx.SetData(oid, new TableData(RowStore.Empty, Array.Empty<IndexStore>()));

        // Column properties first (serial sequences, defaults, NOT NULL, identity), then constraints
        // in PostgreSQL's order: primary key/unique indexes, checks, then foreign keys.
        var pending = new List<(TableConstraint Constraint, int Position)>();
        foreach (var c in stmt.Columns)
        {
            ApplyColumnDefinition(oid, c, pending);
        }
        foreach (var tc in stmt.Constraints) pending.Add((tc, tc.Position));
        AddConstraints(oid, pending, creating: true);
        return new StatementResult("CREATE TABLE");
    }

    /// <summary>Applies one column definition's type-derived properties and inline constraints.</summary>
    private void ApplyColumnDefinition(uint tableOid, ColumnDefinition c, List<(TableConstraint, int)> pending)
    {
        var table = Catalog.Table(tableOid);
        var col = table.FindColumn(c.Name)!;
        if (Binder.IsSerial(c.Type))
        {
            var seq = CreateOwnedSequence(table, col, col.Type, Array.Empty<SequenceOption>());
            col = col with
            {
                NotNull = true,
                Default = new FunctionCall(new QualifiedName(null, "nextval"), [new StringLiteral(seq.Name)]),
                DefaultText = $"nextval('{seq.Name}'::regclass)",
                OwnedSequence = seq.Name,
            };
        }
        var sawNull = false;
        var sawNotNull = false;
        foreach (var cc in c.Constraints)
        {
            switch (cc)
            {
                case NotNullColumnConstraint:
                    if (sawNull)
                        throw new TenonException(SqlState.SyntaxError, $"conflicting NULL/NOT NULL declarations for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    sawNotNull = true;
                    col = col with { NotNull = true };
                    break;
                case NullColumnConstraint:
                    if (sawNotNull)
                        throw new TenonException(SqlState.SyntaxError, $"conflicting NULL/NOT NULL declarations for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    sawNull = true;
                    break;
                case DefaultColumnConstraint d:
                    if (col.Default is not null)
                        throw new TenonException(SqlState.SyntaxError, $"multiple default values specified for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    ValidateDefault(col, d.Value);
                    col = col with { Default = d.Value, DefaultText = "?" };
                    break;
                case IdentityColumnConstraint id:
                {
                    if (col.Type.Id is not (TypeId.Int2 or TypeId.Int4 or TypeId.Int8))
                        throw new TenonException(SqlState.InvalidParameterValue, $"identity column type must be smallint, integer, or bigint") { Position = cc.Position };
                    var seq = CreateOwnedSequence(Catalog.Table(tableOid), col, col.Type, id.Options);
                    col = col with { NotNull = true, Identity = id.Always ? IdentityKind.Always : IdentityKind.ByDefault, OwnedSequence = seq.Name };
                    break;
                }
                case CheckColumnConstraint ck:
                    pending.Add((new CheckTableConstraint(ck.Condition, ck.NoInherit) { Name = ck.Name, SourceText = ck.SourceText, Position = ck.Position }, ck.Position));
                    break;
                case PrimaryKeyColumnConstraint pk:
                    pending.Add((new PrimaryKeyTableConstraint([c.Name]) { Name = pk.Name, Timing = pk.Timing, Position = pk.Position }, pk.Position));
                    break;
                case UniqueColumnConstraint u:
                    pending.Add((new UniqueTableConstraint([c.Name], u.NullsNotDistinct) { Name = u.Name, Timing = u.Timing, Position = u.Position }, u.Position));
                    break;
                case ReferencesColumnConstraint r:
                    pending.Add((new ForeignKeyTableConstraint([c.Name], r.References) { Name = r.Name, Timing = r.Timing, Position = r.Position }, r.Position));
                    break;
                case GeneratedColumnConstraint:
                    throw new TenonException(SqlState.FeatureNotSupported, "generated columns are not supported yet") { Position = cc.Position };
            }
        }
        if (col.Default is not null && col.Identity != IdentityKind.None)
            throw new TenonException(SqlState.SyntaxError, $"both default and identity specified for column \"{c.Name}\" of table \"{table.Name}\"") { Position = c.Position };
        table = Catalog.Table(tableOid);
        var cols = table.Columns.ToList();
        cols[col.Number - 1] = col;
        Catalog = Catalog.PutTable(table with { Columns = cols });
    }

    private void ValidateDefault(ColumnDef col, Expr value)
    {
        if (ContainsColumnRef(value))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot use column reference in DEFAULT expression") { Position = FirstColumnRefPosition(value) };
        var binder = new Binder(ctx) { NoSubqueriesIn = "DEFAULT expression" };
        binder.CoerceForColumn(binder.BindExpr(value, null), col, value.Position);
    }

    private static bool ContainsColumnRef(Expr e) => FirstColumnRefPosition(e) > 0;

    private static int FirstColumnRefPosition(Expr e) => e switch
    {
        ColumnRef c => c.Position,
        BinaryExpr b => Math.Max(FirstColumnRefPosition(b.Left), FirstColumnRefPosition(b.Right)),
        UnaryExpr u => FirstColumnRefPosition(u.Operand),
        Sql.Ast.CastExpr c => FirstColumnRefPosition(c.Operand),
        FunctionCall f => f.Args.Select(FirstColumnRefPosition).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private SequenceDef CreateOwnedSequence(TableDef table, ColumnDef col, SqlType type, IReadOnlyList<SequenceOption> options)
    {
        var name = NameGenerator.Choose(table.Name, col.Name, "seq", n => Catalog.RelationExists(table.Schema, n));
        var seq = BuildSequence(name, table.Schema, type, options) with { OwnerTableOid = table.Oid, OwnerColumn = col.Number };
        Catalog = Catalog.PutSequence(seq);
        return seq;
    }

    /// <summary>Builds a sequence definition from CREATE SEQUENCE / identity options, validating them as PostgreSQL does.</summary>
    public SequenceDef BuildSequence(string name, string schema, SqlType type, IReadOnlyList<SequenceOption> options)
    {
        var asType = options.FirstOrDefault(o => o.Name == "as")?.Type is { } t ? Binder.ResolveType(t) : type;
        var typeMax = asType.Id switch { TypeId.Int2 => (long)short.MaxValue, TypeId.Int4 => int.MaxValue, _ => long.MaxValue };
        var typeMin = asType.Id switch { TypeId.Int2 => (long)short.MinValue, TypeId.Int4 => int.MinValue, _ => long.MinValue };
        long increment = 1;
        long? min = null, max = null, start = null;
        long cache = 1;
        var cycle = false;
        foreach (var o in options)
        {
            switch (o.Name)
            {
                case "increment": increment = o.Value ?? 1; break;
                case "minvalue": min = o.Flag ? o.Value : null; break;
                case "maxvalue": max = o.Flag ? o.Value : null; break;
                case "start": start = o.Value; break;
                case "cache": cache = o.Value ?? 1; break;
                case "cycle": cycle = o.Flag; break;
            }
        }
        if (increment == 0)
            throw new TenonException(SqlState.InvalidParameterValue, "INCREMENT must not be zero");
        var minValue = min ?? (increment > 0 ? 1 : typeMin);
        var maxValue = max ?? (increment > 0 ? typeMax : -1);
        if (maxValue > typeMax || minValue < typeMin)
            throw new TenonException(SqlState.InvalidParameterValue,
                maxValue > typeMax ? $"MAXVALUE ({maxValue}) is out of range for sequence data type {asType.DisplayName}"
                : $"MINVALUE ({minValue}) is out of range for sequence data type {asType.DisplayName}");
        if (minValue >= maxValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"MINVALUE ({minValue}) must be less than MAXVALUE ({maxValue})");
        var startValue = start ?? (increment > 0 ? minValue : maxValue);
        if (startValue < minValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"START value ({startValue}) cannot be less than MINVALUE ({minValue})");
        if (startValue > maxValue)
            throw new TenonException(SqlState.InvalidParameterValue, $"START value ({startValue}) cannot be greater than MAXVALUE ({maxValue})");
        return new SequenceDef(name, Db.NextOid(), schema)
        {
            DataType = asType, Increment = increment, MinValue = minValue, MaxValue = maxValue, Start = startValue, Cache = cache, Cycle = cycle,
            State = new SequenceState { LastValue = startValue, IsCalled = false },
        };
    }

    public StatementResult CreateSequence(CreateSequenceStatement stmt)
    {
        var schema = stmt.Temporary ? SystemCatalog.TempSchema : stmt.Name.Schema ?? SystemCatalog.PublicSchema;
        var name = NameGenerator.Truncate(stmt.Name.Name);
        if (Catalog.RelationExists(schema, name))
        {
            if (stmt.IfNotExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "42P07", $"relation \"{name}\" already exists, skipping"));
                return new StatementResult("CREATE SEQUENCE");
            }
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        }
        Catalog = Catalog.PutSequence(BuildSequence(name, schema, SqlType.Int8, stmt.Options));
        return new StatementResult("CREATE SEQUENCE");
    }

    public StatementResult CreateExtension(CreateExtensionStatement stmt)
    {
        if (stmt.Name is not ("pgcrypto" or "uuid-ossp" or "plpgsql" or "citext" or "pg_trgm"))
            throw new TenonException(SqlState.UndefinedFile, $"extension \"{stmt.Name}\" is not available",
                $"Could not open extension control file \"/usr/share/postgresql/15/extension/{stmt.Name}.control\": No such file or directory.",
                "The extension must first be installed on the system where PostgreSQL is running.");
        if (Catalog.Extensions.Contains(stmt.Name))
        {
            if (stmt.IfNotExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "42710", $"extension \"{stmt.Name}\" already exists, skipping"));
                return new StatementResult("CREATE EXTENSION");
            }
            throw new TenonException(SqlState.DuplicateObject, $"extension \"{stmt.Name}\" already exists");
        }
        Catalog = Catalog.AddExtension(stmt.Name);
        return new StatementResult("CREATE EXTENSION");
    }
}
