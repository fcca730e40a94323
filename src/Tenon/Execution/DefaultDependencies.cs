using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;

namespace Tenon.Execution;

/// <summary>
/// What a column default depends on, as pg_depend records it for pg_attrdef: every regclass
/// constant in the bound expression (nextval('s') names sequence s) and every function it calls.
/// Defaults are kept parsed, with the relations they named at creation written as oids
/// (DdlExecutor.BindsAtCreation), and are bound again on use; binding them against the current
/// catalog finds the objects the default uses.
/// </summary>
internal static class DefaultDependencies
{
    /// <param name="TableName">The table as PostgreSQL's dependency messages name it: qualified when the search_path does not find it.</param>
    public sealed record Dependent(TableDef Table, ColumnDef Column, BoundExpr Default, string TableName)
    {
        public string Description => $"default value for column {Column.Name} of table {TableName}";
    }

    /// <summary>Every live column default, bound; a default that no longer binds depends on nothing we can name.</summary>
    public static IEnumerable<Dependent> All(ExecContext ctx)
    {
        foreach (var table in ctx.Transaction.Catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var column in table.LiveColumns)
            {
                if (column.Default is null) continue;
                BoundExpr bound;
                try
                {
                    var binder = new Binder(ctx);
                    // Coerced to the column as on use: a literal default of a regclass column names a relation only then.
                    bound = binder.CoerceForColumn(binder.BindExpr(column.Default, null), column, 0);
                }
                catch (TenonException)
                {
                    continue;
                }
                yield return new Dependent(table, column, bound, RegClassName.Format(table.Oid, ctx.Transaction.Catalog, ctx.Session.SearchPath));
            }
    }

    /// <summary>Defaults that name the relation <paramref name="oid"/> (a sequence they draw from).</summary>
    public static List<Dependent> OnRelation(ExecContext ctx, uint oid) =>
        All(ctx).Where(d => d.Default.Descendants().Any(e => e is ConstExpr { Type.Id: Types.TypeId.RegClass, Value: uint v } && v == oid)).ToList();

    /// <summary>Domains whose DEFAULT names the relation <paramref name="oid"/> (a sequence it draws from), by oid.</summary>
    public static List<DomainDef> DomainsOnRelation(ExecContext ctx, uint oid)
    {
        var result = new List<DomainDef>();
        foreach (var domain in ctx.Transaction.Catalog.UserTypes.Values.OfType<DomainDef>().OrderBy(d => d.Oid))
        {
            if (domain.Default is null) continue;
            try
            {
                var binder = new Binder(ctx);
                var bound = binder.BindExpr(domain.Default, null);
                bound = binder.TryCoerce(bound, domain.BaseType, Types.CastContext.Assignment) ?? bound;
                if (bound.Descendants().Any(e => e is ConstExpr { Type.Id: Types.TypeId.RegClass, Value: uint v } && v == oid)) result.Add(domain);
            }
            catch (TenonException)
            {
                // A default that no longer binds names nothing.
            }
        }
        return result;
    }

    /// <summary>Defaults that call the user function <paramref name="oid"/>.</summary>
    public static List<Dependent> OnRoutine(ExecContext ctx, uint oid) =>
        All(ctx).Where(d => d.Default.Descendants().Any(e => e is FunctionExpr { Routine: { } r } && r.Oid == oid)).ToList();

    /// <summary>Defaults that call one of <paramref name="functions"/>, with the first such call's signature.</summary>
    public static List<(Dependent Dependent, string Function)> OnFunctions(ExecContext ctx, IReadOnlySet<string> functions)
    {
        var result = new List<(Dependent, string)>();
        foreach (var d in All(ctx))
        {
            var call = d.Default.Descendants().OfType<FunctionExpr>().FirstOrDefault(f => functions.Contains(f.Name));
            if (call is not null)
                result.Add((d, $"{call.Name}({string.Join(",", call.Args.Select(a => a.Type.DisplayName))})"));
        }
        return result;
    }
}
