using Tenon.Catalog;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// pg_get_partition_constraintdef: the condition a partition's rows satisfy, as PostgreSQL
/// derives it from the bounds and prints it (\d+ shows it as "Partition constraint"): the
/// conditions of the partition's ancestors first, then its own, AND-ed. A list bound is
/// <c>key IS NOT NULL AND key = value</c> (several values as <c>= ANY (ARRAY[…])</c>, or OR-ed
/// equalities for an array key), <c>key IS NULL OR …</c> when it takes NULL; a range bound is
/// every key column IS NOT NULL, equalities for the leading columns both bounds share, then one
/// OR of "greater" arms for the lower bound and one of "less" arms for the upper; a default
/// partition is NOT of what its siblings take; a hash bound is a satisfies_hash_partition call.
/// A partition whose condition is empty (a default partition alone) has none: NULL.
/// </summary>
internal static class PartitionConstraintText
{
    public static string? Of(ExecContext ctx, TableDef partition)
    {
        var parts = Parts(ctx, partition);
        return parts is null || parts.Count == 0 ? null : Ands(parts);
    }

    private static List<string>? Parts(ExecContext ctx, TableDef partition)
    {
        var catalog = ctx.Transaction.Catalog;
        if (partition.PartitionBound is not { } bound || !catalog.Tables.TryGetValue(partition.PartitionParent, out var parent)
            || parent.PartitionKey is not { } key)
            return null;
        var result = Parts(ctx, parent) ?? [];
        result.AddRange(new Builder(ctx, parent, key).Own(bound));
        return result;
    }

    private static string Ands(IReadOnlyList<string> parts) => parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts) + ")";
    private static string Ors(IReadOnlyList<string> parts) => parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")";

    private sealed class Builder(ExecContext ctx, TableDef parent, PartitionKeyDef key)
    {
        private string Key(int i) => key.Columns[i] != 0
            ? Errors.SqlErrors.QuoteIdentifier(parent.Column(key.Columns[i]).Name)
            : CatalogDefinitions.ExpressionText(ctx, parent, key.Expressions[i]!);

        private string Const(object? value, int i) => CatalogDefinitions.BoundText(ctx, parent, new ConstExpr(value, key.Types[i]));

        private string Op(int i, string op, object? value) => $"({Key(i)} {op} {Const(value, i)})";

        private List<string> NullTests() => Enumerable.Range(0, key.Count).Select(i => $"({Key(i)} IS NOT NULL)").ToList();

        public List<string> Own(PartitionBoundDef bound) => bound.Kind switch
        {
            PartitionBoundKind.List => List(bound.Values, isDefault: false),
            PartitionBoundKind.Range => Range(bound, forDefault: false),
            PartitionBoundKind.Hash => [Hash(bound)],
            _ => key.Strategy == PartitionStrategy.List ? ListDefault() : RangeDefault(),
        };

        private List<string> List(IEnumerable<object?> values, bool isDefault)
        {
            var list = values.ToList();
            var hasNull = list.Any(v => v is null);
            var elems = list.Where(v => v is not null).ToList();
            string? equal = null;
            if (elems.Count == 1 || elems.Count > 1 && key.Types[0].IsArray)
                equal = Ors(elems.Select(v => Op(0, "=", v)).ToList());
            else if (elems.Count > 1)
                equal = $"({Key(0)} = ANY (ARRAY[{string.Join(", ", elems.Select(v => Const(v, 0)))}]))";
            var nullTest = hasNull ? $"({Key(0)} IS NULL)" : $"({Key(0)} IS NOT NULL)";
            List<string> result = equal is null ? [nullTest] : hasNull ? [$"({nullTest} OR {equal})"] : [nullTest, equal];
            return isDefault ? [$"(NOT {Ands(result)})"] : result;
        }

        private List<string> ListDefault()
        {
            var siblings = Siblings().Where(s => !s.PartitionBound!.IsDefault).SelectMany(s => s.PartitionBound!.Values).ToList();
            if (siblings.Count == 0) return [];
            // The siblings' values in the key's order, as PostgreSQL keeps them.
            var nonNull = siblings.Where(v => v is not null).ToList();
            nonNull.Sort((a, b) => ValueComparer.Compare(a!, b!, key.Types[0].Id));
            return List(siblings.Any(v => v is null) ? nonNull.Append(null) : nonNull, isDefault: true);
        }

        private List<string> RangeDefault()
        {
            var arms = new List<string>();
            foreach (var s in Siblings().Where(s => !s.PartitionBound!.IsDefault))
            {
                var qual = Range(s.PartitionBound!, forDefault: true);
                arms.Add(Ands(qual));
            }
            if (arms.Count == 0) return [];
            var all = NullTests();
            all.Add(Ors(arms));
            return [$"(NOT ({string.Join(" AND ", all)}))"];
        }

        private List<TableDef> Siblings() => PartitionBound.Children(ctx.Transaction.Catalog, parent);

        private List<string> Range(PartitionBoundDef bound, bool forDefault)
        {
            var result = forDefault ? new List<string>() : NullTests();
            var lower = bound.Lower;
            var upper = bound.Upper;
            var n = key.Count;
            // Leading columns whose lower and upper values are equal: one equality each.
            var i = 0;
            while (i < n && lower[i].Infinity == 0 && upper[i].Infinity == 0 && PartitionBound.CompareDatum(key, i, lower[i], upper[i]) == 0)
            {
                result.Add(Op(i, "=", lower[i].Value));
                i++;
            }
            var lowerArms = new List<string>();
            var upperArms = new List<string>();
            bool moreLower = true, moreUpper = true;
            for (var arm = 0; arm < n - i; arm++)
            {
                var lowerArgs = new List<string>();
                var upperArgs = new List<string>();
                for (var j = i; j < n; j++)
                {
                    var last = j - i == arm;
                    if (moreLower && lower[j].Infinity == 0)
                    {
                        var op = !last ? "=" : j == n - 1 || j + 1 < n && lower[j + 1].Infinity < 0 ? ">=" : ">";
                        lowerArgs.Add(Op(j, op, lower[j].Value));
                    }
                    if (moreUpper && upper[j].Infinity == 0)
                    {
                        var op = !last ? "=" : j + 1 < n && upper[j + 1].Infinity > 0 ? "<=" : "<";
                        upperArgs.Add(Op(j, op, upper[j].Value));
                    }
                    if (last)
                    {
                        // No further arm past a column that is unbounded here or next.
                        if (lower[j].Infinity != 0 || j + 1 >= n || lower[j + 1].Infinity != 0) moreLower = false;
                        if (upper[j].Infinity != 0 || j + 1 >= n || upper[j + 1].Infinity != 0) moreUpper = false;
                        break;
                    }
                }
                if (lowerArgs.Count > 0) lowerArms.Add(Ands(lowerArgs));
                if (upperArgs.Count > 0) upperArms.Add(Ands(upperArgs));
                if (!moreLower && !moreUpper) break;
            }
            if (lowerArms.Count > 0) result.Add(Ors(lowerArms));
            if (upperArms.Count > 0) result.Add(Ors(upperArms));
            if (result.Count == 0) result = forDefault ? NullTests() : ["true"];
            return result;
        }

        private string Hash(PartitionBoundDef bound)
        {
            var args = Enumerable.Range(0, key.Count).Select(Key);
            return $"satisfies_hash_partition('{parent.Oid}'::oid, {bound.Modulus}, {bound.Remainder}, {string.Join(", ", args)})";
        }
    }
}
