using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// CREATE / DROP EXTENSION. An extension is installed into the current schema (public) and makes
/// its functions resolvable; dropping it is refused while a column default calls one of them,
/// unless CASCADE, which drops those defaults.
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateExtension(CreateExtensionStatement stmt)
    {
        if (!AvailableExtensions.TryGet(stmt.Name, out var version, out var relocatable))
            throw new TenonException(SqlState.UndefinedFile, $"extension \"{stmt.Name}\" is not available",
                $"Could not open extension control file \"/usr/share/postgresql/15/extension/{stmt.Name}.control\": No such file or directory.",
                "The extension must first be installed on the system where PostgreSQL is running.");
        if (Catalog.Extensions.ContainsKey(stmt.Name))
        {
            if (stmt.IfNotExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "42710", $"extension \"{stmt.Name}\" already exists, skipping"));
                return new StatementResult("CREATE EXTENSION");
            }
            throw new TenonException(SqlState.DuplicateObject, $"extension \"{stmt.Name}\" already exists");
        }
        var extension = new ExtensionDef(stmt.Name, Db.NextOid(), SystemCatalog.PublicSchema, version, relocatable);
        // As PostgreSQL, the control file's comment becomes the extension's (COMMENT ON EXTENSION changes it).
        Catalog = Catalog.AddExtension(extension).SetComment(new CommentKey(CommentKey.ExtensionClass, extension.Oid, 0), AvailableExtensions.Comment(stmt.Name));
        return new StatementResult("CREATE EXTENSION");
    }

    private void DropExtension(ExtensionDef extension, bool cascade)
    {
        var dependents = DefaultDependencies.OnFunctions(ctx, Functions.ExtensionFunctionNames(extension.Name));
        if (dependents.Count > 0)
        {
            if (!cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop extension {extension.Name} because other objects depend on it",
                    string.Join("\n", dependents.Select(d => $"{d.Dependent.Description} depends on function {d.Function}")),
                    "Use DROP ... CASCADE to drop the dependent objects too.");
            ReportCascade(dependents.Select(d => d.Dependent.Description).ToList());
            foreach (var (d, _) in dependents) DropColumnDefault(d.Table.Oid, d.Column.Number);
        }
        Catalog = Catalog.RemoveExtension(extension.Name);
    }
}
