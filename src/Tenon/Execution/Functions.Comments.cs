using Tenon.Catalog;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// obj_description(oid, catalog name), obj_description(oid) and col_description(table oid, column):
    /// the texts COMMENT ON stored (null when there is none). The catalog is named as in
    /// pg_description ('pg_class', 'pg_constraint'); the one-argument form, deprecated in
    /// PostgreSQL, takes the comment of any catalog's object with that oid.
    /// </summary>
    private static FunctionDef? ResolveCommentFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        switch (name)
        {
            case "obj_description" when n == 2:
                return new([SqlType.Oid, SqlType.Name], SqlType.Text,
                    (a, ctx) => a[1] is string catalogName && CatalogOid(catalogName) is { } cls
                        && ctx.Transaction.Catalog.Comments.TryGetValue(new CommentKey(cls, (uint)a[0]!, 0), out var text) ? text : null);
            case "obj_description" when n == 1:
                return new([SqlType.Oid], SqlType.Text, (a, ctx) =>
                {
                    var comments = ctx.Transaction.Catalog.Comments;
                    foreach (var cls in (uint[])[CommentKey.RelationClass, CommentKey.ConstraintClass, CommentKey.NamespaceClass])
                        if (comments.TryGetValue(new CommentKey(cls, (uint)a[0]!, 0), out var text)) return text;
                    return null;
                });
            case "col_description" when n == 2:
                return new([SqlType.Oid, SqlType.Int4], SqlType.Text,
                    (a, ctx) => ctx.Transaction.Catalog.Comments.TryGetValue(new CommentKey(CommentKey.RelationClass, (uint)a[0]!, (int)a[1]!), out var text) ? text : null);
        }
        return null;
    }

    private static uint? CatalogOid(string catalogName) => catalogName switch
    {
        "pg_class" => CommentKey.RelationClass,
        "pg_constraint" => CommentKey.ConstraintClass,
        "pg_type" => CommentKey.TypeClass,
        "pg_extension" => CommentKey.ExtensionClass,
        "pg_namespace" => CommentKey.NamespaceClass,
        _ => null,
    };
}
