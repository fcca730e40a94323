using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Expressions;
using Tenon.Execution.Plan;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>
/// Turns parsed queries and expressions into typed, executable trees: resolves names against the
/// catalog and FROM scopes, picks operators and functions the way PostgreSQL's parser does
/// (untyped literals take their type from context; implicit casts only where pg_cast allows),
/// and reports PostgreSQL's errors (42703, 42P01, 42702, 42883, 42804, 42803 …) with positions.
///
/// Aggregates: while a select list or HAVING is bound, aggregate calls are collected into
/// <see cref="AggregateScope"/> and replaced by placeholders; the query binder then maps group
/// keys and aggregate results to slots of the aggregate node's output row.
/// </summary>
public sealed partial class Binder
{
    private readonly ExecContext _ctx;

    public Binder(ExecContext ctx) => _ctx = ctx;

    public SystemCatalog Catalog => _ctx.Transaction.Catalog;
    public Session Session => _ctx.Session;

    /// <summary>Where aggregates found while binding go; null where aggregates are not allowed.</summary>
    private AggregateScope? _aggregates;
    /// <summary>The clause name used in "aggregate functions are not allowed in …" when <see cref="_aggregates"/> is null.</summary>
    private string _clause = "WHERE";

    /// <summary>
    /// Set while binding an expression that must not contain subqueries (a CHECK constraint, an
    /// index expression or predicate, a DEFAULT): the phrase that completes "cannot use subquery in …".
    /// </summary>
    public string? NoSubqueriesIn { get; set; }

    /// <summary>
    /// Completes "aggregate/window functions are not allowed in …": in a DDL expression its kind in
    /// the plural ("check constraints", "transform expressions"), else the current clause.
    /// </summary>
    private string DisallowedIn => NoSubqueriesIn is { } kind ? kind + "s" : _clause;
    /// <summary>Whether an expression bound so far read the tableoid system column (it counts as a column when naming a CHECK).</summary>
    public bool UsedTableOid { get; private set; }

    /// <summary>Types inferred for parameters $n so far (from values or context).</summary>
    public Dictionary<int, SqlType> ParameterTypes { get; } = new();

    internal sealed class AggregateScope(Scope inputScope)
    {
        public Scope InputScope { get; } = inputScope;
        public List<AggregateCall> Calls { get; } = new();
        public int Level { get; init; }
    }

    /// <summary>Placeholder for an aggregate result until the query binder assigns its slot.</summary>
    internal sealed class AggregateRef(AggregateScope owner, int index, SqlType type) : BoundExpr
    {
        public AggregateScope Owner { get; } = owner;
        public int Index { get; } = index;
        public override SqlType Type { get; } = type;
        public override object? Eval(object?[] row, ExecContext ctx) =>
            throw new InvalidOperationException("aggregate placeholder evaluated");
        public override string Fingerprint => $"agg#{Index}@{Owner.GetHashCode()}";
    }

    // ---- Coercion ------------------------------------------------------------------------

    /// <summary>
    /// Coerces an expression to a type. Unknown-typed constants are parsed now (so input errors
    /// point at the literal); other expressions get a cast if <paramref name="context"/> allows one.
    /// Returns null when no cast exists.
    /// </summary>
    public BoundExpr? TryCoerce(BoundExpr e, SqlType target, CastContext context, int position = 0)
    {
        if (target.Id == TypeId.Unknown) return e;
        if (e.Type == target) return e;
        if (target.Domain is not null) return CoerceToDomain(e, target, context, position);
        if (e.Type.Enum is { } fromEnum && target.Enum is { } toEnum && fromEnum.Oid != toEnum.Oid) return null;
        if (e.Type.Id == TypeId.Record && target.Id == TypeId.Record && target.Composite is not null) return CoerceToComposite(e, target, context, position);
        if (e.Type.Id == target.Id && !target.HasModifier && (!target.IsArray || e.Type.WithoutModifier() == target)) return e;
        if ((target.Id == TypeId.RegClass || e.Type.Id == TypeId.RegClass) && CoerceRegClass(e, target, position) is { } regclass) return regclass;
        if ((target.Id == TypeId.RegType || e.Type.Id == TypeId.RegType) && CoerceRegType(e, target, position) is { } regtype) return regtype;
        if ((target.Id == TypeId.RegNamespace || e.Type.Id == TypeId.RegNamespace) && CoerceRegNamespace(e, target, position) is { } regnamespace) return regnamespace;
        if ((target.Id == TypeId.RegRole || e.Type.Id == TypeId.RegRole) && CoerceRegRole(e, target, position) is { } regrole) return regrole;
        if ((target.Id is TypeId.RegProc or TypeId.RegProcedure || e.Type.Id is TypeId.RegProc or TypeId.RegProcedure) && CoerceRegProc(e, target, position) is { } regproc) return regproc;
        // An untyped parameter takes the type it is coerced to (a target column, a function
        // argument …), as PostgreSQL resolves it; a type modifier then applies as a cast.
        if (e is ParamExpr { Type.Id: TypeId.Unknown } p)
        {
            var typed = RetypeParam(p, target);
            return target.HasModifier ? TryCoerce(typed, target, context, position) : typed;
        }
        if (e is ConstExpr { Type.Id: TypeId.Unknown } c)
        {
            if (c.Value is null) return new ConstExpr(null, target);
            object? parsed;
            try
            {
                parsed = ValueText.Parse((string)c.Value, target.WithoutModifier(), _ctx.Settings);
            }
            catch (TenonException ex)
            {
                if (ex.Position == 0 && position > 0) ex.Position = position;
                throw;
            }
            // Input errors point at the literal; applying the type modifier (length, precision) is a
            // separate coercion step whose errors carry no position, as in PostgreSQL.
            var value = target.HasModifier ? ValueCast.Cast(parsed, target.WithoutModifier(), target, context, _ctx.Settings) : parsed;
            return new ConstExpr(value, target);
        }
        // An unknown-typed output column (INSERT … SELECT 'x') converts as its literal would: in
        // the caller's context, so varchar(n) still rejects what is too long.
        if (e.Type.Id == TypeId.Unknown)
            return new Execution.Expressions.CastExpr(e, target, e is ColumnExpr ? context : CastContext.Explicit);
        if (e.Type.Id == target.Id && !target.IsArray)
            return new Execution.Expressions.CastExpr(e, target, context);
        if (!ValueCast.CanCast(e.Type, target, context)) return null;
        return new Execution.Expressions.CastExpr(e, target, context);
    }

    /// <summary>Coerces for storing into a column (assignment context), or raises PostgreSQL's 42804.</summary>
    public BoundExpr CoerceForColumn(BoundExpr e, ColumnDef column, int position)
    {
        var result = TryCoerce(e, column.Type, CastContext.Assignment, position);
        if (result is null)
            throw new TenonException(SqlState.DatatypeMismatch,
                $"column \"{column.Name}\" is of type {column.Type.WithoutModifier().DisplayName} but expression is of type {e.Type.WithoutModifier().DisplayName}",
                hint: "You will need to rewrite or cast the expression.") { Position = position };
        return result;
    }

    /// <summary>Requires a boolean (WHERE, HAVING, ON, CHECK …): 42804 otherwise.</summary>
    public BoundExpr CoerceToBool(BoundExpr e, string clause, int position)
    {
        if (e.Type.Id == TypeId.Bool) return e;
        if (e.Type.Id == TypeId.Unknown)
            return TryCoerce(e, SqlType.Bool, CastContext.Implicit, position)!;
        throw new TenonException(SqlState.DatatypeMismatch,
            $"argument of {clause} must be type boolean, not type {e.Type.DisplayName}") { Position = position };
    }

    /// <summary>PostgreSQL's select_common_type for CASE/COALESCE/VALUES/UNION, coercing every input.</summary>
    public List<BoundExpr> UnifyTypes(IReadOnlyList<BoundExpr> exprs, string construct, IReadOnlyList<int> positions, out SqlType type)
    {
        var common = Operators.CommonType(exprs.Select(e => e.Type).ToList(), out var error);
        if (common is null)
        {
            // Find the first pair that does not match, as PostgreSQL reports it.
            var first = exprs[0].Type;
            var firstIndex = 0;
            for (var i = 0; i < exprs.Count; i++)
                if (exprs[i].Type.Id != TypeId.Unknown) { first = exprs[i].Type; firstIndex = i; break; }
            for (var i = firstIndex + 1; i < exprs.Count; i++)
            {
                var t = exprs[i].Type;
                if (t.Id == TypeId.Unknown) continue;
                if (Operators.CommonType(new[] { first, t }, out _) is null)
                    throw new TenonException(SqlState.DatatypeMismatch,
                        $"{construct} types {first.DisplayName} and {t.DisplayName} cannot be matched") { Position = positions[i] };
            }
            throw new TenonException(SqlState.DatatypeMismatch, error ?? $"{construct} types cannot be matched");
        }
        type = common;
        var result = new List<BoundExpr>();
        for (var i = 0; i < exprs.Count; i++)
        {
            var coerced = TryCoerce(exprs[i], common, CastContext.Implicit, positions[i]);
            if (coerced is null)
                throw new TenonException(SqlState.DatatypeMismatch,
                    $"{construct} could not convert type {exprs[i].Type.DisplayName} to {common.DisplayName}") { Position = positions[i] };
            result.Add(coerced);
        }
        return result;
    }

    // ---- Types -----------------------------------------------------------------------------

    /// <summary>
    /// Resolves a parsed type name; serial types resolve to their integer type (callers handle the
    /// sequence). Built-in names come first (pg_catalog is searched before public), then the
    /// enum types and domains of <paramref name="catalog"/> (none without one).
    /// </summary>
    public static SqlType ResolveType(Sql.Ast.TypeName t, SystemCatalog? catalog = null, string? tempSchema = null)
    {
        if (t.Resolved is { } known) return known;
        if (t.IsArray)
        {
            // Arrays of user types: only of composite types so far (an enum or domain array is still refused).
            var elementName = t with { IsArray = false };
            if (catalog?.LookupType(t.Schema, t.Name, tempSchema) is CompositeTypeDef or DomainDef { BaseType.BaseType.Composite: not null } && t.Schema != "pg_catalog")
                return SqlType.ArrayOf(ResolveType(elementName, catalog, tempSchema));
            if (t.Schema != "pg_catalog" && catalog?.LookupArrayOwner(t.Schema, t.Name) is { } owner)
                return SqlType.ArrayOf(SystemCatalog.SqlTypeOf(owner));
            return ArrayTypeOf(ResolveType(elementName), t.Position);
        }
        // The array type of a composite type or row type by its pg_type name (_t).
        if (t.Name.StartsWith('_') && t.Schema != "pg_catalog" && catalog?.LookupType(t.Schema, t.Name, tempSchema) is null
            && catalog?.LookupArrayOwner(t.Schema == SystemCatalog.TempSchema ? tempSchema : t.Schema, t.Name) is { } arrayOwner)
        {
            if (t.Modifiers.Count > 0)
                throw new TenonException(SqlState.SyntaxError, $"type modifier is not allowed for type \"{t.Name}\"") { Position = t.Position };
            return SqlType.ArrayOf(SystemCatalog.SqlTypeOf(arrayOwner));
        }
        // _int4, _text …: pg_type's names of the array types.
        if (t.Name.Length > 1 && t.Name[0] == '_' && t.Schema is null or "pg_catalog" && !IsSerial(t with { Name = t.Name[1..] })
            && TryResolveElementName(t with { Name = t.Name[1..] }) is { } element)
            return ArrayTypeOf(element, t.Position);
        var mods = t.Modifiers;
        SqlType Simple(SqlType s)
        {
            if (mods.Count > 0)
                throw new TenonException(SqlState.SyntaxError, $"type modifier is not allowed for type \"{s.InternalName}\"") { Position = t.Position };
            return s;
        }
        switch (t.Name)
        {
            case "int2": case "smallserial": case "serial2": return Simple(SqlType.Int2);
            case "int4": case "serial": case "serial4": return Simple(SqlType.Int4);
            case "int8": case "bigserial": case "serial8": return Simple(SqlType.Int8);
            case "float4": return Simple(SqlType.Float4);
            case "float8": return Simple(SqlType.Float8);
            case "bool": return Simple(SqlType.Bool);
            case "text": return Simple(SqlType.Text);
            case "uuid": return Simple(SqlType.Uuid);
            case "inet": return Simple(SqlType.Inet);
            case "cidr": return Simple(SqlType.Cidr);
            case "date": return Simple(SqlType.Date);
            case "bytea": return Simple(SqlType.Bytea);
            case "interval": return SqlType.Interval;
            case "name": return Simple(SqlType.Name);
            case "oid": return Simple(SqlType.Oid);
            case "xid": return Simple(SqlType.Xid);
            case "tsvector": return Simple(SqlType.TsVector);
            case "point": return Simple(SqlType.Point);
            case "lseg": return Simple(SqlType.Lseg);
            case "path": return Simple(SqlType.Path);
            case "box": return Simple(SqlType.Box);
            case "polygon": return Simple(SqlType.Polygon);
            case "line": return Simple(SqlType.Line);
            case "circle": return Simple(SqlType.Circle);
            case "tsquery": return Simple(SqlType.TsQuery);
            case "json" when t.Schema is null or "pg_catalog": return Simple(SqlType.Json);
            case "jsonb" when t.Schema is null or "pg_catalog": return Simple(SqlType.Jsonb);
            case "regconfig": return Simple(SqlType.RegConfig);
            case "regclass": return Simple(SqlType.RegClass);
            case "regtype": return Simple(SqlType.RegType);
            case "regnamespace": return Simple(SqlType.RegNamespace);
            case "regrole": return Simple(SqlType.RegRole);
            case "regproc": return Simple(SqlType.RegProc);
            case "int2vector": return Simple(SqlType.Int2Vector);
            case "regprocedure": return Simple(SqlType.RegProcedure);
            case "unknown": return SqlType.Unknown;
            case "timestamp":
                return mods.Count == 0 ? SqlType.Timestamp : SqlType.TimestampOf(CheckPrecision(mods[0], "timestamp", t.Position));
            case "time":
                return mods.Count == 0 ? SqlType.Time : SqlType.TimeOf(CheckPrecision(mods[0], "time", t.Position));
            case "timestamptz":
                return mods.Count == 0 ? SqlType.Timestamptz : SqlType.TimestamptzOf(CheckPrecision(mods[0], "timestamp with time zone", t.Position));
            case "varchar":
                if (mods.Count == 0) return SqlType.Varchar;
                CheckLength(mods[0], "varchar", t.Position);
                return SqlType.VarcharOf(mods[0]);
            case "bpchar":
                // The name bpchar without a length is unrestricted; CHAR/CHARACTER in a column
                // definition mean char(1), which the parser has already made explicit.
                if (mods.Count == 0) return SqlType.Bpchar;
                CheckLength(mods[0], "char", t.Position);
                return SqlType.BpcharOf(mods[0]);
            case "numeric":
                if (mods.Count == 0) return SqlType.Numeric;
                var p = mods[0];
                var s = mods.Count > 1 ? mods[1] : 0;
                if (p < 1 || p > 1000)
                    throw new TenonException(SqlState.InvalidParameterValue, $"NUMERIC precision {p} must be between 1 and 1000") { Position = t.Position };
                if (s < -1000 || s > 1000)
                    throw new TenonException(SqlState.InvalidParameterValue, $"NUMERIC scale {s} must be between -1000 and 1000") { Position = t.Position };
                return SqlType.NumericOf(p, s);
        }
        if (catalog?.LookupType(t.Schema, t.Name, tempSchema) is { } user && t.Schema != "pg_catalog")
        {
            if (mods.Count > 0)
                throw new TenonException(SqlState.SyntaxError, $"type modifier is not allowed for type \"{user.Name}\"") { Position = t.Position };
            return SystemCatalog.SqlTypeOf(user);
        }
        if (t.Schema is null or "pg_catalog" && UnsupportedBuiltInTypes.Contains(t.Name))
            throw new TenonException(SqlState.FeatureNotSupported, $"type \"{t.Name}\" is not supported by Tenon yet") { Position = t.Position };
        throw new TenonException(SqlState.UndefinedObject, $"type \"{(t.Schema is null ? t.Name : t.Schema + "." + t.Name)}\" does not exist") { Position = t.Position };
    }

    /// <summary>
    /// PostgreSQL 15's built-in data types that Tenon does not have yet: a schema using one fails
    /// with feature_not_supported naming the type, not with "does not exist" (which would send its
    /// author looking for a typo).
    /// </summary>
    private static readonly HashSet<string> UnsupportedBuiltInTypes =
    [
        "jsonpath", "xml", "timetz", "bit", "varbit", "money",
        "macaddr", "macaddr8",
        "regdictionary", "regoper", "regoperator", "regcollation", "regrole",
        "tid", "cid", "xid8", "oidvector", "pg_lsn", "refcursor", "txid_snapshot", "pg_snapshot", "aclitem",
        "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
        "int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
    ];

    private static SqlType? TryResolveElementName(Sql.Ast.TypeName t)
    {
        try
        {
            return ResolveType(t);
        }
        catch (TenonException)
        {
            return null;
        }
    }

    private static SqlType ArrayTypeOf(SqlType element, int position)
    {
        if (ArrayTypes.ArrayOid(element.TypeOid) == 0 && !element.IsArray)
            throw new TenonException(SqlState.UndefinedObject, $"type \"{element.InternalName}[]\" does not exist") { Position = position };
        return SqlType.ArrayOf(element);
    }

    private static int CheckPrecision(int p, string name, int position)
    {
        if (p < 0)
            throw new TenonException(SqlState.InvalidParameterValue, $"{name.ToUpperInvariant()}({p}) precision must not be negative") { Position = position };
        return Math.Min(p, 6);
    }

    private static void CheckLength(int n, string name, int position)
    {
        if (n < 1)
            throw new TenonException(SqlState.InvalidParameterValue, $"length for type {name} must be at least 1") { Position = position };
        if (n > 10485760)
            throw new TenonException(SqlState.InvalidParameterValue, $"length for type {name} cannot exceed 10485760") { Position = position };
    }

    public static bool IsSerial(Sql.Ast.TypeName t) =>
        t.Name is "serial" or "serial4" or "bigserial" or "serial8" or "smallserial" or "serial2";
}
