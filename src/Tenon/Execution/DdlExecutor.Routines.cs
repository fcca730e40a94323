using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Execution.Routines;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>CREATE/DROP/ALTER FUNCTION and PROCEDURE, CREATE/DROP TRIGGER, ALTER TABLE … ENABLE/DISABLE TRIGGER.</summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateFunction(CreateFunctionStatement stmt)
    {
        var what = stmt.IsProcedure ? "procedure" : "function";
        var schema = CreationSchema(stmt.Name, temporary: false);
        var parameters = new List<RoutineParamDef>();
        foreach (var p in stmt.Parameters.Concat(stmt.TableColumns ?? []))
        {
            var r = RoutineTypes.Resolve(p.Type, Catalog, Path);
            if (r.IsTrigger)
                throw new TenonException(SqlState.InvalidFunctionDefinition, "PL/pgSQL functions cannot accept type trigger");
            parameters.Add(new RoutineParamDef(p.Name, r.Type, p.Mode, p.Default));
        }
        if (stmt.IsProcedure && parameters.Any(p => p.Mode == 'o'))
            throw new TenonException(SqlState.InvalidFunctionDefinition, "procedures cannot have OUT arguments", hint: "INOUT arguments are permitted.");
        var outputs = parameters.Where(p => p.IsOutput).ToList();
        SqlType returnType;
        var isTrigger = false;
        uint relation = 0;
        string returnName;
        IReadOnlyList<(string, SqlType)>? columns = null;
        if (stmt.ReturnType is { } rt)
        {
            var r = RoutineTypes.Resolve(rt, Catalog, Path);
            (returnType, isTrigger, relation, columns, returnName) = (r.Type, r.IsTrigger, r.Relation, r.Columns, r.Name);
            if (outputs.Count > 1 && returnType.Id != TypeId.Record)
                throw new TenonException(SqlState.InvalidFunctionDefinition, "function result type must be record because of OUT parameters");
            if (outputs.Count == 1 && returnType != outputs[0].Type && relation == 0)
                throw new TenonException(SqlState.InvalidFunctionDefinition, $"function result type must be {outputs[0].Type.DisplayName} because of OUT parameters");
        }
        else if (stmt.IsProcedure)
        {
            returnType = outputs.Count > 0 ? SqlType.Record : SqlType.Void;
            returnName = outputs.Count > 0 ? "record" : "void";
        }
        else if (outputs.Count == 0)
            throw new TenonException(SqlState.InvalidFunctionDefinition, "function result type must be specified");
        else
        {
            returnType = outputs.Count == 1 ? outputs[0].Type : SqlType.Record;
            returnName = returnType.DisplayName;
        }
        if (outputs.Count > 1 || outputs.Count == 1 && stmt.TableColumns is not null && false)
            columns = outputs.Select(o => (o.Name ?? "column" + (outputs.IndexOf(o) + 1), o.Type)).ToList();
        if (outputs.Count == 1 && columns is null) returnName = outputs[0].Type.DisplayName;

        var language = stmt.Language ?? throw new TenonException(SqlState.InvalidFunctionDefinition, "no language specified");
        if (language is not ("sql" or "plpgsql"))
            throw new TenonException(SqlState.UndefinedObject, $"language \"{language}\" does not exist",
                hint: language is "plperl" or "plpython3u" or "pltcl" ? $"Use CREATE EXTENSION to load the language into the database." : null);
        if (isTrigger && language == "sql")
            throw new TenonException(SqlState.InvalidFunctionDefinition, "SQL functions cannot return type trigger");
        var body = stmt.Body ?? throw new TenonException(SqlState.InvalidFunctionDefinition, "no function body specified");

        var def = new RoutineDef(stmt.Name.Name, 0, schema, parameters, returnType, language, body)
        {
            Kind = stmt.IsProcedure ? 'p' : 'f',
            ReturnsSet = stmt.ReturnsSet,
            Volatility = stmt.Volatility,
            Strict = stmt.Strict,
            SecurityDefiner = stmt.SecurityDefiner,
            IsTrigger = isTrigger,
            ReturnRelation = relation,
            ReturnTypeName = returnName,
            ResultColumns = columns,
        };
        // Syntax errors in the body are reported now, as PostgreSQL's validators do, at their place in the statement.
        try
        {
            RoutineRuntime.Validate(def, ctx);
        }
        catch (TenonException ex) when (ex.SqlState == SqlState.SyntaxError && ex.Position > 0)
        {
            ex.Position = stmt.BodyPosition > 0 ? stmt.BodyPosition + ex.Position - 1 : 0;
            throw;
        }

        var existing = Catalog.Functions.Values.FirstOrDefault(f => f.Schema == schema && f.Name == def.Name && f.InputTypes.SequenceEqual(def.InputTypes));
        if (existing is not null)
        {
            if (!stmt.OrReplace)
                throw new TenonException(SqlState.DuplicateFunction, $"{what} \"{def.Name}\" already exists with same argument types");
            if (existing.Kind != def.Kind)
                throw new TenonException(SqlState.WrongObjectType, $"cannot change routine kind",
                    detail: existing.Kind switch
                    {
                        'p' => $"\"{def.Name}\" is a procedure.",
                        'a' => $"\"{def.Name}\" is an aggregate function.",
                        _ => $"\"{def.Name}\" is a function.",
                    });
            if (existing.ReturnType != def.ReturnType || existing.ReturnsSet != def.ReturnsSet || existing.IsTrigger != def.IsTrigger
                || existing.ReturnRelation != def.ReturnRelation)
                throw new TenonException(SqlState.InvalidFunctionDefinition, "cannot change return type of existing function",
                    hint: $"Use DROP {what.ToUpperInvariant()} {RoutineRuntime.Signature(existing).Replace(", ", ",")} first.");
            if (existing.ResultColumns is { } oldCols && def.ResultColumns is { } newCols && !oldCols.Select(c => c.Name).SequenceEqual(newCols.Select(c => c.Name)))
                throw new TenonException(SqlState.InvalidFunctionDefinition, "cannot change return type of existing function",
                    detail: "Row type defined by OUT parameters is different.", hint: $"Use DROP {what.ToUpperInvariant()} {RoutineRuntime.Signature(existing).Replace(", ", ",")} first.");
            Catalog = Catalog.PutFunction(def with { Oid = existing.Oid });
        }
        else Catalog = Catalog.PutFunction(def with { Oid = Db.NextOid() });
        return new StatementResult(stmt.IsProcedure ? "CREATE PROCEDURE" : "CREATE FUNCTION");
    }

    public StatementResult DropRoutine(DropRoutineStatement stmt)
    {
        var tag = "DROP " + stmt.Kind.ToUpperInvariant();
        var toDrop = new List<RoutineDef>();
        foreach (var sig in stmt.Routines)
        {
            var found = FindRoutine(sig, stmt.Kind, stmt.IfExists, dropping: true);
            if (found is not null && !toDrop.Contains(found)) toDrop.Add(found);
        }
        foreach (var f in toDrop)
        {
            var dependents = Catalog.Routines.Triggers.Values.Where(t => t.FunctionOid == f.Oid && Catalog.Tables.ContainsKey(t.TableOid) | Catalog.Views.ContainsKey(t.TableOid))
                .OrderBy(t => t.Oid).ToList();
            // Outside the search path a function is named with its schema.
            var what = $"{KindWord(f)} {(Path.Effective(Catalog).Contains(f.Schema) ? "" : f.Schema + ".")}{RoutineRuntime.Signature(f).Replace(", ", ",")}";
            // Aggregates whose state or final function this is, each followed by the views calling it.
            var aggregates = Catalog.Functions.Values.Where(a => a.Aggregate is { } ad && (ad.Transition.Oid == f.Oid || ad.Final?.Oid == f.Oid))
                .OrderBy(a => a.Oid).ToList();
            var lines = dependents.Select(t => ($"trigger {t.Name} on {RelationWord(t.TableOid)} {Catalog.RelationName(t.TableOid)}", what)).ToList();
            var defaults = DefaultDependencies.OnRoutine(ctx, f.Oid);
            lines.AddRange(defaults.Select(d => (d.Description, what)));
            var views = new List<uint>();
            foreach (var a in aggregates)
            {
                // Outside the search path a function is named with its schema.
                var qualifier = Path.Effective(Catalog).Contains(a.Schema) ? "" : a.Schema + ".";
                var aggregate = $"function {qualifier}{RoutineRuntime.Signature(a).Replace(", ", ",")}";
                lines.Add((aggregate, what));
                AddViewsCalling(a.Oid, aggregate, lines, views);
            }
            AddViewsCalling(f.Oid, what, lines, views);
            if (lines.Count > 0)
            {
                if (!stmt.Cascade)
                    throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop {what} because other objects depend on it",
                        detail: string.Join("\n", lines.Select(l => $"{l.Item1} depends on {l.Item2}")),
                        hint: "Use DROP ... CASCADE to drop the dependent objects too.");
                ctx.Session.RaiseNotice(lines.Count == 1
                    ? new Notice("NOTICE", "00000", "drop cascades to " + lines[0].Item1)
                    : new Notice("NOTICE", "00000", $"drop cascades to {lines.Count} other objects", Detail: string.Join("\n", lines.Select(l => "drop cascades to " + l.Item1))));
                foreach (var v in views.OrderDescending()) RemoveStoredQueryRelation(v);
                foreach (var t in dependents) Catalog = Catalog.RemoveTrigger(t.Oid);
                foreach (var d in defaults) DropColumnDefault(d.Table.Oid, d.Column.Number);
                foreach (var a in aggregates) Catalog = Catalog.RemoveFunction(a.Oid);
            }
            Catalog = Catalog.RemoveFunction(f.Oid);
        }
        return new StatementResult(tag);
    }

    /// <summary>Views calling the function <paramref name="oid"/> (<paramref name="what"/>), and the views reading those, for DROP's DETAIL or CASCADE.</summary>
    private void AddViewsCalling(uint oid, string what, List<(string, string)> lines, List<uint> views)
    {
        foreach (var v in Catalog.StoredQueries.Where(v => v.DependsOnFunctions.Contains(oid)).OrderBy(v => v.Oid))
        {
            if (views.Contains(v.Oid)) continue;
            views.Add(v.Oid);
            lines.Add(($"{RelationNoun(v.Oid)} {Describe(v.Oid)}", what));
            foreach (var (view, on) in DependentViews([v.Oid]).Where(d => !views.Contains(d.View)))
            {
                views.Add(view);
                lines.Add(($"{RelationNoun(view)} {Describe(view)}", on));
            }
        }
    }

    private string RelationWord(uint oid) => Catalog.Views.ContainsKey(oid) ? "view" : "table";

    private static string KindWord(RoutineDef f) => f.Kind == 'p' ? "procedure" : "function";

    /// <summary>How a signature reads in "… does not exist": an aggregate of no arguments is name(*).</summary>
    private static string ArgumentList(string kind, IReadOnlyList<string> types) =>
        kind == "aggregate" && types.Count == 0 ? "*" : string.Join(", ", types);

    /// <summary>The routine a signature names (DROP, ALTER); null with a NOTICE when IF EXISTS finds none.</summary>
    private RoutineDef? FindRoutine(RoutineSignature sig, string kind, bool ifExists, bool dropping = false)
    {
        var schemas = sig.Name.Schema is { } s ? new List<string> { Path.Qualifier(s) } : Path.Effective(Catalog).ToList();
        if (sig.Name.Schema is { } written && !Catalog.Schemas.Contains(Path.Qualifier(written)))
        {
            if (ifExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"schema \"{written}\" does not exist, skipping"));
                return null;
            }
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{written}\" does not exist");
        }
        var candidates = Catalog.FunctionsNamed(sig.Name.Name, schemas);
        var word = kind == "routine" ? "function" : kind;
        if (sig.ArgTypes is null)
        {
            if (candidates.Count == 1) return CheckKind(candidates[0], kind, dropping);
            if (candidates.Count > 1)
                throw new TenonException(SqlState.AmbiguousFunction, $"{word} name \"{sig.Name}\" is not unique",
                    hint: $"Specify the argument list to select the {word} unambiguously.");
            if (ifExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"{word} {sig.Name}() does not exist, skipping"));
                return null;
            }
            throw new TenonException(SqlState.UndefinedFunction, $"could not find a {word} named \"{sig.Name}\"");
        }
        var types = sig.ArgTypes.Select(t => RoutineTypes.Resolve(t, Catalog, Path).Type).ToList();
        var match = candidates.FirstOrDefault(f => f.InputTypes.SequenceEqual(types));
        if (match is not null) return CheckKind(match, kind, dropping);
        var text = $"{sig.Name}({ArgumentList(kind, types.Select(t => t.DisplayName).ToList())})";
        if (ifExists)
        {
            // The notice names the types as the grammar produced them (pg_catalog.int4 for int).
            var asWritten = $"{sig.Name}({string.Join(",", sig.ArgTypes.Select(WrittenTypeName))})";
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"{word} {asWritten} does not exist, skipping"));
            return null;
        }
        throw new TenonException(SqlState.UndefinedFunction, $"{word} {text} does not exist");
    }

    private static string WrittenTypeName(TypeName t)
    {
        var name = t.Name is "int2" or "int4" or "int8" or "float4" or "float8" or "numeric" or "bool" or "varchar" or "bpchar"
            or "timestamp" or "timestamptz" or "time" or "timetz" or "interval" or "bit" or "varbit" && t.Schema is null
            ? "pg_catalog." + t.Name : t.Schema is null ? t.Name : t.Schema + "." + t.Name;
        return t.IsArray ? name + "[]" : name;
    }

    private static RoutineDef CheckKind(RoutineDef f, string kind, bool dropping)
    {
        if (kind == "aggregate" && f.Kind != 'a')
            throw new TenonException(SqlState.WrongObjectType, $"function {RoutineRuntime.Signature(f)} is not an aggregate");
        if (kind == "function" && f.Kind == 'a' && dropping)
            throw new TenonException(SqlState.WrongObjectType, $"\"{f.Name}\" is an aggregate function", hint: "Use DROP AGGREGATE to drop aggregate functions.");
        if (kind == "function" && f.Kind == 'p')
            throw new TenonException(SqlState.WrongObjectType, $"{RoutineRuntime.Signature(f)} is not a function");
        if (kind == "procedure" && f.Kind != 'p')
            throw new TenonException(SqlState.WrongObjectType, $"{RoutineRuntime.Signature(f)} is not a procedure");
        return f;
    }

    public StatementResult AlterRoutine(AlterRoutineStatement stmt)
    {
        var f = FindRoutine(stmt.Routine, stmt.Kind, ifExists: false)!;
        var key = new ObjectKey(ObjectKey.Routine, f.Oid);
        var noun = f.Kind == 'p' ? "procedure" : f.Aggregate is not null ? "aggregate" : "function";
        if (stmt.NewOwner is { } owner)
        {
            SetOwner(key, noun, f.Name, owner);
            return new StatementResult("ALTER " + stmt.Kind.ToUpperInvariant());
        }
        Privileges.RequireOwner(ctx, key, noun, f.Name);
        if (stmt.RenameTo is { } newName)
        {
            if (Catalog.Functions.Values.Any(o => o.Schema == f.Schema && o.Name == newName && o.InputTypes.SequenceEqual(f.InputTypes)))
                throw new TenonException(SqlState.DuplicateFunction, $"function {newName}({string.Join(", ", f.InputTypes.Select(t => t.DisplayName))}) already exists in schema \"{f.Schema}\"");
            Catalog = Catalog.PutFunction(f with { Name = newName });
        }
        if (stmt.SetSchema is { } written)
        {
            var schema = Path.Qualifier(written);
            if (!Catalog.Schemas.Contains(schema))
                throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{written}\" does not exist");
            if (schema != f.Schema && Catalog.Functions.Values.Any(o => o.Schema == schema && o.Name == f.Name && o.InputTypes.SequenceEqual(f.InputTypes)))
                throw new TenonException(SqlState.DuplicateFunction, $"function {RoutineRuntime.Signature(f)} already exists in schema \"{schema}\"");
            Catalog = Catalog.PutFunction(f with { Schema = schema });
        }
        return new StatementResult("ALTER " + stmt.Kind.ToUpperInvariant());
    }

    public StatementResult CreateTrigger(CreateTriggerStatement stmt)
    {
        var oid = Lookup(stmt.Table, stmt.Table.Position);
        var isView = Catalog.Views.ContainsKey(oid);
        if (oid == 0 || !Catalog.Tables.ContainsKey(oid) && !isView)
        {
            if (oid != 0) throw new TenonException(SqlState.WrongObjectType, $"relation \"{stmt.Table.Name}\" cannot have triggers");
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{stmt.Table}\" does not exist");
        }
        var relName = Catalog.RelationName(oid);
        if (stmt.Timing == 'I')
        {
            if (!isView)
                throw new TenonException(SqlState.WrongObjectType, $"\"{relName}\" is a table", detail: "Tables cannot have INSTEAD OF triggers.");
            if (!stmt.ForEachRow)
                throw new TenonException(SqlState.FeatureNotSupported, "INSTEAD OF triggers must be FOR EACH ROW");
            if (stmt.When is not null)
                throw new TenonException(SqlState.FeatureNotSupported, "INSTEAD OF triggers cannot have WHEN conditions");
            if (stmt.UpdateColumns is not null)
                throw new TenonException(SqlState.FeatureNotSupported, "INSTEAD OF triggers cannot have column lists");
        }
        else if (isView && stmt.ForEachRow)
            throw new TenonException(SqlState.WrongObjectType, $"\"{relName}\" is a view", detail: "Views cannot have row-level BEFORE or AFTER triggers.");
        else if (isView && stmt.Events.Contains("truncate"))
            throw new TenonException(SqlState.WrongObjectType, $"\"{relName}\" is a view", detail: "Views cannot have TRUNCATE triggers.");
        if (stmt.ForEachRow && stmt.Events.Contains("truncate"))
            throw new TenonException(SqlState.FeatureNotSupported, "TRUNCATE FOR EACH ROW triggers are not supported");
        if (stmt.HasTransitionTables)
            throw new TenonException(SqlState.FeatureNotSupported, "transition tables (REFERENCING) are not supported by Tenon yet");
        if (stmt.IsConstraint && (stmt.Timing != 'A' || !stmt.ForEachRow))
            throw new TenonException(SqlState.SyntaxError, "constraint triggers must be AFTER ROW");
        var schemas = stmt.Function.Schema is { } s ? new List<string> { Path.Qualifier(s) } : Path.Effective(Catalog).ToList();
        var fn = Catalog.FunctionsNamed(stmt.Function.Name, schemas).FirstOrDefault(f => f.InputTypes.Count == 0);
        // The one built-in trigger function Tenon has; it lives in pg_catalog, which every path searches.
        var functionOid = fn?.Oid ?? (stmt.Function.Name == TextSearch.TsVectorUpdateTrigger.Name && stmt.Function.Schema is null or "pg_catalog"
            ? TextSearch.TsVectorUpdateTrigger.FunctionOid
            : throw new TenonException(SqlState.UndefinedFunction, $"function {stmt.Function}() does not exist"));
        if (fn is { IsTrigger: false })
            throw new TenonException(SqlState.InvalidObjectDefinition, $"function {stmt.Function.Name} must return type trigger");
        if (stmt.UpdateColumns is { } cols && Catalog.Tables.TryGetValue(oid, out var tbl))
            foreach (var c in cols)
                if (tbl.FindColumn(c) is null)
                    throw new TenonException(SqlState.UndefinedColumn, $"column \"{c}\" of relation \"{relName}\" does not exist");
        if (stmt.When is not null)
        {
            if (!stmt.ForEachRow && ExprMentions(stmt.When, "new", "old"))
                throw new TenonException(SqlState.InvalidObjectDefinition, "statement trigger's WHEN condition cannot reference column values");
            if (stmt.Events.Contains("insert") && ExprMentions(stmt.When, "old"))
                throw new TenonException(SqlState.InvalidObjectDefinition, "INSERT trigger's WHEN condition cannot reference OLD values");
            if (stmt.Events.Contains("delete") && ExprMentions(stmt.When, "new"))
                throw new TenonException(SqlState.InvalidObjectDefinition, "DELETE trigger's WHEN condition cannot reference NEW values");
        }
        var existing = Catalog.TriggersOf(oid).FirstOrDefault(t => t.Name == stmt.Name);
        if (existing is not null && !stmt.OrReplace)
            throw new TenonException(SqlState.DuplicateObject, $"trigger \"{stmt.Name}\" for relation \"{relName}\" already exists");
        var def = new TriggerDef(stmt.Name, existing?.Oid ?? Db.NextOid(), oid, functionOid, stmt.Timing, stmt.Events, stmt.ForEachRow, stmt.Arguments)
        {
            UpdateColumns = stmt.UpdateColumns,
            When = stmt.When,
            WhenText = stmt.WhenText,
            IsConstraint = stmt.IsConstraint,
            Deferrable = stmt.Deferrable,
            InitiallyDeferred = stmt.InitiallyDeferred,
        };
        Catalog = Catalog.PutTrigger(def);
        CloneTriggerToPartitions(def);
        return new StatementResult("CREATE TRIGGER");
    }

    private static bool ExprMentions(Expr e, params string[] names) =>
        Sql.ExprSource.Print(e) is var text && names.Any(n => System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\w""]){n}\.", System.Text.RegularExpressions.RegexOptions.IgnoreCase));

    public StatementResult DropTrigger(DropTriggerStatement stmt)
    {
        var oid = Lookup(stmt.Table, stmt.Table.Position);
        if (oid == 0)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Table}\" does not exist, skipping"));
                return new StatementResult("DROP TRIGGER");
            }
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{stmt.Table}\" does not exist");
        }
        var t = Catalog.TriggersOf(oid).FirstOrDefault(x => x.Name == stmt.Name);
        if (t is null)
        {
            if (stmt.IfExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"trigger \"{stmt.Name}\" for relation \"{stmt.Table}\" does not exist, skipping"));
                return new StatementResult("DROP TRIGGER");
            }
            throw new TenonException(SqlState.UndefinedObject, $"trigger \"{stmt.Name}\" for table \"{Catalog.RelationName(oid)}\" does not exist");
        }
        if (t.ParentOid != 0 && Catalog.Routines.Triggers.ContainsKey(t.ParentOid)) throw ClonedTriggerRequired(t);
        foreach (var clone in TriggerClones(t)) Catalog = Catalog.RemoveTrigger(clone.Oid);
        Catalog = Catalog.RemoveTrigger(t.Oid);
        return new StatementResult("DROP TRIGGER");
    }

    /// <summary>ALTER TABLE … ENABLE/DISABLE TRIGGER {name | ALL | USER}.</summary>
    internal void SetTriggerEnabled(TableDef table, string? name, bool enable, bool userOnly)
    {
        var triggers = Catalog.TriggersOf(table.Oid);
        if (name is not null)
        {
            var t = triggers.FirstOrDefault(x => x.Name == name)
                ?? throw new TenonException(SqlState.UndefinedObject, $"trigger \"{name}\" for table \"{table.Name}\" does not exist");
            triggers = [t];
        }
        foreach (var t in triggers)
        {
            Catalog = Catalog.PutTrigger(t with { Enabled = enable ? 'O' : 'D' });
            // The clones on the partitions follow (PostgreSQL 15 recurses).
            foreach (var clone in TriggerClones(t)) Catalog = Catalog.PutTrigger(clone with { Enabled = enable ? 'O' : 'D' });
        }
        _ = userOnly;
    }
}
