using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// The system information functions psql's describe commands and ORMs call on catalog rows:
    /// pg_get_constraintdef, pg_get_indexdef, pg_get_expr (printed by <see cref="CatalogDefinitions"/>),
    /// format_type, pg_table_is_visible, pg_get_userbyid, pg_relation_is_publishable, quote_ident,
    /// and pg_get_triggerdef / pg_get_statisticsobjdef_columns, which find no object because Tenon has
    /// no triggers or extended statistics (NULL, as PostgreSQL answers for an oid it does not know).
    /// </summary>
    private static FunctionDef? ResolveCatalogFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsOid(int i) => args[i].Id is TypeId.Oid or TypeId.RegClass or TypeId.RegType or TypeId.RegNamespace or TypeId.RegRole or TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Unknown;
        bool IsInt(int i) => args[i].Id is TypeId.Int2 or TypeId.Int4 or TypeId.Unknown;
        bool IsBool(int i) => args[i].Id is TypeId.Bool or TypeId.Unknown;
        bool IsText(int i) => args[i].IsString;
        switch (name)
        {
            case "pg_my_temp_schema" when n == 0:
                // The session's temporary schema, 0 until the session has made one.
                return new(None, SqlType.Oid, (_, ctx) => ctx.Transaction.Catalog.SchemaOid(ctx.Session.SearchPath.TempSchema), Volatile: true);
            case "pg_get_constraintdef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => CatalogDefinitions.Constraint(ctx, (uint)a[0]!, false));
            case "pg_get_constraintdef" when n == 2 && IsOid(0) && IsBool(1):
                return new([SqlType.Oid, SqlType.Bool], SqlType.Text, (a, ctx) => CatalogDefinitions.Constraint(ctx, (uint)a[0]!, (bool)a[1]!));
            case "pg_get_indexdef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => CatalogDefinitions.Index(ctx, (uint)a[0]!, 0, false));
            case "pg_get_indexdef" when n == 3 && IsOid(0) && IsInt(1) && IsBool(2):
                return new([SqlType.Oid, SqlType.Int4, SqlType.Bool], SqlType.Text,
                    (a, ctx) => CatalogDefinitions.Index(ctx, (uint)a[0]!, (int)a[1]!, (bool)a[2]!));
            case "pg_get_expr" when n == 2 && IsText(0) && IsOid(1):
                return new([SqlType.Text, SqlType.Oid], SqlType.Text, (a, ctx) => CatalogDefinitions.Expression(ctx, (string)a[0]!, (uint)a[1]!, false));
            case "pg_get_expr" when n == 3 && IsText(0) && IsOid(1) && IsBool(2):
                return new([SqlType.Text, SqlType.Oid, SqlType.Bool], SqlType.Text,
                    (a, ctx) => CatalogDefinitions.Expression(ctx, (string)a[0]!, (uint)a[1]!, (bool)a[2]!));
            case "pg_get_viewdef" when n == 1 && (args[0].IsString || args[0].Id == TypeId.Unknown):
                return new([SqlType.Text], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, ViewDefinitions.Resolve(ctx, (string)a[0]!), false));
            case "pg_get_viewdef" when n == 2 && (args[0].IsString || args[0].Id == TypeId.Unknown) && IsBool(1):
                return new([SqlType.Text, SqlType.Bool], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, ViewDefinitions.Resolve(ctx, (string)a[0]!), (bool)a[1]!));
            case "pg_get_viewdef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, (uint)a[0]!, false));
            case "pg_get_viewdef" when n == 2 && IsOid(0) && args[1].Id == TypeId.Bool:
                return new([SqlType.Oid, SqlType.Bool], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, (uint)a[0]!, (bool)a[1]!));
            case "pg_get_viewdef" when n == 2 && IsOid(0) && IsInt(1) && args[1].Id != TypeId.Unknown:
                // A wrap column: pretty, items wrapped once a line would pass it.
                return new([SqlType.Oid, SqlType.Int4], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, (uint)a[0]!, true, (int)a[1]!));
            case "pg_get_viewdef" when n == 2 && IsOid(0) && IsBool(1):
                return new([SqlType.Oid, SqlType.Bool], SqlType.Text, (a, ctx) => ViewDefinitions.Print(ctx, (uint)a[0]!, (bool)a[1]!));
            case "pg_get_ruledef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => ViewDefinitions.Rule(ctx, (uint)a[0]!, false));
            case "pg_get_ruledef" when n == 2 && IsOid(0) && IsBool(1):
                return new([SqlType.Oid, SqlType.Bool], SqlType.Text, (a, ctx) => ViewDefinitions.Rule(ctx, (uint)a[0]!, (bool)a[1]!));
            case "format_type" when n == 2 && IsOid(0) && IsInt(1):
                // Not strict: a null type modifier means "no modifier".
                return new([SqlType.Oid, SqlType.Int4], SqlType.Text,
                    (a, ctx) => a[0] is uint oid ? FormatType(ctx.Transaction.Catalog, oid, a[1] as int?) : null, Strict: false);
            case "pg_table_is_visible" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Bool, (a, ctx) => TableIsVisible(ctx.Transaction.Catalog, ctx.Session.SearchPath, (uint)a[0]!));
            case "pg_type_is_visible" when n == 1 && IsOid(0):
                // Every type Tenon has lives in pg_catalog, which is always on the search path.
                return new([SqlType.Oid], SqlType.Bool, (a, ctx) => FormatType(ctx.Transaction.Catalog, (uint)a[0]!, null) is "???" or "-" ? null : true);
            case "pg_get_userbyid" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Name, (a, ctx) => ctx.Transaction.Catalog.Auth.RoleName((uint)a[0]!));
            case "pg_relation_is_publishable" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.Bool, (a, ctx) =>
                {
                    var catalog = ctx.Transaction.Catalog;
                    var oid = (uint)a[0]!;
                    if (catalog.RelationKind(oid) == '\0') return SystemRelations.ByOid(oid) is null ? null : false;
                    return catalog.Tables.TryGetValue(oid, out var t) && !t.Temporary;
                });
            case "pg_get_triggerdef" when (n == 1 || (n == 2 && IsBool(1))) && IsOid(0):
                return new(n == 1 ? [SqlType.Oid] : [SqlType.Oid, SqlType.Bool], SqlType.Text,
                    (a, ctx) => Routines.TriggerDefinition.Print((uint)a[0]!, a.Length > 1 && a[1] is true, ctx));
            case "pg_get_statisticsobjdef_columns" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => DdlExecutor.StatisticsColumns(ctx, (uint)a[0]!));
            case "pg_get_partkeydef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => ctx.Transaction.Catalog.Tables.TryGetValue((uint)a[0]!, out var t) && t.IsPartitioned
                    ? CatalogDefinitions.PartitionKey(ctx, t) : null);
            case "pg_partition_root" when n == 1 && IsOid(0):
                return new([SqlType.RegClass], SqlType.RegClass, (a, ctx) =>
                {
                    var catalog = ctx.Transaction.Catalog;
                    if (!catalog.Tables.TryGetValue((uint)a[0]!, out var t) || !t.IsPartition && !t.IsPartitioned) return null;
                    return PartitionBound.Ancestors(catalog, t).LastOrDefault()?.Oid ?? t.Oid;
                });
            case "pg_get_partition_constraintdef" when n == 1 && IsOid(0):
                return new([SqlType.Oid], SqlType.Text, (a, ctx) => ctx.Transaction.Catalog.Tables.TryGetValue((uint)a[0]!, out var t)
                    ? PartitionConstraintText.Of(ctx, t) : null);
            case "pg_describe_object" when n == 3 && IsOid(0) && IsOid(1) && IsInt(2):
                return new([SqlType.Oid, SqlType.Oid, SqlType.Int4], SqlType.Text,
                    (a, ctx) => ObjectDescriptions.Describe(ctx, (uint)a[0]!, (uint)a[1]!, (int)a[2]!));
            case "quote_ident" when n == 1 && IsText(0):
                return new([SqlType.Text], SqlType.Text, (a, _) => SqlErrors.QuoteIdentifier((string)a[0]!));
        }
        return null;
    }

    /// <summary>The role that owns every object in a Tenon database (oid 10, as initdb's superuser).</summary>
    public const string BootstrapSuperuserName = "postgres";

    /// <summary>
    /// format_type: the SQL name of a type with its modifier (<c>character varying(10)</c>,
    /// <c>numeric(10,2)</c>); "-" for oid 0 and "???" for an oid that is no type.
    /// </summary>
    public static string FormatType(SystemCatalog catalog, uint oid, int? typmod)
    {
        if (oid == 0) return "-";
        var builtin = BuiltinTypes.ByOid(oid);
        // Without a modifier argument, bpchar is shown under its SQL name.
        if (builtin is not null)
            return typmod is null && builtin.Type.Id == TypeId.Bpchar ? "character" : WithModifier(builtin.Type, typmod ?? -1).DisplayName;
        // Types other parts of Tenon list in pg_type (enums, domains, composite types and their arrays):
        // their quoted name, schema-qualified outside public (Tenon finds user types there by
        // unqualified name); an array as its element type's name with [].
        foreach (var row in PgType.Relation.Rows(catalog))
        {
            if (row[0] is not uint o || o != oid) continue;
            if ((string?)row[7] == "A" && row[12] is uint element and not 0) return FormatType(catalog, element, null) + "[]";
            var name = SqlErrors.QuoteIdentifier((string)row[1]!);
            return row[2] is uint ns && catalog.SchemaName(ns) is { } schema and not (SystemCatalog.PublicSchema or "pg_catalog")
                ? SqlErrors.QuoteIdentifier(schema) + "." + name : name;
        }
        return "???";
    }

    /// <summary>regtype output: the type's name as format_type(oid, NULL) gives it, or the bare oid when no type has it.</summary>
    public static string RegTypeName(uint oid, SystemCatalog catalog)
    {
        var name = FormatType(catalog, oid, null);
        return name == "???" ? oid.ToString(System.Globalization.CultureInfo.InvariantCulture) : name;
    }

    /// <summary>regnamespace output: the schema's quoted name, or the bare oid when no schema has it.</summary>
    public static string RegNamespaceName(uint oid, SystemCatalog catalog)
    {
        if (oid == 0) return "-";
        foreach (var row in PgNamespace.Relation.Rows(catalog))
            if (row[0] is uint o && o == oid) return SqlErrors.QuoteIdentifier((string)row[1]!);
        return oid.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>regrole output: the role's quoted name, or the bare oid when no role has it.</summary>
    public static string RegRoleName(uint oid, SystemCatalog catalog) =>
        oid == 0 ? "-" : catalog.Auth.Role(oid) is { } r ? SqlErrors.QuoteIdentifier(r.Name) : oid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>regrole input: an oid as digits, else a role name as SQL writes it (folded unless quoted).</summary>
    public static uint ResolveRole(string text, SystemCatalog catalog)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, out var oid)) return oid;
        var parts = RegClassName.Split(text);
        if (parts.Count != 1) throw new TenonException(SqlState.InvalidName, "invalid name syntax");
        return catalog.Auth.RoleNamed(parts[0])?.Oid ?? throw new TenonException(SqlState.UndefinedObject, $"role \"{parts[0]}\" does not exist");
    }

    /// <summary>regnamespace input: an oid as digits, else a schema name as SQL writes it (folded unless quoted).</summary>
    public static uint ResolveNamespace(string text, SystemCatalog catalog)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && uint.TryParse(text, out var oid)) return oid;
        var parts = RegClassName.Split(text);
        if (parts.Count != 1) throw new TenonException(SqlState.InvalidName, "invalid name syntax");
        foreach (var row in PgNamespace.Relation.Rows(catalog))
            if ((string)row[1]! == parts[0]) return (uint)row[0]!;
        throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{parts[0]}\" does not exist");
    }

    private static SqlType WithModifier(SqlType type, int typmod)
    {
        if (typmod < 0) return type;
        return type.Id switch
        {
            TypeId.Varchar or TypeId.Bpchar when typmod >= 4 => SqlType.FromParts(type.Id, typmod - 4, -1, -1),
            TypeId.Numeric when typmod >= 4 => SqlType.FromParts(type.Id, -1, ((typmod - 4) >> 16) & 0xffff, (short)((typmod - 4) & 0xffff)),
            TypeId.Timestamp or TypeId.Timestamptz or TypeId.Time when typmod <= 6 => SqlType.FromParts(type.Id, -1, typmod, -1),
            _ => type,
        };
    }

    /// <summary>
    /// pg_table_is_visible: whether the relation's unqualified name finds it on the search path
    /// (null for an oid that is no relation).
    /// </summary>
    private static object? TableIsVisible(SystemCatalog catalog, SearchPath path, uint oid)
    {
        if (SystemRelations.ByOid(oid) is { } system) return SystemRelations.Find(catalog, path, null, system.Name) == system;
        if (PgClass.CompositeTypeByRelation(catalog, oid) is { } composite)
            return catalog.LookupType(null, composite.Name)?.Oid == composite.Oid;
        if (catalog.RelationKind(oid) == '\0') return null;
        return catalog.LookupRelation(path, null, catalog.RelationName(oid)) == oid;
    }
}
