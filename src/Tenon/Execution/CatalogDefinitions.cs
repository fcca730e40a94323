using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The definitions pg_get_constraintdef, pg_get_indexdef and pg_get_expr return, in PostgreSQL's
/// words: <c>FOREIGN KEY (a) REFERENCES p(id) ON DELETE CASCADE</c>, <c>CHECK ((price &gt; (0)::numeric))</c>,
/// <c>CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)</c>. Expressions are bound against their
/// table again and printed by <see cref="Deparser"/>. An oid that names no such object gives NULL,
/// as in PostgreSQL.
/// </summary>
public static class CatalogDefinitions
{
    public static string? Constraint(ExecContext ctx, uint oid, bool pretty)
    {
        var catalog = ctx.Transaction.Catalog;
        foreach (var table in catalog.Tables.Values)
            foreach (var c in table.Constraints)
            {
                if (c.Oid == oid) return Constraint(ctx, table, c, pretty);
                // A key's row for a partition of its referenced table: the key, as it reads for that partition.
                if (c is ForeignKeyDef { ReferencedPartitions.Count: > 0 } fk && fk.ReferencedPartitions.FirstOrDefault(r => r.Oid == oid) is { } row
                    && catalog.Tables.TryGetValue(row.PartitionOid, out var partition))
                {
                    var parent = catalog.Table(fk.ParentTableOid);
                    var columns = fk.ParentColumns.Select(n => partition.FindColumn(parent.Column(n).Name)?.Number ?? n).ToArray();
                    return Constraint(ctx, table, fk with { ParentTableOid = partition.Oid, ParentColumns = columns, ReferencedPartitions = [] }, pretty);
                }
            }
        return null;
    }

    private static string Constraint(ExecContext ctx, TableDef table, ConstraintDef c, bool pretty)
    {
        var catalog = ctx.Transaction.Catalog;
        var sb = new StringBuilder();
        switch (c)
        {
            case KeyConstraintDef { IsExclusion: true } k:
                sb.Append("EXCLUDE USING btree (")
                    .Append(string.Join(", ", k.Columns.Select(n => Errors.SqlErrors.QuoteIdentifier(table.Column(n).Name) + " WITH =")))
                    .Append(')');
                break;
            case KeyConstraintDef k:
                sb.Append(k.IsPrimary ? "PRIMARY KEY " : "UNIQUE ");
                if (k.NullsNotDistinct) sb.Append("NULLS NOT DISTINCT ");
                sb.Append('(').Append(ColumnList(table, k.Columns)).Append(')');
                if (catalog.Indexes.TryGetValue(k.IndexOid, out var keyIndex) && keyIndex.IncludeColumns.Count > 0)
                    sb.Append(" INCLUDE (").Append(ColumnList(table, keyIndex.IncludeColumns)).Append(')');
                break;
            case ForeignKeyDef fk:
            {
                var parent = catalog.Table(fk.ParentTableOid);
                sb.Append("FOREIGN KEY (").Append(ColumnList(table, fk.Columns)).Append(") REFERENCES ")
                    .Append(RegClassName.Format(parent.Oid, catalog, ctx.Session.SearchPath)).Append('(').Append(ColumnList(parent, fk.ParentColumns)).Append(')');
                if (fk.Match == Sql.Ast.MatchType.Full) sb.Append(" MATCH FULL");
                else if (fk.Match == Sql.Ast.MatchType.Partial) sb.Append(" MATCH PARTIAL");
                if (fk.OnUpdate != ReferentialAction.NoAction) sb.Append(" ON UPDATE ").Append(Action(fk.OnUpdate));
                if (fk.OnDelete != ReferentialAction.NoAction)
                {
                    sb.Append(" ON DELETE ").Append(Action(fk.OnDelete));
                    if (fk.OnDeleteSetColumns is { } cols) sb.Append(" (").Append(ColumnList(table, cols)).Append(')');
                }
                break;
            }
            case CheckConstraintDef check:
            {
                var bound = new Binder(ctx).BindCondition(check.Condition, RowWriter.TableScope(table), "CHECK");
                var text = Deparse(ctx, table, bound, pretty);
                sb.Append("CHECK (").Append(text).Append(')');
                if (check.NoInherit) sb.Append(" NO INHERIT");
                break;
            }
        }
        if (c.Deferrable) sb.Append(" DEFERRABLE");
        if (c.InitiallyDeferred) sb.Append(" INITIALLY DEFERRED");
        if (!c.Validated) sb.Append(" NOT VALID");
        return sb.ToString();
    }

    private static string Action(ReferentialAction a) => a switch
    {
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static string ColumnList(TableDef table, IReadOnlyList<short> columns) =>
        string.Join(", ", columns.Select(n => Errors.SqlErrors.QuoteIdentifier(table.Column(n).Name)));

    /// <summary>
    /// pg_get_indexdef: with <paramref name="column"/> 0 the whole CREATE INDEX statement (the
    /// table schema-qualified unless pretty and visible), else the definition of that key column.
    /// </summary>
    public static string? Index(ExecContext ctx, uint oid, int column, bool pretty)
    {
        var catalog = ctx.Transaction.Catalog;
        if (!catalog.Indexes.TryGetValue(oid, out var index)) return null;
        var table = catalog.Table(index.TableOid);
        if (column > 0)
        {
            if (column <= index.Columns.Count) return Key(ctx, table, index, column - 1, pretty);
            // An INCLUDE column shows as its name; past the last column there is nothing.
            var included = column - index.Columns.Count - 1;
            return included < index.IncludeColumns.Count ? Errors.SqlErrors.QuoteIdentifier(table.Column(index.IncludeColumns[included]).Name) : "";
        }
        var sb = new StringBuilder("CREATE ");
        if (index.Unique) sb.Append("UNIQUE ");
        sb.Append("INDEX ").Append(Errors.SqlErrors.QuoteIdentifier(index.Name)).Append(" ON ");
        // A partitioned table's index is defined for the table itself: ON ONLY.
        if (table.IsPartitioned) sb.Append("ONLY ");
        sb.Append(pretty ? RegClassName.Format(table.Oid, catalog) : Errors.SqlErrors.QuoteIdentifier(table.Schema) + "." + Errors.SqlErrors.QuoteIdentifier(table.Name));
        sb.Append(" USING ").Append(index.AccessMethod).Append(" (");
        for (var i = 0; i < index.Columns.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(Key(ctx, table, index, i, pretty));
            sb.Append(KeyCollationAndClass(table, index, i));
            if (i < index.Descending.Count && index.Descending[i]) sb.Append(" DESC");
            sb.Append(index.NullsOption(i));
        }
        sb.Append(')');
        if (index.IncludeColumns.Count > 0) sb.Append(" INCLUDE (").Append(ColumnList(table, index.IncludeColumns)).Append(')');
        if (index.NullsNotDistinct) sb.Append(" NULLS NOT DISTINCT");
        if (index.Options.Count > 0) sb.Append(" WITH (").Append(IndexStorageParameters.Format(index.Options)).Append(')');
        if (index.Predicate is not null)
        {
            var bound = new Binder(ctx).BindCondition(index.Predicate, RowWriter.TableScope(table), "WHERE");
            sb.Append(" WHERE ").Append(Deparse(ctx, table, bound, pretty));
        }
        return sb.ToString();
    }

    /// <summary>pg_get_partkeydef: the strategy and key parts, an expression part in parentheses of its own.</summary>
    public static string PartitionKey(ExecContext ctx, TableDef table)
    {
        var key = table.PartitionKey!;
        var parts = Enumerable.Range(0, key.Count).Select(i => key.Columns[i] != 0
            ? Errors.SqlErrors.QuoteIdentifier(table.Column(key.Columns[i]).Name)
            : ExpressionText(ctx, table, key.Expressions[i]!) is var text && text.StartsWith('(') ? "(" + text + ")" : text)
            .Select((p, i) => ctx.Transaction.Catalog.Routines.OpClasses.TryGetValue(key.OpClass(i), out var c) ? p + " " + Errors.SqlErrors.QuoteIdentifier(c.Name) : p);
        return key.StrategyName + " (" + string.Join(", ", parts) + ")";
    }

    /// <summary>
    /// A key's COLLATE and operator class as pg_get_indexdef prints them: a collation other than
    /// the default, and a btree or hash class other than the key type's default.
    /// </summary>
    private static string KeyCollationAndClass(TableDef table, IndexDef index, int i)
    {
        var text = "";
        if (index.KeyCollation(i) is { } collation && collation != "default") text += " COLLATE " + Errors.SqlErrors.QuoteIdentifier(collation);
        if (index.KeyOpClass(i) is { } opclass && index.AccessMethod is "btree" or "hash")
        {
            var type = index.Columns[i] != 0 ? table.Column(index.Columns[i]).Type : index.Expressions[i]!.Type;
            var builtin = DdlExecutor.BuiltinDefaultOpClassOf(type);
            if (builtin is not null && opclass != builtin && !(builtin == "text_ops" && opclass == "varchar_ops")) text += " " + opclass;
        }
        return text;
    }

    /// <summary>A bound index key expression as pg_get_indexdef prints it: in parentheses unless function-like.</summary>
    public static string BoundKeyText(ExecContext ctx, TableDef table, BoundExpr bound)
    {
        var text = Deparse(ctx, table, bound, true);
        return Deparser.IsFunctionLike(bound) ? text : "(" + text + ")";
    }

    /// <summary>A key expression over a table's row as PostgreSQL prints it in an index or partition key: in parentheses unless function-like.</summary>
    public static string ExpressionText(ExecContext ctx, TableDef table, Expr expr)
    {
        var bound = new Binder(ctx).BindExpr(expr, RowWriter.TableScope(table));
        var text = Deparse(ctx, table, bound, true);
        return Deparser.IsFunctionLike(bound) ? text : "(" + text + ")";
    }

    private static string Key(ExecContext ctx, TableDef table, IndexDef index, int i, bool pretty)
    {
        if (index.Columns[i] != 0) return Errors.SqlErrors.QuoteIdentifier(table.Column(index.Columns[i]).Name);
        var bound = new Binder(ctx).BindExpr(index.Expressions[i]!.Expr, RowWriter.TableScope(table));
        var text = Deparse(ctx, table, bound, pretty);
        return Deparser.IsFunctionLike(bound) ? text : "(" + text + ")";
    }

    /// <summary>
    /// pg_get_expr: an expression of a pg_node_tree column (Tenon keeps its SQL text there, see
    /// <see cref="ExprSource"/>), bound against relation <paramref name="relid"/> and printed;
    /// several (pg_index.indexprs) are printed comma-separated.
    /// </summary>
    public static string? Expression(ExecContext ctx, string tree, uint relid, bool pretty)
    {
        var catalog = ctx.Transaction.Catalog;
        TableDef? table = null;
        if (relid != 0 && !catalog.Tables.TryGetValue(relid, out table))
        {
            if (catalog.RelationKind(relid) == '\0') return null;
            throw new TenonException(SqlState.WrongObjectType, $"relation \"{catalog.RelationName(relid)}\" is not a table");
        }
        if (tree == PartitionBoundText.Tree) return table is null ? null : PartitionBoundText.Of(ctx, table);
        IReadOnlyList<Expr> exprs;
        SqlType? assignedTo = null;
        try
        {
            if (tree.StartsWith(Catalog.PgCatalog.PgAttrdef.AssignmentPrefix, StringComparison.Ordinal))
            {
                var end = tree.IndexOf(" */ ", StringComparison.Ordinal);
                var typeName = tree[Catalog.PgCatalog.PgAttrdef.AssignmentPrefix.Length..end];
                assignedTo = Parser.ParseStatement("SELECT NULL::" + typeName) is SelectStatement { Query.Body: SelectCore { Targets: [{ Expr: Sql.Ast.CastExpr cast }] } }
                    ? Binder.ResolveType(cast.Type, catalog) : throw new FormatException();
            }
            exprs = Parser.ParseStatement("SELECT " + tree) is SelectStatement { Query.Body: SelectCore core }
                ? core.Targets.Select(t => t.Expr).ToList()
                : throw new FormatException();
        }
        catch (Exception e) when (e is TenonException or FormatException)
        {
            throw new TenonException(SqlState.InvalidParameterValue, "input is not a valid pg_node_tree");
        }
        var scope = table is null ? null : RowWriter.TableScope(table);
        var binder = new Binder(ctx);
        return string.Join(", ", exprs.Select(e =>
        {
            var bound = binder.BindExpr(e, scope);
            // The modifier is left out: PostgreSQL applies it by a separate call the top level hides,
            // so a char(n) literal shows unpadded.
            if (assignedTo is not null) bound = binder.TryCoerce(bound, assignedTo.WithoutModifier(), CastContext.Assignment) ?? bound;
            return Deparse(ctx, table, bound, pretty);
        }));
    }

    /// <summary>A bound expression over a table's row, printed as pg_get_expr would (what ON CONFLICT inference compares).</summary>
    public static string BoundText(ExecContext ctx, TableDef table, BoundExpr e) => Deparse(ctx, table, e, true);

    internal static string Deparse(ExecContext ctx, TableDef? table, BoundExpr e, bool pretty) =>
        new Deparser(ctx.Transaction.Catalog, ctx.Settings, pretty,
            c => Errors.SqlErrors.QuoteIdentifier(table is not null && c.ColumnNumber > 0 ? table.Column(c.ColumnNumber).Name : c.Name))
        { Path = ctx.Session.SearchPath }.Print(e);
}
