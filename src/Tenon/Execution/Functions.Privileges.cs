using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// has_table_privilege, has_sequence_privilege, has_column_privilege, has_schema_privilege and
/// pg_has_role, in their forms with and without a role (name or oid) first. The privilege text is
/// a comma-separated list, any of which suffices, each optionally WITH GRANT OPTION.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolvePrivilegeFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsRole(int i) => args[i].IsString || args[i].Id is TypeId.Oid or TypeId.Name or TypeId.Unknown;
        switch (name)
        {
            case "has_table_privilege" or "has_sequence_privilege" when n is 2 or 3 && args[n - 1].IsString && (n == 2 || IsRole(0)):
            {
                var sequence = name == "has_sequence_privilege";
                return new(n == 2 ? [SqlType.RegClass, SqlType.Text] : [RoleArg(args[0]), SqlType.RegClass, SqlType.Text], SqlType.Bool, (a, ctx) =>
                {
                    var catalog = ctx.Transaction.Catalog;
                    var role = n == 2 ? ctx.Session.CurrentUserOid(catalog.Auth) : RoleArgument(ctx, a[0]!);
                    var oid = (uint)a[n - 2]!;
                    if (catalog.RelationKind(oid) == '\0') return null;
                    if (sequence && !catalog.Sequences.ContainsKey(oid))
                        throw new TenonException(SqlState.WrongObjectType, $"\"{catalog.RelationName(oid)}\" is not a sequence");
                    var (privs, options) = ParsePrivilegeText((string)a[n - 1]!, sequence ? ["usage", "select", "update"]
                        : ["select", "insert", "update", "delete", "truncate", "references", "trigger"]);
                    return Holds(catalog, role, new ObjectKey(ObjectKey.Relation, oid), privs, options);
                });
            }
            case "has_column_privilege" when n is 3 or 4 && args[n - 1].IsString && args[n - 2].IsString && (n == 3 || IsRole(0)):
                return new(n == 3 ? [SqlType.RegClass, SqlType.Text, SqlType.Text] : [RoleArg(args[0]), SqlType.RegClass, SqlType.Text, SqlType.Text], SqlType.Bool, (a, ctx) =>
                {
                    var catalog = ctx.Transaction.Catalog;
                    var role = n == 3 ? ctx.Session.CurrentUserOid(catalog.Auth) : RoleArgument(ctx, a[0]!);
                    var oid = (uint)a[n - 3]!;
                    if (!catalog.Tables.TryGetValue(oid, out var table)) return catalog.RelationKind(oid) == '\0' ? null : false;
                    var colName = (string)a[n - 2]!;
                    var col = table.FindColumn(colName) is { IsDropped: false } c ? c
                        : throw new TenonException(SqlState.UndefinedColumn, $"column \"{colName}\" of relation \"{table.Name}\" does not exist");
                    var (privs, _) = ParsePrivilegeText((string)a[n - 1]!, ["select", "insert", "update", "references"]);
                    var held = Privileges.Held(catalog, role, new ObjectKey(ObjectKey.Relation, oid)) | Privileges.HeldOnColumn(catalog, role, oid, col.Number);
                    return (held & privs) != 0;
                });
            case "has_schema_privilege" when n is 2 or 3 && args[n - 1].IsString && (n == 2 || IsRole(0)):
                return new(n == 2 ? [SqlType.Text, SqlType.Text] : [RoleArg(args[0]), SqlType.Text, SqlType.Text], SqlType.Bool, (a, ctx) =>
                {
                    var catalog = ctx.Transaction.Catalog;
                    var role = n == 2 ? ctx.Session.CurrentUserOid(catalog.Auth) : RoleArgument(ctx, a[0]!);
                    var schema = (string)a[n - 2]!;
                    var oid = catalog.SchemaOid(schema);
                    if (oid == 0) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
                    var (privs, options) = ParsePrivilegeText((string)a[n - 1]!, ["usage", "create"]);
                    return Holds(catalog, role, new ObjectKey(ObjectKey.Namespace, oid), privs, options);
                });
            case "pg_has_role" when n is 2 or 3 && args[n - 1].IsString && IsRole(n - 2) && (n == 2 || IsRole(0)):
                return new(n == 2 ? [RoleArg(args[0]), SqlType.Text] : [RoleArg(args[0]), RoleArg(args[1]), SqlType.Text], SqlType.Bool, (a, ctx) =>
                {
                    var auth = ctx.Transaction.Catalog.Auth;
                    var member = n == 2 ? ctx.Session.CurrentUserOid(auth) : RoleArgument(ctx, a[0]!);
                    var role = RoleArgument(ctx, a[n - 2]!);
                    var mode = ((string)a[n - 1]!).Trim().ToLowerInvariant();
                    if (mode.EndsWith(" with admin option", StringComparison.Ordinal) || mode.EndsWith(" with grant option", StringComparison.Ordinal))
                        return auth.IsSuperuser(member) || auth.Members.Any(m => m.Role == role && m.Member == member && m.AdminOption);
                    return mode switch
                    {
                        "member" => auth.IsMemberOf(member, role),
                        "usage" => auth.HasPrivilegesOf(member, role),
                        _ => throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized privilege type: \"{a[n - 1]}\""),
                    };
                });
        }
        return null;
    }

    private static SqlType RoleArg(SqlType t) => t.Id == TypeId.Oid ? SqlType.Oid : SqlType.Name;

    /// <summary>A role given by name or oid; 42704 for a name that is no role (a login name that is no role counts as the bootstrap superuser).</summary>
    private static uint RoleArgument(ExecContext ctx, object value)
    {
        var auth = ctx.Transaction.Catalog.Auth;
        if (value is uint oid) return oid;
        var name = (string)value;
        if (auth.RoleNamed(name) is { } r) return r.Oid;
        if (name == ctx.Session.UserName || name == ctx.Session.SessionUserName) return AuthCatalog.BootstrapOid;
        throw new TenonException(SqlState.UndefinedObject, $"role \"{name}\" does not exist");
    }

    private static bool Holds(SystemCatalog catalog, uint role, ObjectKey key, Privilege privs, Privilege options) =>
        (Privileges.Held(catalog, role, key) & privs) != 0 || (Privileges.Held(catalog, role, key, grantOptions: true) & options) != 0;

    /// <summary>"select, insert WITH GRANT OPTION": the privileges and, separately, those asked for with grant option.</summary>
    private static (Privilege Privileges, Privilege Options) ParsePrivilegeText(string text, string[] allowed)
    {
        Privilege privs = 0, options = 0;
        foreach (var part in text.Split(','))
        {
            var word = part.Trim().ToLowerInvariant();
            var withOption = false;
            if (word.EndsWith(" with grant option", StringComparison.Ordinal))
            {
                withOption = true;
                word = word[..^" with grant option".Length].TrimEnd();
            }
            if (!allowed.Contains(word)) throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized privilege type: \"{part.Trim()}\"");
            var bit = word switch
            {
                "select" => Privilege.Select, "insert" => Privilege.Insert, "update" => Privilege.Update, "delete" => Privilege.Delete,
                "truncate" => Privilege.Truncate, "references" => Privilege.References, "trigger" => Privilege.Trigger,
                "usage" => Privilege.Usage, _ => Privilege.Create,
            };
            if (withOption) options |= bit;
            else privs |= bit;
        }
        return (privs, options);
    }
}
