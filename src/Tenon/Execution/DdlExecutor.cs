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

    private SearchPath Path => ctx.Session.SearchPath;

    /// <summary>Set while dropping what a session leaves behind: cascades happen without a NOTICE.</summary>
    private bool _quiet;

    /// <summary>A relation's oid along the search path, 0 when there is none; 3F000 for an unknown schema.</summary>
    private uint Lookup(QualifiedName name, int position = 0) => Binder.LookupRelation(Catalog, Path, name, position);

    /// <summary>The table a name refers to, or null (also when it names another kind of relation).</summary>
    private TableDef? FindTable(QualifiedName name, int position = 0) =>
        Lookup(name, position) is var oid and not 0 && Catalog.Tables.TryGetValue(oid, out var t) ? t : null;

    /// <summary>
    /// Where CREATE TABLE or CREATE SEQUENCE puts a new relation: its schema and its name cut to
    /// 63 bytes. Null when IF NOT EXISTS finds the name taken (after PostgreSQL's NOTICE); 42P07
    /// when it is taken otherwise, 3F000 for an unknown schema.
    /// </summary>
    private (string Schema, string Name)? NewRelationName(QualifiedName qualified, bool temporary, bool ifNotExists, bool withPosition = true)
    {
        var schema = CreationSchema(qualified, temporary, withPosition);
        var name = NameGenerator.Truncate(qualified.Name);
        if (!Catalog.RelationExists(schema, name))
        {
            // A relation has a row type of its name, so it cannot take a user type's name.
            if (Catalog.LookupType(schema, name) is not null)
                throw new TenonException(SqlState.DuplicateObject, $"type \"{name}\" already exists",
                    hint: "A relation has an associated type of the same name, so you must use a name that doesn't conflict with any existing type.");
            return (schema, name);
        }
        if (!ifNotExists) throw new TenonException(SqlState.DuplicateTable, $"relation \"{name}\" already exists");
        ctx.Session.RaiseNotice(new Notice("NOTICE", "42P07", $"relation \"{name}\" already exists, skipping"));
        return null;
    }

    /// <summary>
    /// The schema a new relation goes into: the one written, else the session's temporary schema
    /// for a temporary relation, else the search path's creation schema. The temporary schema is
    /// made on first use. 3F000 for an unknown schema or an empty path, 42P16 for a temporary
    /// relation in a permanent schema.
    /// </summary>
    private string CreationSchema(QualifiedName qualified, bool temporary, bool withPosition = true)
    {
        var position = withPosition ? qualified.Position : 0;
        string schema;
        if (qualified.Schema is { } written)
        {
            schema = Path.Qualifier(written);
            if (!SearchPath.IsTempSchema(schema) && !Catalog.Schemas.Contains(schema))
                throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{written}\" does not exist") { Position = position };
            if (temporary && !SearchPath.IsTempSchema(schema))
                throw new TenonException(SqlState.InvalidTableDefinition, "cannot create temporary relation in non-temporary schema") { Position = position };
            if (SearchPath.IsTempSchema(schema) && schema != Path.TempSchema)
                throw new TenonException(SqlState.InvalidTableDefinition, "cannot create relations in temporary schemas of other sessions") { Position = position };
        }
        else schema = temporary ? Path.TempSchema : Path.CreationSchema(Catalog, qualified.Position);
        if (schema == Path.TempSchema && !Catalog.Schemas.Contains(schema))
            Catalog = Catalog.AddSchema(schema, Db.NextOid());
        return schema;
    }

    public StatementResult CreateTable(CreateTableStatement stmt)
    {
        var result = CreateTableCore(stmt);
        SyncReferencedPartitions();
        return result;
    }

    private StatementResult CreateTableCore(CreateTableStatement stmt)
    {
        if (stmt.PartitionBy is not null && stmt.Inherits.Count > 0)
            throw new TenonException(SqlState.WrongObjectType, "cannot create partitioned table as inheritance child");
        if (stmt.PartitionBy is not null && stmt.Constraints.FirstOrDefault(c => c is ExcludeTableConstraint) is { } exclusion)
            throw new TenonException(SqlState.FeatureNotSupported, "exclusion constraints are not supported on partitioned tables") { Position = exclusion.Position };
        if (stmt.AsQuery is not null) return CreateTableAs(stmt);
        var likeCopies = new List<LikeCopy>();
        if (stmt.Likes.Count > 0) stmt = ExpandLikeClauses(stmt, likeCopies);
        if (stmt.PartitionOf is not null) return CreatePartitionOf(stmt);
        var (heapOptions, toastOptions) = CreateOptions(stmt.Options, stmt.PartitionBy is not null);
        uint ofType = 0;
        if (stmt.OfType is not null) stmt = ExpandTypedTable(stmt, out ofType);
        if (NewRelationName(stmt.Name, stmt.Temporary, stmt.IfNotExists) is not var (schema, name))
            return new StatementResult("CREATE TABLE");

        var inherited = stmt.Inherits.Count > 0 ? InheritFrom(stmt, SearchPath.IsTempSchema(schema)) : null;
        var oid = Db.NextOid();
        var columns = inherited?.Columns ?? new List<ColumnDef>();
        for (var i = 0; i < stmt.Columns.Count; i++)
        {
            var c = stmt.Columns[i];
            if (inherited is not null && MergeLocalColumn(inherited, columns, c, i + 1)) continue;
            if (columns.Any(x => x.Name == c.Name))
                throw new TenonException(SqlState.DuplicateColumn, $"column \"{c.Name}\" specified more than once");
            var column = new ColumnDef(c.Name, ColumnType(c.Name, c.Type), (short)(columns.Count + 1));
            columns.Add(c.Compression is null ? column : SetColumnCompression(column, c.Compression));
        }
        foreach (var c in columns) SystemColumns.CheckUserColumnName(c.Name);
        var table = new TableDef(oid, schema, name, columns)
        {
            Temporary = SearchPath.IsTempSchema(schema), OnCommit = OnCommitAction(stmt), Unlogged = stmt.Unlogged && !SearchPath.IsTempSchema(schema),
            Options = heapOptions, OfType = ofType,
        };
        table = WithNewRowType(table);
        if (columns.Any(c => DefaultStorage(c.Type) != 'p')) table = table with { ToastOptions = toastOptions };
        Catalog = Catalog.PutTable(table);
        // The key may name the table's own row type.
        if (stmt.PartitionBy is { } partitionBy) Catalog = Catalog.PutTable(table = table with { PartitionKey = BindPartitionKey(table, partitionBy) });
        Tx.SetData(oid, new TableData(RowStore.Empty, Array.Empty<IndexStore>()));

        // Column properties first (serial sequences, defaults, NOT NULL, identity), then constraints
        // in PostgreSQL's order: primary key/unique indexes, checks, then foreign keys.
        var pending = new List<(TableConstraint Constraint, int Position)>();
        foreach (var c in stmt.Columns)
        {
            ApplyColumnDefinition(oid, c, pending);
        }
        ValidateGenerationExpressions(Catalog.Table(oid));
        foreach (var tc in stmt.Constraints) pending.Add((tc, tc.Position));
        if (inherited is not null) pending = CompleteInheritance(oid, inherited, pending);
        // Constraints of each kind are made in the order the statement wrote them, column and table
        // constraints interleaved, as PostgreSQL makes them; that order names them (ch_x_check1) and
        // orders the end-of-statement foreign-key checks. What LIKE copied (no position) comes last.
        pending = [.. pending.OrderBy(p => p.Position > 0 ? p.Position : int.MaxValue)];
        AddConstraints(oid, pending, creating: true);
        CompleteLikeCopies(oid, likeCopies);
        if (Catalog.Table(oid).Unlogged) SetOwnedSequencesPersistence(oid, unlogged: true);
        return new StatementResult("CREATE TABLE");
    }

    /// <summary>Applies one column definition's type-derived properties and inline constraints.</summary>
    private void ApplyColumnDefinition(uint tableOid, ColumnDefinition c, List<(TableConstraint, int)> pending)
    {
        var table = Catalog.Table(tableOid);
        var col = table.FindColumn(c.Name)!;
        IdentityColumnConstraint? identity = null;
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
                    if (sawNotNull || identity is not null)
                        throw new TenonException(SqlState.SyntaxError, $"conflicting NULL/NOT NULL declarations for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    sawNull = true;
                    break;
                case DefaultColumnConstraint d:
                    if (col.Generated is not null) throw BothDefaultAndGeneration(c.Name, table.Name, cc.Position);
                    if (col.Default is not null)
                        throw new TenonException(SqlState.SyntaxError, $"multiple default values specified for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    if (identity is not null) throw BothDefaultAndIdentity(c.Name, table.Name, cc.Position);
                    col = col with { Default = ValidateDefault(col, d.Value), DefaultText = "?" };
                    break;
                case IdentityColumnConstraint id:
                    if (identity is not null)
                        throw new TenonException(SqlState.SyntaxError, $"multiple identity specifications for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    if (col.Default is not null) throw BothDefaultAndIdentity(c.Name, table.Name, cc.Position);
                    if (col.Generated is not null) throw BothIdentityAndGeneration(c.Name, table.Name, cc.Position);
                    if (sawNull)
                        throw new TenonException(SqlState.SyntaxError, $"conflicting NULL/NOT NULL declarations for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    identity = id;
                    break;
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
                case GeneratedColumnConstraint g:
                    if (col.Generated is not null)
                        throw new TenonException(SqlState.SyntaxError, $"multiple generation clauses specified for column \"{c.Name}\" of table \"{table.Name}\"") { Position = cc.Position };
                    if (col.Default is not null) throw BothDefaultAndGeneration(c.Name, table.Name, cc.Position);
                    if (identity is not null) throw BothIdentityAndGeneration(c.Name, table.Name, cc.Position);
                    col = col with { Generated = g.Expression };
                    break;
            }
        }
        col = ApplySerialOrIdentity(Catalog.Table(tableOid), col, Binder.IsSerial(c.Type), identity);
        table = Catalog.Table(tableOid);
        var cols = table.Columns.ToList();
        cols[col.Number - 1] = col;
        Catalog = Catalog.PutTable(table with { Columns = cols });
    }

    /// <summary>
    /// Set while ALTER TABLE runs: PostgreSQL binds the DEFAULT and CHECK expressions of ALTER TABLE
    /// apart from the statement's text, so their errors carry no position (CREATE TABLE's do).
    /// </summary>
    private bool _inAlterTable;

    /// <summary>
    /// Checks a column's DEFAULT by binding it, as PostgreSQL does when the column is created or
    /// altered, and returns the expression to keep: the one written, with each literal that named a
    /// relation as a regclass constant replaced by that relation's oid (<see cref="BindsAtCreation"/>).
    /// </summary>
    /// <summary>A column's declared type; a pseudo-type such as unknown cannot be stored (42P16).</summary>
    private Types.SqlType ColumnType(string column, TypeName typeName)
    {
        var type = Binder.ResolveType(typeName, Catalog, Path.TempSchema);
        if (type.Id == Types.TypeId.Unknown)
            throw new TenonException(SqlState.InvalidTableDefinition, $"column \"{column}\" has pseudo-type unknown");
        return type;
    }

    private Expr ValidateDefault(ColumnDef col, Expr value) =>
        _inAlterTable ? WithoutPosition(() => BindDefault(col, value)) : BindDefault(col, value);

    private Expr BindDefault(ColumnDef col, Expr value)
    {
        if (ContainsColumnRef(value))
            throw new TenonException(SqlState.FeatureNotSupported, "cannot use column reference in DEFAULT expression") { Position = FirstColumnRefPosition(value) };
        var binder = new Binder(ctx)
        {
            NoSubqueriesIn = "DEFAULT expression",
            RegClassLiterals = new(ReferenceEqualityComparer.Instance),
            RoutineCalls = new(ReferenceEqualityComparer.Instance),
            Clause = "DEFAULT expressions",
        };
        binder.CoerceForColumn(binder.BindExpr(value, null), col, value.Position);
        return BindsAtCreation(value, binder.RegClassLiterals, binder.RoutineCalls);
    }

    /// <summary>
    /// <paramref name="value"/> with the objects it named fixed as they were found when it was
    /// bound: the relations of its regclass literals written as oids ('16384', which regclass
    /// input reads as that oid), and each call of a user function given that function's oid and
    /// schema-qualified name. PostgreSQL stores the bound expression, so nextval('q') keeps
    /// drawing from the same sequence after it is renamed or moved to another schema, whatever the
    /// search_path of the session that uses the default, and displays as the sequence's current
    /// name; Tenon keeps the parsed expression, and the oids give it the same meaning when it is
    /// bound again.
    /// </summary>
    private static Expr BindsAtCreation(Expr value, Dictionary<Expr, uint> regClassLiterals, Dictionary<Expr, RoutineDef> routineCalls)
    {
        if (regClassLiterals.Count == 0 && routineCalls.Count == 0) return value;
        return ExprRewriter.Rewrite(value, (original, rebuilt) => original switch
        {
            StringLiteral s when regClassLiterals.TryGetValue(original, out var oid) =>
                s with { Value = oid.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TypedLiteral t when regClassLiterals.TryGetValue(original, out var oid) =>
                t with { Value = oid.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            FunctionCall when routineCalls.TryGetValue(original, out var routine) && rebuilt is FunctionCall call =>
                call with { Name = new QualifiedName(routine.Schema, call.Name.Name) { Position = call.Name.Position }, RoutineOid = routine.Oid },
            _ => rebuilt,
        });
    }

    private static bool ContainsColumnRef(Expr e) => FirstColumnRefPosition(e) > 0;

    private static int FirstColumnRefPosition(Expr e) => e switch
    {
        ColumnRef c => c.Position,
        BinaryExpr b => Math.Max(FirstColumnRefPosition(b.Left), FirstColumnRefPosition(b.Right)),
        UnaryExpr u => FirstColumnRefPosition(u.Operand),
        Sql.Ast.CastExpr c => FirstColumnRefPosition(c.Operand),
        Sql.Ast.NamedArgExpr n => FirstColumnRefPosition(n.Value),
        FunctionCall f => f.Args.Select(FirstColumnRefPosition).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
