using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Expressions;

namespace Tenon.Execution;

/// <summary>
/// What a column default depends on, as pg_depend records it for pg_attrdef: every regclass
/// constant in the bound expression (nextval('s') names sequence s) and every function it calls.
/// Defaults are kept as parsed text and bound by name on use, so the dependencies are found by
/// binding them against the current catalog, which gives the objects the default would use now.
/// </summary>
internal static class DefaultDependencies
{
    public sealed record Dependent(TableDef Table, ColumnDef Column, BoundExpr Default)
    {
        public string Description => $"default value for column {Column.Name} of table {Table.Name}";
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
                    bound = new Binder(ctx).BindExpr(column.Default, null);
                }
                catch (TenonException)
                {
                    continue;
                }
                yield return new Dependent(table, column, bound);
            }
    }

    /// <summary>Defaults that name the relation <paramref name="oid"/> (a sequence they draw from).</summary>
    public static List<Dependent> OnRelation(ExecContext ctx, uint oid) =>
        All(ctx).Where(d => d.Default.Descendants().Any(e => e is ConstExpr { Type.Id: Types.TypeId.RegClass, Value: uint v } && v == oid)).ToList();

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
