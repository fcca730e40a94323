using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// CREATE / DROP STATISTICS, COMMENT ON STATISTICS, and the copies LIKE … INCLUDING STATISTICS
/// makes, with PostgreSQL's checks (statscmds.c) and its generated names (table_columns_stat).
/// A table's statistics objects go with DROP TABLE, and with DROP COLUMN of a column they use.
/// </summary>
public sealed partial class DdlExecutor
{
    private static readonly string[] StatisticsKinds = ["ndistinct", "dependencies", "mcv"];

    public StatementResult CreateStatistics(CreateStatisticsStatement stmt)
    {
        var schema = CreationSchema(stmt.Name, temporary: false);
        if (StatisticsNamed(schema, stmt.Name.Name) is not null)
        {
            if (!stmt.IfNotExists) throw new TenonException(SqlState.DuplicateObject, $"statistics object \"{stmt.Name.Name}\" already exists");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "42710", $"statistics object \"{stmt.Name.Name}\" already exists, skipping"));
            return new StatementResult("CREATE STATISTICS");
        }
        if (stmt.From is not [NamedTableRef from])
            throw new TenonException(SqlState.FeatureNotSupported, "only a single relation is allowed in CREATE STATISTICS");
        var oid = Lookup(from.Name, from.Name.Position);
        if (oid == 0) throw SqlErrors.RelationDoesNotExist(from.Name.ToString());
        if (!Catalog.Tables.TryGetValue(oid, out var table))
        {
            var kind = Catalog.RelationKind(oid) switch { 'v' => "views", 'i' => "indexes", 'S' => "sequences", _ => "this kind of relation" };
            throw new TenonException(SqlState.WrongObjectType, $"cannot define statistics for relation \"{Catalog.RelationName(oid)}\"",
                $"This operation is not supported for {kind}.");
        }
        var def = BindStatistics(table, stmt.Elements, stmt.Kinds, stmt.Name.Name, schema);
        Catalog = Catalog.PutStatistics(def);
        return new StatementResult("CREATE STATISTICS");
    }

    private StatisticsDef BindStatistics(TableDef table, IReadOnlyList<StatisticsElement> elements, IReadOnlyList<string>? kinds, string name, string schema)
    {
        var columns = new List<short>();
        var expressions = new List<Expr>();
        var texts = new List<string>();
        var scope = RowWriter.TableScope(table);
        foreach (var e in elements)
        {
            if (e.Column is { } c)
            {
                if (SystemColumns.IsSystemName(c) && table.FindColumn(c) is null)
                    throw new TenonException(SqlState.FeatureNotSupported, "statistics creation on system columns is not supported");
                var col = table.FindColumn(c) ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{c}\" does not exist");
                if (columns.Contains(col.Number))
                    throw new TenonException(SqlState.DuplicateColumn, "duplicate column name in statistics definition");
                columns.Add(col.Number);
                continue;
            }
            var bound = new Binder(ctx) { NoSubqueriesIn = "statistics expression" }.BindExpr(e.Expression!, scope);
            var text = CatalogDefinitions.BoundText(ctx, table, bound);
            if (texts.Contains(text)) throw new TenonException(SqlState.DuplicateColumn, "duplicate expression in statistics definition");
            texts.Add(text);
            expressions.Add(e.Expression!);
        }
        if (columns.Count + expressions.Count == 1 && expressions.Count == 0)
            throw new TenonException(SqlState.InvalidObjectDefinition, "extended statistics require at least 2 columns");
        if (columns.Count + expressions.Count > 8)
            throw new TenonException(SqlState.TooManyColumns, "cannot have more than 8 columns in statistics");
        var wanted = new HashSet<string>();
        foreach (var k in kinds ?? [])
        {
            if (!StatisticsKinds.Contains(k)) throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized statistics kind \"{k}\"");
            wanted.Add(k);
        }
        var single = columns.Count == 0 && expressions.Count == 1;
        if (single && kinds is not null)
            throw new TenonException(SqlState.InvalidObjectDefinition, "when building statistics on a single expression, statistics kinds may not be specified");
        var result = new List<string>();
        if (!single)
        {
            if (wanted.Count == 0 || wanted.Contains("ndistinct")) result.Add("d");
            if (wanted.Count == 0 || wanted.Contains("dependencies")) result.Add("f");
            if (wanted.Count == 0 || wanted.Contains("mcv")) result.Add("m");
        }
        if (expressions.Count > 0) result.Add("e");
        columns.Sort();
        return new StatisticsDef(name, Db.NextOid(), schema, table.Oid) { Columns = columns, Expressions = expressions, Kinds = result };
    }

    private StatisticsDef? StatisticsNamed(string schema, string name) =>
        Catalog.Routines.Statistics.IsEmpty ? null : Catalog.Routines.Statistics.Values.FirstOrDefault(s => s.Schema == schema && s.Name == name);

    /// <summary>A statistics object by (optionally qualified) name along the search path; 42704 when there is none (null with IF EXISTS's NOTICE).</summary>
    private StatisticsDef? FindStatistics(IReadOnlyList<string> parts, bool ifExists)
    {
        var schemas = parts.Count > 1 ? [Path.Qualifier(parts[^2])] : Path.Effective(Catalog).ToList();
        foreach (var s in schemas)
            if (StatisticsNamed(s, parts[^1]) is { } found) return found;
        var text = $"statistics object \"{string.Join(".", parts)}\" does not exist";
        if (!ifExists) throw new TenonException(SqlState.UndefinedObject, text);
        ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", text + ", skipping"));
        return null;
    }

    public StatementResult DropStatistics(DropStatisticsStatement stmt)
    {
        var found = new List<uint>();
        foreach (var name in stmt.Names)
        {
            var parts = name.Schema is null ? new[] { name.Name } : new[] { name.Schema, name.Name };
            if (FindStatistics(parts, stmt.IfExists) is { } s && !found.Contains(s.Oid)) found.Add(s.Oid);
        }
        Catalog = Catalog.RemoveStatistics(found);
        return new StatementResult("DROP STATISTICS");
    }

    /// <summary>DROP COLUMN takes the statistics objects using the column along (PostgreSQL's automatic dependency).</summary>
    private void DropStatisticsUsingColumn(TableDef table, short column)
    {
        var using_ = Catalog.StatisticsOf(table.Oid).Where(s => s.Columns.Contains(column) || ColumnsUsed(table, s.Expressions).Contains(column)).Select(s => s.Oid).ToList();
        if (using_.Count > 0) Catalog = Catalog.RemoveStatistics(using_);
    }

    /// <summary>
    /// LIKE … INCLUDING STATISTICS: each statistics object of the source, on the new table's
    /// columns of the same names, named as PostgreSQL names them (table, columns or "expr", "stat").
    /// </summary>
    private void CopyStatistics(uint tableOid, TableDef source, bool comments)
    {
        var table = Catalog.Table(tableOid);
        foreach (var s in Catalog.StatisticsOf(source.Oid).OrderBy(s => s.Oid).ToList())
        {
            var elements = s.Columns.Select(n => new StatisticsElement(source.Column(n).Name, null))
                .Concat(s.Expressions.Select(e => new StatisticsElement(null, e))).ToList();
            var addition = string.Join("_", elements.Select(e => e.Column ?? "expr"));
            var name = NameGenerator.Choose(table.Name, addition, "stat", n => StatisticsNamed(table.Schema, n) is not null);
            var copy = BindStatistics(table, elements, null, name, table.Schema) with { Kinds = s.Kinds, Target = s.Target };
            Catalog = Catalog.PutStatistics(copy);
            if (comments && Catalog.Comments.TryGetValue(new CommentKey(CommentKey.StatisticsClass, s.Oid, 0), out var text))
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.StatisticsClass, copy.Oid, 0), text);
        }
    }

    /// <summary>pg_get_statisticsobjdef_columns: the columns, then each expression (in parentheses unless function-like).</summary>
    public static string? StatisticsColumns(ExecContext ctx, uint oid)
    {
        var catalog = ctx.Transaction.Catalog;
        if (!catalog.Routines.Statistics.TryGetValue(oid, out var s) || !catalog.Tables.TryGetValue(s.TableOid, out var table)) return null;
        var scope = RowWriter.TableScope(table);
        return string.Join(", ", s.Columns.Select(n => SqlErrors.QuoteIdentifier(table.Column(n).Name))
            .Concat(s.Expressions.Select(e => CatalogDefinitions.BoundKeyText(ctx, table, new Binder(ctx).BindExpr(e, scope)))));
    }

    /// <summary>pg_statistic_ext.stxexprs: the expressions' SQL text (Tenon keeps SQL where PostgreSQL keeps a node tree), or null.</summary>
    public static string? StatisticsExpressionTree(StatisticsDef s) =>
        s.Expressions.Count == 0 ? null : string.Join(", ", s.Expressions.Select(Sql.ExprSource.Print));
}
