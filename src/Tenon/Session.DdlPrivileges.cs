using Tenon.Catalog;
using Tenon.Execution;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// Privileges of DDL run by a role that is not a superuser: ownership of the relation or schema a
/// statement alters or drops (42501 "must be owner of table t"), TRUNCATE's privilege, CREATE on
/// the schema a new relation goes to; and afterwards, the new objects belong to that role. A
/// superuser skips all of it after one field test.
/// </summary>
public sealed partial class Session
{
    private StatementResult DispatchChecked(Statement stmt, ExecContext ctx, CopyInRequest? copyData)
    {
        var before = ctx.Transaction.Catalog;
        if (IsSuperuser(before.Auth) && CurrentUserOid(before.Auth) == AuthCatalog.BootstrapOid && before.Auth.DefaultAcls.IsEmpty)
            return Dispatch(stmt, ctx, copyData);
        if (!IsSuperuser(before.Auth)) CheckDdlPrivileges(stmt, ctx);
        var result = Dispatch(stmt, ctx, copyData);
        if (stmt is not (InsertStatement or UpdateStatement or DeleteStatement or SelectStatement or MergeStatement))
            DdlExecutor.AssignNewOwners(ctx, before);
        return result;
    }

    /// <summary>REINDEX runs outside <see cref="Dispatch"/>: its ownership check, for a role that is not a superuser.</summary>
    private void CheckReindexPrivileges(ReindexStatement rx, ExecContext ctx)
    {
        if (!IsSuperuser(ctx.Transaction.Catalog.Auth)) CheckDdlPrivileges(rx, ctx);
    }

    private StatementResult ReindexChecked(ReindexStatement rx, ExecContext ctx, bool inBlock)
    {
        CheckReindexPrivileges(rx, ctx);
        return Reindex(rx, ctx, inBlock);
    }

    private void CheckDdlPrivileges(Statement stmt, ExecContext ctx)
    {
        var catalog = ctx.Transaction.Catalog;
        uint Oid(QualifiedName n) => Binding.Binder.LookupRelation(catalog, SearchPath, n, 0);
        void Owner(QualifiedName n)
        {
            if (Oid(n) is var oid and not 0) Privileges.RequireRelationOwner(ctx, oid);
        }
        void CreateIn(QualifiedName n, bool temporary)
        {
            if (temporary || n.Schema == "pg_temp") return;
            if ((n.Schema ?? SearchPath.CurrentSchema(catalog)) is { } s && catalog.Schemas.Contains(s))
                Privileges.RequireOnSchema(ctx, s, Privilege.Create, n.Schema is null ? 0 : n.Position);
        }
        switch (stmt)
        {
            case AlterTableStatement a:
                Owner(a.Table);
                foreach (var action in a.Actions)
                    if (action is AttachPartitionAction attach) Owner(attach.Partition);
                break;
            case ReindexStatement { Target: ReindexTarget.Table or ReindexTarget.Index, Relation: { } r }: Owner(r); break;
            case ReindexStatement { Target: ReindexTarget.Schema, Name: { } schema }:
                if (catalog.SchemaOid(schema) is var rso and not 0)
                    Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Namespace, rso), "schema", schema);
                break;
            case AlterIndexStatement a: Owner(a.Name); break;
            case AlterSequenceStatement a: Owner(a.Name); break;
            case RenameObjectStatement r: Owner(r.Name); break;
            case SetSchemaStatement s: Owner(s.Name); break;
            case CreateIndexStatement c: Owner(c.Table); break;
            case TruncateStatement t:
                foreach (var n in t.Tables)
                    if (Oid(n) is var oid and not 0) Privileges.RequireOnRelation(ctx, oid, Privilege.Truncate);
                break;
            case DropStatement { Kind: ObjectKind.Schema } d:
                foreach (var n in d.Names)
                    if (catalog.SchemaOid(n.Name) is var so and not 0)
                        Privileges.RequireOwner(ctx, new ObjectKey(ObjectKey.Namespace, so), "schema", n.Name);
                break;
            case DropStatement { Kind: ObjectKind.Table or ObjectKind.Sequence or ObjectKind.View or ObjectKind.Index or ObjectKind.MaterializedView } d:
                foreach (var n in d.Names) Owner(n);
                break;
            case CreateTableStatement c: CreateIn(c.Name, c.Temporary); break;
            case CreateSequenceStatement c: CreateIn(c.Name, c.Temporary); break;
            case CreateViewStatement c: CreateIn(c.Name, c.Temporary); break;
        }
    }
}
