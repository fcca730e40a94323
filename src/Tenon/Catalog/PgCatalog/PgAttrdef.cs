using Tenon.Sql;
using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_attrdef: one row per column default and per generation expression of a stored generated
/// column. adbin (pg_node_tree) holds the expression as SQL text (<see cref="ExprSource"/>) after a
/// comment naming the column's type (<see cref="AssignmentPrefix"/>), which pg_get_expr(adbin, adrelid)
/// converts it to and prints the way PostgreSQL does. A default of NULL is not stored, as in
/// PostgreSQL. Tenon gives defaults no object identity of their own, so the oid column is left out.
/// </summary>
public static class PgAttrdef
{
    public static SystemRelation Relation { get; } = new("pg_attrdef", 2604,
        [new("adrelid", SqlType.Oid), new("adnum", SqlType.Int2), new("adbin", SqlType.Text)],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        foreach (var table in catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var c in table.Columns)
                if (!c.IsDropped && Adbin(c, catalog) is { } tree)
                    yield return [table.Oid, c.Number, tree];
    }

    /// <summary>The column's adbin text (its generation expression or default), or null when it has none.</summary>
    public static string? Adbin(ColumnDef c, SystemCatalog catalog) =>
        StoredDefault(c) is { } e ? AssignmentPrefix + AssignedTypeName(c.Type) + " */ " + ExprSource.Print(WithCurrentNames(e, catalog)) : null;

    /// <summary>
    /// The column type as a name that parses back to it: a user type's name quoted, and qualified
    /// outside public (an unqualified type name is looked up in public only).
    /// </summary>
    private static string AssignedTypeName(SqlType type)
    {
        UserTypeDef? user = type.Domain ?? (UserTypeDef?)type.Enum ?? type.Composite;
        if (user is null) return type.DisplayName;
        var name = Errors.SqlErrors.QuoteIdentifier(user.Name);
        return user.Schema == SystemCatalog.PublicSchema ? name : Errors.SqlErrors.QuoteIdentifier(user.Schema) + "." + name;
    }

    /// <summary>
    /// The expression with each call of a user function kept by oid (<see cref="Sql.Ast.FunctionCall.RoutineOid"/>)
    /// named as that function is named now, so the text binds to it after a rename or SET SCHEMA.
    /// </summary>
    private static Sql.Ast.Expr WithCurrentNames(Sql.Ast.Expr e, SystemCatalog catalog) =>
        Sql.Ast.ExprRewriter.Rewrite(e, (original, rebuilt) =>
            rebuilt is Sql.Ast.FunctionCall { RoutineOid: not 0 } call && catalog.Functions.TryGetValue(call.RoutineOid, out var routine)
                && (routine.Name != call.Name.Name || routine.Schema != call.Name.Schema)
                ? call with { Name = new Sql.Ast.QualifiedName(routine.Schema, routine.Name) { Position = call.Name.Position } }
                : rebuilt);

    /// <summary>Starts an adbin text: the type the expression is assigned to follows, then " */ " and the expression.</summary>
    public const string AssignmentPrefix = "/* assigned to ";

    /// <summary>The generation expression or default PostgreSQL keeps in pg_attrdef (none for DEFAULT NULL).</summary>
    public static Sql.Ast.Expr? StoredDefault(ColumnDef c) =>
        c.Generated ?? (c.Default is Sql.Ast.NullLiteral or Sql.Ast.CastExpr { Operand: Sql.Ast.NullLiteral } ? null : c.Default);
}
