using System.Numerics;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// The functions psql's \df, \sf and the Size column of \dt+ / \di+ call:
    /// pg_function_is_visible, pg_get_function_arguments, pg_get_function_identity_arguments,
    /// pg_get_function_result and pg_get_functiondef (<see cref="RoutineDescriptions"/>),
    /// pg_relation_size, pg_table_size, pg_indexes_size, pg_total_relation_size
    /// (<see cref="RelationSizes"/>) and pg_size_pretty.
    /// </summary>
    private static FunctionDef? ResolveDescribeFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsOid(int i) => args[i].Id is TypeId.Oid or TypeId.RegClass or TypeId.RegProc or TypeId.RegProcedure or TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Unknown;
        switch (name)
        {
            case "pg_function_is_visible" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Bool, (a, ctx) => RoutineDescriptions.IsVisible(ctx, (uint)a[0]!));
            case "pg_get_function_arguments" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => RoutineDescriptions.Arguments(ctx, (uint)a[0]!, withDefaults: true));
            case "pg_get_function_identity_arguments" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => RoutineDescriptions.Arguments(ctx, (uint)a[0]!, withDefaults: false));
            case "pg_get_function_result" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => RoutineDescriptions.Result(ctx, (uint)a[0]!));
            case "pg_get_functiondef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => RoutineDescriptions.Definition(ctx, (uint)a[0]!));
            case "pg_relation_size" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => RelationSizes.Relation(ctx, (uint)a[0]!));
            case "pg_table_size" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => RelationSizes.Table(ctx, (uint)a[0]!));
            case "pg_indexes_size" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => RelationSizes.Indexes(ctx, (uint)a[0]!));
            case "pg_total_relation_size" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => RelationSizes.Total(ctx, (uint)a[0]!));
            case "pg_size_pretty" when n == 1 && args[0].Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8:
                return new([SqlType.Int8], SqlType.Text, (a, _) => SizePretty((long)a[0]!));
            case "pg_size_pretty" when n == 1 && args[0].Id is TypeId.Numeric or TypeId.Unknown:
                return new([SqlType.Numeric], SqlType.Text, (a, _) => SizePretty((Numeric)a[0]!));
        }
        return null;
    }

    // PostgreSQL 15's units: below a unit's limit the size is shown in it, halved and rounded when
    // the unit rounds (the division before it kept one extra bit for that).
    private static readonly (string Name, long Limit, bool Round, int Bits)[] SizeUnits =
    [
        ("bytes", 10 * 1024, false, 0), ("kB", 20 * 1024 - 1, true, 10), ("MB", 20 * 1024 - 1, true, 20),
        ("GB", 20 * 1024 - 1, true, 30), ("TB", 20 * 1024 - 1, true, 40), ("PB", 20 * 1024 - 1, true, 50),
    ];

    private static string SizePretty(long size) => SizePretty(new BigInteger(size), null);

    private static string SizePretty(Numeric size)
    {
        if (!size.IsFinite) return size.ToString() + " bytes";
        // A fractional size is shown as it is while in bytes; past that the divisions truncate it.
        return SizePretty(BigInteger.Divide(size.Mantissa, BigInteger.Pow(10, size.Scale)), size.Scale > 0 ? size.ToString() : null);
    }

    private static string SizePretty(BigInteger size, string? exactText)
    {
        for (var u = 0; ; u++)
        {
            var unit = SizeUnits[u];
            if (u == SizeUnits.Length - 1 || BigInteger.Abs(size) < unit.Limit)
            {
                if (!unit.Round) return (u == 0 && exactText is not null ? exactText : size.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + unit.Name;
                var rounded = (size + (size < 0 ? -1 : 1)) / 2;
                return rounded.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + unit.Name;
            }
            var next = SizeUnits[u + 1];
            var bits = next.Bits - unit.Bits - (next.Round ? 1 : 0) + (unit.Round ? 1 : 0);
            size /= BigInteger.One << bits;
        }
    }
}
