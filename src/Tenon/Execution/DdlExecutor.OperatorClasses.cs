using Tenon.Catalog;
using Tenon.Catalog.PgCatalog;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE / DROP OPERATOR CLASS and OPERATOR FAMILY for the btree and hash access methods, with
/// PostgreSQL's checks of strategy and support numbers and of the support functions' signatures
/// (opclasscmds.c). A class without FAMILY joins the family of its own name, made when missing,
/// which DROP OPERATOR CLASS leaves behind as PostgreSQL does; DROP OPERATOR FAMILY takes its
/// classes along. Partition keys name classes by oid, so DROP … RESTRICT refuses while a
/// partitioned table uses one and CASCADE drops the table.
/// </summary>
public sealed partial class DdlExecutor
{
    private static int MaxStrategy(string method) => method == "hash" ? 1 : 5;
    private static int MaxSupport(string method) => method == "hash" ? 3 : 5;

    private static void RequireIndexMethod(string method)
    {
        if (method is "btree" or "hash") return;
        if (method is "gist" or "gin" or "spgist" or "brin")
            throw new TenonException(SqlState.FeatureNotSupported, $"operator classes for access method \"{method}\" are not supported by Tenon yet");
        throw new TenonException(SqlState.UndefinedObject, $"access method \"{method}\" does not exist");
    }

    public StatementResult CreateOpFamily(CreateOpFamilyStatement stmt)
    {
        RequireIndexMethod(stmt.Method);
        var schema = CreationSchema(stmt.Name, temporary: false);
        if (Catalog.Routines.OpFamilies.Values.Any(f => f.Schema == schema && f.Name == stmt.Name.Name && f.Method == stmt.Method))
            throw new TenonException(SqlState.DuplicateObject, $"operator family \"{stmt.Name.Name}\" for access method \"{stmt.Method}\" already exists");
        Catalog = Catalog.PutOpFamily(new OpFamilyDef(stmt.Name.Name, Db.NextOid(), schema, stmt.Method));
        return new StatementResult("CREATE OPERATOR FAMILY");
    }

    public StatementResult CreateOpClass(CreateOpClassStatement stmt)
    {
        RequireIndexMethod(stmt.Method);
        var schema = CreationSchema(stmt.Name, temporary: false);
        var type = RoutineTypes.Resolve(stmt.ForType with { Position = 0 }, Catalog, Path).Type;
        OpFamilyDef? family = null;
        if (stmt.Family is { } familyName)
            family = FindOpFamily(familyName, stmt.Method)
                ?? throw new TenonException(SqlState.UndefinedObject, $"operator family \"{familyName}\" does not exist for access method \"{stmt.Method}\"");
        if (Catalog.Routines.OpClasses.Values.Any(c => c.Schema == schema && c.Name == stmt.Name.Name && c.Method == stmt.Method))
            throw new TenonException(SqlState.DuplicateObject, $"operator class \"{stmt.Name.Name}\" for access method \"{stmt.Method}\" already exists");

        var operators = new List<OpClassOperator>();
        var functions = new List<OpClassFunction>();
        foreach (var item in stmt.Items)
        {
            if (item.Storage is not null)
                throw new TenonException(SqlState.InvalidObjectDefinition, $"storage type cannot be different from data type for access method \"{stmt.Method}\"");
            if (item.Operator is { } op)
            {
                if (item.Number < 1 || item.Number > MaxStrategy(stmt.Method))
                    throw new TenonException(SqlState.InvalidParameterValue, $"invalid operator number {item.Number}, must be between 1 and {MaxStrategy(stmt.Method)}");
                var (left, right) = item.Types is { } ts
                    ? (RoutineTypes.Resolve(ts[0], Catalog, Path).Type, RoutineTypes.Resolve(ts[1], Catalog, Path).Type)
                    : (type, type);
                var name = op.Contains('.') ? op[(op.LastIndexOf('.') + 1)..] : op;
                var resolved = Operators.ResolveBinary(name, left, right);
                if (resolved is null || resolved.LeftType.Id != left.Id || resolved.RightType.Id != right.Id)
                    throw new TenonException(SqlState.UndefinedFunction, $"operator does not exist: {left.DisplayName} {name} {right.DisplayName}");
                if (resolved.ResultType.Id != TypeId.Bool)
                    throw new TenonException(SqlState.InvalidObjectDefinition, "index search operators must return boolean");
                if (operators.Any(o => o.Strategy == item.Number && o.Left == left && o.Right == right))
                    throw new TenonException(SqlState.InvalidObjectDefinition, $"operator number {item.Number} for ({left.DisplayName},{right.DisplayName}) appears more than once");
                operators.Add(new OpClassOperator(item.Number, name, left, right));
                continue;
            }
            var max = MaxSupport(stmt.Method);
            if (item.Number < 1 || item.Number > max)
                throw new TenonException(SqlState.InvalidParameterValue, $"invalid function number {item.Number}, must be between 1 and {max}");
            var f = FindRoutine(item.Function!, "function", ifExists: false)!;
            var (l, r) = CheckSupportFunction(stmt.Method, item.Number, f, type);
            if (functions.Any(x => x.Number == item.Number && x.Left == l && x.Right == r))
                throw new TenonException(SqlState.InvalidObjectDefinition, $"function number {item.Number} for ({l.DisplayName},{r.DisplayName}) appears more than once");
            functions.Add(new OpClassFunction(item.Number, f.Oid, l, r));
        }
        if (stmt.IsDefault)
        {
            var existing = Catalog.Routines.OpClasses.Values.FirstOrDefault(c => c.IsDefault && c.Method == stmt.Method && c.InputType == type)?.Name
                ?? BuiltinDefaultOpClassOf(type);
            if (existing is not null)
                throw new TenonException(SqlState.DuplicateObject, $"could not make operator class \"{stmt.Name.Name}\" be default for type {(stmt.ForType.Schema is { } ts ? ts + "." : "") + stmt.ForType.Name}",
                    $"Operator class \"{existing}\" already is the default.");
        }
        if (family is null)
        {
            // Without FAMILY the class joins the family of its own name, made when there is none.
            family = Catalog.Routines.OpFamilies.Values.FirstOrDefault(x => x.Schema == schema && x.Name == stmt.Name.Name && x.Method == stmt.Method);
            if (family is null)
            {
                family = new OpFamilyDef(stmt.Name.Name, Db.NextOid(), schema, stmt.Method);
                Catalog = Catalog.PutOpFamily(family);
            }
        }
        Catalog = Catalog.PutOpClass(new OpClassDef(stmt.Name.Name, Db.NextOid(), schema, stmt.Method, family.Oid, type, stmt.IsDefault)
        {
            Operators = operators,
            Functions = functions,
        });
        return new StatementResult("CREATE OPERATOR CLASS");
    }

    /// <summary>PostgreSQL's checks of a support function's signature (assignProcTypes); returns the operand types it is registered for.</summary>
    private static (SqlType Left, SqlType Right) CheckSupportFunction(string method, int number, RoutineDef f, SqlType type)
    {
        var args = f.InputTypes;
        if (number == MaxSupport(method))
            throw new TenonException(SqlState.InvalidObjectDefinition, "invalid operator class options parsing function",
                hint: "Valid signature of operator class options parsing function is (internal) RETURNS void.");
        if (method == "btree")
        {
            if (number == 1)
            {
                if (args.Count != 2) throw new TenonException(SqlState.InvalidObjectDefinition, "btree comparison functions must have two arguments");
                if (f.ReturnType.Id != TypeId.Int4) throw new TenonException(SqlState.InvalidObjectDefinition, "btree comparison functions must return integer");
                return (args[0], args[1]);
            }
            if (number == 2)
                throw new TenonException(SqlState.InvalidObjectDefinition, "btree sort support functions must accept type \"internal\"");
            if (number == 3)
            {
                if (args.Count != 5) throw new TenonException(SqlState.InvalidObjectDefinition, "btree in_range functions must have five arguments");
                if (f.ReturnType.Id != TypeId.Bool) throw new TenonException(SqlState.InvalidObjectDefinition, "btree in_range functions must return boolean");
                return (args[0], args[2]);
            }
            if (args.Count != 1) throw new TenonException(SqlState.InvalidObjectDefinition, "btree equal image functions must have one argument");
            if (f.ReturnType.Id != TypeId.Bool) throw new TenonException(SqlState.InvalidObjectDefinition, "btree equal image functions must return boolean");
            return (type, type);
        }
        if (number == 1)
        {
            if (args.Count != 1) throw new TenonException(SqlState.InvalidObjectDefinition, "hash function 1 must have one argument");
            if (f.ReturnType.Id != TypeId.Int4) throw new TenonException(SqlState.InvalidObjectDefinition, "hash function 1 must return integer");
        }
        else
        {
            if (args.Count != 2) throw new TenonException(SqlState.InvalidObjectDefinition, "hash function 2 must have two arguments");
            if (f.ReturnType.Id != TypeId.Int8) throw new TenonException(SqlState.InvalidObjectDefinition, "hash function 2 must return bigint");
        }
        return (args[0], args[0]);
    }

    /// <summary>The built-in default operator class of a type for btree or hash (what a second DEFAULT collides with, what an index key without one has), or null.</summary>
    internal static string? BuiltinDefaultOpClassOf(SqlType type)
    {
        if (type.IsArray) return "array_ops";
        return type.Id switch
        {
            TypeId.Bool => "bool_ops",
            TypeId.Int2 => "int2_ops",
            TypeId.Int4 => "int4_ops",
            TypeId.Int8 => "int8_ops",
            TypeId.Numeric => "numeric_ops",
            TypeId.Float4 => "float4_ops",
            TypeId.Float8 => "float8_ops",
            TypeId.Text or TypeId.Varchar => "text_ops",
            TypeId.Bpchar => "bpchar_ops",
            TypeId.Name => "name_ops",
            TypeId.Uuid => "uuid_ops",
            TypeId.Date => "date_ops",
            TypeId.Timestamp => "timestamp_ops",
            TypeId.Timestamptz => "timestamptz_ops",
            TypeId.Interval => "interval_ops",
            TypeId.Time => "time_ops",
            TypeId.Bytea => "bytea_ops",
            TypeId.Oid => "oid_ops",
            _ => null,
        };
    }

    public StatementResult DropOpClass(DropOpClassStatement stmt)
    {
        var noun = stmt.IsFamily ? "operator family" : "operator class";
        var tag = stmt.IsFamily ? "DROP OPERATOR FAMILY" : "DROP OPERATOR CLASS";
        RequireIndexMethod(stmt.Method);
        if (stmt.Name.Schema is { } written && !Catalog.Schemas.Contains(Path.Qualifier(written)))
        {
            if (!stmt.IfExists) throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{written}\" does not exist");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"schema \"{written}\" does not exist, skipping"));
            return new StatementResult(tag);
        }
        List<OpClassDef> classes;
        string what;
        uint familyOid = 0;
        if (stmt.IsFamily)
        {
            var family = FindOpFamily(stmt.Name, stmt.Method);
            if (family is null) return MissingOpClass(stmt, noun, tag);
            familyOid = family.Oid;
            classes = Catalog.Routines.OpClasses.Values.Where(c => c.FamilyOid == family.Oid).OrderBy(c => c.Oid).ToList();
            what = $"operator family {family.Name} for access method {family.Method}";
        }
        else
        {
            var found = FindOpClass(stmt.Name.Schema, stmt.Name.Name, stmt.Method);
            if (found is null) return MissingOpClass(stmt, noun, tag);
            classes = [found];
            what = $"operator class {found.Name} for access method {found.Method}";
        }
        var classOids = classes.Select(c => c.Oid).ToHashSet();
        var users = Catalog.Tables.Values.Where(t => t.PartitionKey is { } k && k.OpClasses.Any(classOids.Contains)).OrderBy(t => t.Oid).ToList();
        if (users.Count > 0)
        {
            var lines = users.Select(t => $"table {t.Name}").ToList();
            if (!stmt.Cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                    string.Join("\n", lines.Select(l => $"{l} depends on {what}")), "Use DROP ... CASCADE to drop the dependent objects too.");
            ReportCascade(lines);
            foreach (var t in users)
                if (Catalog.Tables.ContainsKey(t.Oid))
                    DropTable(t.Oid, cascade: true, PartitionBound.Tree(Catalog, t).Select(x => x.Oid).ToHashSet(), quiet: true);
        }
        foreach (var c in classes) Catalog = Catalog.RemoveOpClass(c.Oid);
        if (familyOid != 0) Catalog = Catalog.RemoveOpFamily(familyOid);
        return new StatementResult(tag);
    }

    private StatementResult MissingOpClass(DropOpClassStatement stmt, string noun, string tag)
    {
        var text = $"{noun} \"{stmt.Name}\" does not exist for access method \"{stmt.Method}\"";
        if (!stmt.IfExists) throw new TenonException(SqlState.UndefinedObject, text);
        ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", text + ", skipping"));
        return new StatementResult(tag);
    }

    private OpFamilyDef? FindOpFamily(QualifiedName name, string method)
    {
        var schemas = name.Schema is { } s ? [Path.Qualifier(s)] : Path.Effective(Catalog).ToList();
        foreach (var schema in schemas)
            if (Catalog.Routines.OpFamilies.Values.FirstOrDefault(f => f.Schema == schema && f.Name == name.Name && f.Method == method) is { } found)
                return found;
        return null;
    }

    /// <summary>A user-defined operator class of an access method by (optionally qualified) name, along the search path; null when there is none.</summary>
    internal OpClassDef? FindOpClass(string? schema, string name, string method)
    {
        if (Catalog.Routines.OpClasses.IsEmpty) return null;
        var schemas = schema is { } s ? [Path.Qualifier(s)] : Path.Effective(Catalog).ToList();
        foreach (var sc in schemas)
            if (Catalog.Routines.OpClasses.Values.FirstOrDefault(c => c.Schema == sc && c.Name == name && c.Method == method) is { } found)
                return found;
        return null;
    }
}
