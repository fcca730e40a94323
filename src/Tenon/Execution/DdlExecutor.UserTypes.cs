using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Constraints;
using Tenon.Sql.Ast;
using Tenon.Storage;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// CREATE TYPE … AS ENUM, CREATE DOMAIN, ALTER TYPE (enum labels, rename), ALTER DOMAIN, and
/// DROP TYPE/DOMAIN with its dependents (columns of that type, domains over it).
/// </summary>
public sealed partial class DdlExecutor
{
    public StatementResult CreateEnum(CreateEnumStatement stmt)
    {
        var (schema, name) = NewTypeName(stmt.Name);
        var oid = Db.NextOid();
        var labels = new List<PgEnumValue>();
        foreach (var label in stmt.Labels)
        {
            CheckEnumLabel(label);
            if (labels.Any(l => l.Label == label))
                throw new TenonException(SqlState.UniqueViolation, "duplicate key value violates unique constraint \"pg_enum_typid_label_index\"",
                    $"Key (enumtypid, enumlabel)=({oid}, {label}) already exists.");
            labels.Add(new PgEnumValue(oid, Db.NextOid(), labels.Count + 1, label));
        }
        Catalog = Catalog.PutUserType(new EnumTypeDef(oid, schema, name, labels));
        return new StatementResult("CREATE TYPE");
    }

    /// <summary>CREATE DOMAIN; PostgreSQL binds its type, default and checks without the statement text, so no error carries a position.</summary>
    public StatementResult CreateDomain(CreateDomainStatement stmt)
    {
        try
        {
            return CreateDomainCore(stmt);
        }
        catch (TenonException ex)
        {
            ex.Position = 0;
            throw;
        }
    }

    private StatementResult CreateDomainCore(CreateDomainStatement stmt)
    {
        var (schema, name) = NewTypeName(stmt.Name);
        if (Binder.IsSerial(stmt.BaseType))
            throw new TenonException(SqlState.UndefinedObject, $"type \"{stmt.BaseType.Name}\" does not exist") { Position = stmt.BaseType.Position };
        var baseType = Binder.ResolveType(stmt.BaseType, Catalog, Path.TempSchema);
        var domain = new DomainDef(Db.NextOid(), schema, name, baseType) { Collation = stmt.Collation };
        bool? notNull = null;
        var checks = new List<DomainConstraintDef>();
        foreach (var c in stmt.Constraints)
        {
            switch (c)
            {
                case NotNullColumnConstraint or NullColumnConstraint:
                {
                    var wanted = c is NotNullColumnConstraint;
                    if (notNull is { } set && set != wanted)
                        throw new TenonException(SqlState.SyntaxError, "conflicting NULL/NOT NULL constraints");
                    notNull = wanted;
                    break;
                }
                case DefaultColumnConstraint d:
                    if (domain.Default is not null) throw new TenonException(SqlState.SyntaxError, "multiple default expressions");
                    domain = domain with { Default = BindDomainDefault(baseType, d.Value) };
                    break;
                case CheckColumnConstraint check:
                    if (check.NoInherit)
                        throw new TenonException(SqlState.InvalidObjectDefinition, "check constraints for domains cannot be marked NO INHERIT");
                    if (c.Name is { } given && checks.Any(x => x.Name == given))
                        throw new TenonException(SqlState.DuplicateObject, $"constraint \"{given}\" for domain \"{name}\" already exists");
                    checks.Add(NewDomainCheck(domain, c.Name, check.Condition, check.SourceText, checks, validated: true));
                    break;
                case UniqueColumnConstraint:
                    throw new TenonException(SqlState.SyntaxError, "unique constraints not possible for domains");
                case PrimaryKeyColumnConstraint:
                    throw new TenonException(SqlState.SyntaxError, "primary key constraints not possible for domains");
                case ReferencesColumnConstraint:
                    throw new TenonException(SqlState.SyntaxError, "foreign key constraints not possible for domains");
                default:
                    throw new TenonException(SqlState.SyntaxError, "generated columns not possible for domains");
            }
        }
        Catalog = Catalog.PutUserType(domain with { NotNull = notNull ?? false, Constraints = checks });
        return new StatementResult("CREATE DOMAIN");
    }

    public StatementResult AlterType(AlterTypeStatement stmt)
    {
        // The attribute forms are ALTER TABLE on the type's relation in PostgreSQL, and name it so.
        var type = Catalog.LookupType(stmt.Name.Schema, stmt.Name.Name)
            ?? throw (stmt.Action is AlterTypeAction.AddAttribute or AlterTypeAction.DropAttribute or AlterTypeAction.RenameAttribute or AlterTypeAction.AlterAttributeType
                ? SqlErrors.RelationDoesNotExist(stmt.Name.ToString())
                : new TenonException(SqlState.UndefinedObject, $"type \"{stmt.Name}\" does not exist"));
        var tag = stmt.Kind == ObjectKind.Domain ? "ALTER DOMAIN" : "ALTER TYPE";
        if (stmt.Kind == ObjectKind.Domain && type is not DomainDef)
            throw new TenonException(SqlState.WrongObjectType, $"{type.Name} is not a domain");
        RefuseRowTypeAlter(type, stmt);
        switch (stmt.Action)
        {
            case AlterTypeAction.Rename:
            {
                var newName = NameGenerator.Truncate(stmt.NewName!);
                if (Catalog.TypeNameUsed(type.Schema, newName))
                    throw new TenonException(SqlState.DuplicateObject, $"type \"{newName}\" already exists");
                Catalog = Catalog.PutUserType(type switch
                {
                    EnumTypeDef en => en with { Name = newName },
                    CompositeTypeDef ct => ct with { Name = newName },
                    DomainDef d => d with { Name = newName },
                    _ => type,
                });
                return new StatementResult(tag);
            }
            case AlterTypeAction.SetSchema:
            {
                // Moving to the schema it is in changes nothing; the type's array type moves with it.
                var schema = stmt.NewName!;
                if (!Catalog.Schemas.Contains(schema))
                    throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist");
                if (schema == type.Schema) return new StatementResult(tag);
                if (Catalog.TypeNameUsed(schema, type.Name))
                    throw new TenonException(SqlState.DuplicateObject, $"type \"{type.Name}\" already exists in schema \"{schema}\"");
                Catalog = Catalog.PutUserType(type switch
                {
                    EnumTypeDef en => en with { Schema = schema },
                    CompositeTypeDef ct => ct with { Schema = schema },
                    DomainDef d => d with { Schema = schema },
                    _ => type,
                });
                return new StatementResult(tag);
            }
            case AlterTypeAction.OwnerTo:
                // Tenon has one role, which owns everything: naming it changes nothing.
                CheckOwner(new OwnerToAction(stmt.NewName!));
                return new StatementResult(tag);
            case AlterTypeAction.AddAttribute or AlterTypeAction.DropAttribute or AlterTypeAction.RenameAttribute or AlterTypeAction.AlterAttributeType:
                AlterAttribute(type, stmt);
                foreach (var next in stmt.Following) AlterAttribute(Catalog.UserTypes[type.Oid], next);
                return new StatementResult(tag);
            case AlterTypeAction.AddValue or AlterTypeAction.RenameValue:
                if (type is not EnumTypeDef e) throw new TenonException(SqlState.WrongObjectType, $"{type.Name} is not an enum");
                if (stmt.Action == AlterTypeAction.AddValue) AddEnumValue(e, stmt);
                else RenameEnumValue(e, stmt.Label!, stmt.NewName!);
                return new StatementResult(tag);
            default:
                try
                {
                    AlterDomain((DomainDef)type, stmt);
                }
                catch (TenonException ex)
                {
                    ex.Position = 0;
                    throw;
                }
                return new StatementResult(tag);
        }
    }

    /// <summary>DROP TYPE / DROP DOMAIN of one name.</summary>
    /// <param name="several">The DROP names more than one object (PostgreSQL then words 2BP01 for them all).</param>
    private void DropUserType(QualifiedName name, bool domain, bool ifExists, bool cascade, bool several)
    {
        var type = Catalog.LookupType(name.Schema, name.Name);
        if (type is null)
        {
            if (ifExists)
            {
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"type \"{name}\" does not exist, skipping"));
                return;
            }
            throw new TenonException(SqlState.UndefinedObject, $"type \"{name}\" does not exist");
        }
        if (domain && type is not DomainDef)
            throw new TenonException(SqlState.WrongObjectType, $"\"{type.Name}\" is not a domain");
        if (type is CompositeTypeDef { IsRowType: true } rowType)
        {
            var owner = $"{RelationNoun(rowType.RelationOid)} {rowType.Name}";
            throw new TenonException(SqlState.DependentObjectsStillExist, $"cannot drop type {rowType.Name} because {owner} requires it",
                hint: $"You can drop {owner} instead.");
        }
        var found = TypeDependents(type);
        if (found.Count > 0)
        {
            var report = Enumerable.Reverse(found).ToList();
            if (!cascade)
                throw new TenonException(SqlState.DependentObjectsStillExist,
                    several ? "cannot drop desired object(s) because other objects depend on them" : $"cannot drop type {type.Name} because other objects depend on it",
                    string.Join("\n", report.Select(f => $"{f.What} depends on {f.On}")),
                    "Use DROP ... CASCADE to drop the dependent objects too.");
            ReportCascade(report.Select(f => f.What).ToList());
            // Deleting in the walk's order drops a referencing column (and its foreign key with
            // it) before the referenced one, so no foreign key is reported on its own.
            foreach (var f in found) f.Drop();
        }
        Catalog = Catalog.RemoveUserType(type.Oid);
    }

    /// <summary>
    /// What depends on a type (columns of it, domains over it, and theirs) with how to drop each,
    /// in PostgreSQL's order: each object's direct dependents by oid descending (a table's columns
    /// by number), walked depth first with an object after its own dependents; a report lists
    /// them backwards, and dropping in this order drops a referencing column before the referenced one.
    /// </summary>
    private List<(string What, string On, Action Drop)> TypeDependents(UserTypeDef type, IReadOnlySet<uint>? skipTables = null)
    {
        var found = new List<(string What, string On, Action Drop)>();
        void Walk(UserTypeDef t)
        {
            var on = $"type {t.Name}";
            var direct = new List<(uint Oid, short Sub, Action Visit)>();
            foreach (var table in Catalog.Tables.Values.Where(x => skipTables?.Contains(x.Oid) != true))
                foreach (var col in table.LiveColumns.Where(c => IsDirectlyOf(c.Type, t.Oid)))
                {
                    var (tableOid, column, what) = (table.Oid, col.Name, $"column {col.Name} of table {table.Name}");
                    // A column of the composite's array type depends on the array type.
                    var colOn = col.Type.IsArray ? on + "[]" : on;
                    direct.Add((table.Oid, col.Number, () => found.Add((what, colOn,
                        () => DropColumn(Catalog.Table(tableOid), new DropColumnAction(column, false, true))))));
                }
            // A typed table depends on its type, and goes with it.
            foreach (var table in Catalog.Tables.Values.Where(x => x.OfType == t.Oid))
            {
                var tableOid = table.Oid;
                direct.Add((table.Oid, 0, () => found.Add(($"table {table.Name}", on,
                    () => { if (Catalog.Tables.ContainsKey(tableOid)) DropTable(tableOid, cascade: true, [tableOid]); }))));
            }
            foreach (var d in Catalog.UserTypes.Values.OfType<DomainDef>().Where(d => IsDirectlyOf(d.BaseType, t.Oid)))
                direct.Add((d.Oid, 0, () =>
                {
                    Walk(d);
                    found.Add(($"type {d.Name}", on, () => Catalog = Catalog.RemoveUserType(d.Oid)));
                }));
            foreach (var (_, _, visit) in direct.OrderByDescending(x => x.Oid).ThenBy(x => x.Sub)) visit();
        }
        Walk(type);
        return found;
    }

    /// <summary>Whether a column or domain of <paramref name="t"/> depends on type <paramref name="oid"/> itself (not through a domain between).</summary>
    private static bool IsDirectlyOf(SqlType t, uint oid) =>
        t.Domain is { } d ? d.Oid == oid : t.Enum?.Oid == oid || t.Composite?.Oid == oid || (t.IsArray && t.Element!.Composite?.Oid == oid);

    private (string Schema, string Name) NewTypeName(QualifiedName qualified)
    {
        var schema = qualified.Schema ?? SystemCatalog.PublicSchema;
        if (!Catalog.Schemas.Contains(schema))
            throw new TenonException(SqlState.InvalidSchemaName, $"schema \"{schema}\" does not exist") { Position = qualified.Position };
        var name = NameGenerator.Truncate(qualified.Name);
        // An automatically named array type gives way (PostgreSQL renames it).
        Catalog = Catalog.MoveArrayTypeOutOfTheWay(schema, name, out _);
        if (Catalog.TypeNameUsed(schema, name))
            throw new TenonException(SqlState.DuplicateObject, $"type \"{name}\" already exists");
        return (schema, name);
    }

    // ---- enums ----------------------------------------------------------------------------

    private static void CheckEnumLabel(string label)
    {
        if (Encoding.UTF8.GetByteCount(label) > 63)
            throw new TenonException(SqlState.InvalidParameterValue, $"invalid enum label \"{label}\"", "Labels must be 63 bytes or less.");
    }

    /// <summary>
    /// ADD VALUE: the new label sorts after the last, or halfway (in float4) between its neighbor
    /// and the label on the other side; when float4 has no value between them, the labels are
    /// renumbered 1, 2, … first, as PostgreSQL does.
    /// </summary>
    private void AddEnumValue(EnumTypeDef e, AlterTypeStatement stmt)
    {
        var label = stmt.Label!;
        CheckEnumLabel(label);
        if (e.Find(label) is not null)
        {
            if (!stmt.IfNotExists) throw new TenonException(SqlState.DuplicateObject, $"enum label \"{label}\" already exists");
            ctx.Session.RaiseNotice(new Notice("NOTICE", SqlState.DuplicateObject, $"enum label \"{label}\" already exists, skipping"));
            return;
        }
        var labels = e.Labels.ToList();
        var oid = Db.NextOid();
        if (stmt.Neighbor is null)
        {
            labels.Add(new PgEnumValue(e.Oid, oid, labels.Count == 0 ? 1 : labels[^1].SortOrder + 1, label));
        }
        else
        {
            var at = labels.FindIndex(l => l.Label == stmt.Neighbor);
            if (at < 0) throw new TenonException(SqlState.InvalidParameterValue, $"\"{stmt.Neighbor}\" is not an existing enum label");
            var other = stmt.After ? at + 1 : at - 1;
            float order;
            if (other < 0) order = labels[at].SortOrder - 1;
            else if (other >= labels.Count) order = labels[at].SortOrder + 1;
            else
            {
                order = (labels[at].SortOrder + labels[other].SortOrder) / 2;
                if (order == labels[at].SortOrder || order == labels[other].SortOrder)
                {
                    for (var i = 0; i < labels.Count; i++) labels[i] = labels[i] with { SortOrder = i + 1 };
                    order = (labels[at].SortOrder + labels[other].SortOrder) / 2;
                }
            }
            labels.Insert(stmt.After ? at + 1 : at, new PgEnumValue(e.Oid, oid, order, label));
        }
        ReplaceEnum(e, e with { Labels = labels });
    }

    private void RenameEnumValue(EnumTypeDef e, string label, string newLabel)
    {
        CheckEnumLabel(newLabel);
        var at = e.Labels.ToList().FindIndex(l => l.Label == label);
        if (at < 0) throw new TenonException(SqlState.InvalidParameterValue, $"\"{label}\" is not an existing enum label");
        if (e.Find(newLabel) is not null) throw new TenonException(SqlState.DuplicateObject, $"enum label \"{newLabel}\" already exists");
        var labels = e.Labels.ToArray();
        labels[at] = labels[at] with { Label = newLabel };
        ReplaceEnum(e, e with { Labels = labels });
    }

    /// <summary>
    /// Installs the new labels and rewrites stored values whose label or sort order changed (values
    /// carry both), in every column whose type is the enum or a domain over it; indexes follow.
    /// </summary>
    private void ReplaceEnum(EnumTypeDef old, EnumTypeDef updated)
    {
        Catalog = Catalog.PutUserType(updated);
        var changed = updated.Labels.Where(l => old.Find(l.Label) is not { } o ? old.Labels.Any(x => x.Oid == l.Oid) : o.SortOrder != l.SortOrder)
            .ToDictionary(l => l.Oid);
        if (changed.Count == 0) return;
        foreach (var table in Catalog.Tables.Values.ToList())
        {
            var cols = table.LiveColumns.Where(c => c.Type.Enum?.Oid == old.Oid).Select(c => c.Number - 1).ToArray();
            if (cols.Length == 0) continue;
            var wt = Tx.Write(table.Oid);
            var any = false;
            foreach (var (rowId, row) in wt.Rows.Scan().ToList())
            {
                object?[]? copy = null;
                foreach (var i in cols)
                {
                    if (row[i] is not PgEnumValue v || !changed.TryGetValue(v.Oid, out var nv)) continue;
                    copy ??= (object?[])row.Clone();
                    copy[i] = nv;
                }
                if (copy is null) continue;
                wt.Rows = wt.Rows.Update(rowId, copy, Tx.Token);
                any = true;
            }
            if (any) RebuildIndexes(Catalog.Table(table.Oid));
        }
    }

    // ---- domains --------------------------------------------------------------------------

    private void AlterDomain(DomainDef d, AlterTypeStatement stmt)
    {
        switch (stmt.Action)
        {
            case AlterTypeAction.SetDefault:
                Catalog = Catalog.PutUserType(d with { Default = BindDomainDefault(d.BaseType, stmt.Default!) });
                break;
            case AlterTypeAction.DropDefault:
                Catalog = Catalog.PutUserType(d with { Default = null });
                break;
            case AlterTypeAction.SetNotNull:
                if (d.NotNull) break;
                foreach (var (table, col, value) in StoredValues(d))
                    if (value is null)
                        throw new TenonException(SqlState.NotNullViolation, $"column \"{col.Name}\" of table \"{table.Name}\" contains null values");
                Catalog = Catalog.PutUserType(d with { NotNull = true });
                break;
            case AlterTypeAction.DropNotNull:
                Catalog = Catalog.PutUserType(d with { NotNull = false });
                break;
            case AlterTypeAction.AddConstraint:
            {
                var check = stmt.Constraint switch
                {
                    CheckTableConstraint c => c,
                    UniqueTableConstraint => throw new TenonException(SqlState.SyntaxError, "unique constraints not possible for domains"),
                    PrimaryKeyTableConstraint => throw new TenonException(SqlState.SyntaxError, "primary key constraints not possible for domains"),
                    ForeignKeyTableConstraint => throw new TenonException(SqlState.SyntaxError, "foreign key constraints not possible for domains"),
                    _ => throw new TenonException(SqlState.SyntaxError, "exclusion constraints not possible for domains"),
                };
                if (check.NoInherit)
                    throw new TenonException(SqlState.InvalidObjectDefinition, "check constraints for domains cannot be marked NO INHERIT");
                if (check.Name is { } given && d.Constraints.Any(x => x.Name == given))
                    throw new TenonException(SqlState.DuplicateObject, $"constraint \"{given}\" for domain \"{d.Name}\" already exists");
                var def = NewDomainCheck(d, check.Name, check.Condition, check.SourceText, d.Constraints, validated: !check.NotValid);
                if (!check.NotValid) ValidateDomainCheck(d, def);
                Catalog = Catalog.PutUserType(d with { Constraints = [.. d.Constraints, def] });
                break;
            }
            case AlterTypeAction.DropConstraint:
            {
                if (d.Constraints.FirstOrDefault(c => c.Name == stmt.Label) is not { } c)
                {
                    var message = $"constraint \"{stmt.Label}\" of domain \"{d.Name}\" does not exist";
                    if (!stmt.IfExists) throw new TenonException(SqlState.UndefinedObject, message);
                    ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", message + ", skipping"));
                    break;
                }
                Catalog = Catalog.PutUserType(d with { Constraints = d.Constraints.Where(x => x.Oid != c.Oid).ToArray() })
                    .RemoveConstraintComment(c.Oid);
                break;
            }
            case AlterTypeAction.ValidateConstraint:
            {
                var c = d.Constraints.FirstOrDefault(c => c.Name == stmt.Label)
                    ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{stmt.Label}\" of domain \"{d.Name}\" does not exist");
                if (c.Validated) break;
                ValidateDomainCheck(d, c);
                Catalog = Catalog.PutUserType(d with { Constraints = d.Constraints.Select(x => x.Oid == c.Oid ? x with { Validated = true } : x).ToArray() });
                break;
            }
            case AlterTypeAction.RenameConstraint:
            {
                var c = d.Constraints.FirstOrDefault(c => c.Name == stmt.Label)
                    ?? throw new TenonException(SqlState.UndefinedObject, $"constraint \"{stmt.Label}\" for domain {d.Name} does not exist");
                var newName = NameGenerator.Truncate(stmt.NewName!);
                if (d.Constraints.Any(x => x.Name == newName))
                    throw new TenonException(SqlState.DuplicateObject, $"constraint \"{newName}\" for domain {d.Name} already exists");
                Catalog = Catalog.PutUserType(d with { Constraints = d.Constraints.Select(x => x.Oid == c.Oid ? x with { Name = newName } : x).ToArray() });
                break;
            }
        }
    }

    /// <summary>A new CHECK of a domain, bound once to report errors (not boolean, unknown column) now; auto-named domain_check, domain_check1, ….</summary>
    private DomainConstraintDef NewDomainCheck(DomainDef d, string? name, Expr condition, string sourceText, IReadOnlyList<DomainConstraintDef> existing, bool validated)
    {
        new Binder(ctx).BindDomainCheck(d, condition);
        name ??= NameGenerator.Choose(d.Name, null, "check",
            n => existing.Any(x => x.Name == n) || Catalog.ConstraintNameUsed(d.Schema, n)
                 || Catalog.UserTypes.Values.OfType<DomainDef>().Any(o => o.Schema == d.Schema && o.Constraints.Any(x => x.Name == n)));
        return new DomainConstraintDef(Db.NextOid(), name, condition, sourceText, validated);
    }

    /// <summary>23514 when a stored value of the domain (in any column of it or of a domain over it) fails the check.</summary>
    private void ValidateDomainCheck(DomainDef d, DomainConstraintDef c)
    {
        var check = new Binder(ctx).BindDomainCheck(d, c.Check);
        var one = new object?[1];
        foreach (var (table, col, value) in StoredValues(d))
        {
            one[0] = value;
            if (check.Eval(one, ctx) is false)
                throw new TenonException(SqlState.CheckViolation, $"column \"{col.Name}\" of table \"{table.Name}\" contains values that violate the new constraint");
        }
    }

    /// <summary>Every stored value of a column whose type is the domain or a domain over it.</summary>
    private IEnumerable<(TableDef Table, ColumnDef Column, object? Value)> StoredValues(DomainDef d)
    {
        foreach (var table in Catalog.Tables.Values.OrderBy(t => t.Oid))
            foreach (var col in table.LiveColumns)
            {
                var uses = false;
                for (var t = col.Type; t.Domain is { } cd; t = cd.BaseType) uses |= cd.Oid == d.Oid;
                if (!uses) continue;
                foreach (var (_, row) in Tx.Rows(table.Oid).Scan())
                    yield return (table, col, row[col.Number - 1]);
            }
    }

    /// <summary>Binds a domain default in the base type, so a bad default fails at CREATE/ALTER DOMAIN.</summary>
    /// <summary>Checks a domain's DEFAULT by binding it and returns the expression to keep, with what it named fixed as for a column default (<see cref="BindsAtCreation"/>).</summary>
    private Expr BindDomainDefault(SqlType baseType, Expr value)
    {
        var binder = new Binder(ctx)
        {
            NoSubqueriesIn = "DEFAULT expression",
            RegClassLiterals = new(ReferenceEqualityComparer.Instance),
            RoutineCalls = new(ReferenceEqualityComparer.Instance),
        };
        var bound = binder.BindExpr(value, null);
        if (binder.TryCoerce(bound, baseType, CastContext.Assignment, value.Position) is null)
            throw new TenonException(SqlState.DatatypeMismatch,
                $"column \"{"value"}\" is of type {baseType.DisplayName} but default expression is of type {bound.Type.DisplayName}",
                hint: "You will need to rewrite or cast the expression.");
        return BindsAtCreation(value, binder.RegClassLiterals, binder.RoutineCalls);
    }
}
