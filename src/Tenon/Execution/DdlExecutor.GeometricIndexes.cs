using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// USING gist / spgist over the geometric types, with PostgreSQL's operator classes: gist box_ops,
/// poly_ops, circle_ops, point_ops (each its type's default); spgist box_ops, poly_ops,
/// quad_point_ops (default for point) and kd_point_ops. Such an index is recorded with its method
/// (pg_am, pg_class.relam, pg_get_indexdef) and kept in Tenon's own ordered storage; the planner
/// never scans it, so every query reads the table and answers exactly. The operator class is
/// checked but not kept, so pg_get_indexdef does not print a non-default one (kd_point_ops).
/// </summary>
public sealed partial class DdlExecutor
{
    private static readonly Dictionary<(string Method, TypeId Type), string[]> GeometricOpClasses = new()
    {
        [("gist", TypeId.Box)] = ["box_ops"],
        [("gist", TypeId.Polygon)] = ["poly_ops"],
        [("gist", TypeId.Circle)] = ["circle_ops"],
        [("gist", TypeId.Point)] = ["point_ops"],
        [("spgist", TypeId.Box)] = ["box_ops"],
        [("spgist", TypeId.Polygon)] = ["poly_ops"],
        [("spgist", TypeId.Point)] = ["quad_point_ops", "kd_point_ops"],
    };

    private static readonly HashSet<string> GeometricOpClassNames = GeometricOpClasses.Values.SelectMany(v => v).ToHashSet();

    /// <summary>The method for a gist/spgist index with a geometric key; null when no key is geometric (the caller goes on).</summary>
    private static string? GeometricIndexMethod(CreateIndexStatement stmt, TableDef table, short[] cols, IndexExpression?[] expressions, string method)
    {
        var types = cols.Select((c, i) => c != 0 ? table.Column(c).Type : expressions[i]!.Type).ToList();
        if (!types.Any(t => t.IsGeometric) && !stmt.Elements.Any(e => e.OpClass is { } o && GeometricOpClassNames.Contains(o))) return null;
        if (stmt.Unique)
            throw new TenonException(SqlState.FeatureNotSupported, $"access method \"{method}\" does not support unique indexes");
        if (method == "spgist" && types.Count > 1)
            throw new TenonException(SqlState.FeatureNotSupported, "access method \"spgist\" does not support multicolumn indexes");
        for (var i = 0; i < types.Count; i++)
        {
            var t = types[i];
            var opclass = stmt.Elements[i].OpClass;
            GeometricOpClasses.TryGetValue((method, t.Id), out var classes);
            if (opclass is null)
            {
                if (classes is not null) continue;
                if (method == "gist" && t.Id is TypeId.TsVector or TypeId.TsQuery) continue;
                throw new TenonException(SqlState.UndefinedObject, $"data type {t.DisplayName} has no default operator class for access method \"{method}\"",
                    hint: "You must specify an operator class for the index or define a default operator class for the data type.");
            }
            if (classes is not null && classes.Contains(opclass)) continue;
            if (!GeometricOpClassNames.Contains(opclass) || !GeometricOpClasses.Any(kv => kv.Key.Method == method && kv.Value.Contains(opclass)))
                throw new TenonException(SqlState.UndefinedObject, $"operator class \"{opclass}\" does not exist for access method \"{method}\"");
            throw new TenonException(SqlState.DatatypeMismatch, $"operator class \"{opclass}\" does not accept data type {t.DisplayName}");
        }
        if (stmt.Elements.Any(e => e.Descending))
            throw new TenonException(SqlState.FeatureNotSupported, $"access method \"{method}\" does not support ASC/DESC options");
        if (stmt.Elements.Any(e => e.NullsFirst is not null))
            throw new TenonException(SqlState.FeatureNotSupported, $"access method \"{method}\" does not support NULLS FIRST/LAST options");
        return method;
    }
}
