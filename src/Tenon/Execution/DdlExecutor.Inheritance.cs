using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// Table inheritance (CREATE TABLE … INHERITS): a child table gets its parents' columns (merged by
/// name, with PostgreSQL's NOTICEs and type-conflict errors), their NOT NULL marks, defaults and
/// generation expressions, and their CHECK constraints except NO INHERIT ones. Keys, UNIQUE and
/// foreign keys are not inherited, as in PostgreSQL. attinhcount/attislocal and
/// coninhcount/conislocal (<see cref="ColumnDef.InheritCount"/>, <see cref="ConstraintDef.IsLocal"/>)
/// count how many parents pass each down and whether the child also defines it itself.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>What a new child table takes from its parents, before its own columns are merged in.</summary>
    private sealed class InheritedDefinitions
    {
        public List<TableDef> Parents { get; } = new();
        public List<ColumnDef> Columns { get; } = new();
        /// <summary>Columns whose parents disagree on the default (an error unless the child gives one).</summary>
        public HashSet<string> ConflictingDefaults { get; } = new();
        public HashSet<string> ConflictingGenerated { get; } = new();
        /// <summary>Columns the statement itself defines (merged or new).</summary>
        public HashSet<string> Local { get; } = new();
        public List<CheckConstraintDef> Checks { get; } = new();
    }

    /// <summary>Resolves INHERITS (…) and merges the parents' columns in order (PostgreSQL's MergeAttributes).</summary>
    private InheritedDefinitions InheritFrom(CreateTableStatement stmt, bool temporary)
    {
        var result = new InheritedDefinitions();
        foreach (var name in stmt.Inherits)
        {
            var oid = Lookup(name, name.Position);
            if (oid == 0) throw SqlErrors.RelationDoesNotExist(name.ToString());
            if (!Catalog.Tables.TryGetValue(oid, out var parent) || parent.IsMatView)
                throw new TenonException(SqlState.WrongObjectType, $"inherited relation \"{name.Name}\" is not a table or foreign table");
            if (parent.IsPartitioned)
                throw new TenonException(SqlState.WrongObjectType, $"cannot inherit from partitioned table \"{parent.Name}\"");
            if (parent.IsPartition)
                throw new TenonException(SqlState.WrongObjectType, $"cannot inherit from partition \"{parent.Name}\"");
            if (parent.Temporary && !temporary)
                throw new TenonException(SqlState.WrongObjectType, $"cannot inherit from temporary relation \"{parent.Name}\"");
            if (result.Parents.Any(p => p.Oid == oid))
                throw new TenonException(SqlState.DuplicateTable, $"relation \"{parent.Name}\" would be inherited from more than once");
            result.Parents.Add(parent);
            foreach (var pc in parent.LiveColumns)
            {
                var at = result.Columns.FindIndex(c => c.Name == pc.Name);
                if (at < 0)
                {
                    result.Columns.Add(new ColumnDef(pc.Name, pc.Type, (short)(result.Columns.Count + 1))
                    {
                        NotNull = pc.NotNull, Default = pc.Default, DefaultText = pc.DefaultText, Generated = pc.Generated,
                        InheritCount = 1, IsLocal = false, Storage = pc.Storage,
                    });
                    continue;
                }
                var existing = result.Columns[at];
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"merging multiple inherited definitions of column \"{pc.Name}\""));
                if (!SameColumnType(existing.Type, pc.Type))
                    throw new TenonException(SqlState.DatatypeMismatch, $"inherited column \"{pc.Name}\" has a type conflict",
                        $"{existing.Type.DisplayName} versus {pc.Type.DisplayName}");
                if (StorageOf(existing) != StorageOf(pc))
                    throw new TenonException(SqlState.DatatypeMismatch, $"inherited column \"{pc.Name}\" has a storage parameter conflict",
                        $"{StorageName(StorageOf(existing))} versus {StorageName(StorageOf(pc))}");
                if (ExprText(existing.Default) != ExprText(pc.Default))
                {
                    if (existing.Default is null) existing = existing with { Default = pc.Default, DefaultText = pc.DefaultText };
                    else if (pc.Default is not null) result.ConflictingDefaults.Add(pc.Name);
                }
                if (ExprText(existing.Generated) != ExprText(pc.Generated)) result.ConflictingGenerated.Add(pc.Name);
                result.Columns[at] = existing with { NotNull = existing.NotNull || pc.NotNull, InheritCount = existing.InheritCount + 1 };
            }
            foreach (var check in parent.Checks.Where(c => !c.NoInherit))
            {
                var at = result.Checks.FindIndex(c => c.Name == check.Name);
                if (at < 0)
                {
                    result.Checks.Add(check);
                    continue;
                }
                if (ExprText(result.Checks[at].Condition) != ExprText(check.Condition))
                    throw new TenonException(SqlState.DuplicateObject, $"check constraint name \"{check.Name}\" appears multiple times but with different expressions");
                result.Checks[at] = result.Checks[at] with { InheritCount = result.Checks[at].InheritCount + 1 };
            }
        }
        return result;
    }

    private static char StorageOf(ColumnDef c) => c.Storage ?? DefaultStorage(c.Type);

    private static string StorageName(char storage) => storage switch
    {
        'p' => "PLAIN",
        'e' => "EXTERNAL",
        'm' => "MAIN",
        _ => "EXTENDED",
    };

    /// <summary>
    /// Merges a column the statement defines with an inherited one of the same name (NOTICE
    /// "merging column … with inherited definition"); false when none is inherited under that name.
    /// What the definition writes (DEFAULT, generation, identity) replaces what was inherited.
    /// </summary>
    private bool MergeLocalColumn(InheritedDefinitions inherited, List<ColumnDef> columns, ColumnDefinition c, int localPosition)
    {
        var at = columns.FindIndex(x => x.Name == c.Name);
        if (at < 0 || !inherited.Local.Add(c.Name)) return false;
        var existing = columns[at];
        // PostgreSQL compares the column's place among the written ones with the inherited column's place.
        if (at + 1 == localPosition)
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"merging column \"{c.Name}\" with inherited definition"));
        else
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"moving and merging column \"{c.Name}\" with inherited definition",
                "User-specified column moved to the position of the inherited column."));
        var type = Binding.Binder.ResolveType(c.Type, Catalog, Path.TempSchema);
        if (!SameColumnType(existing.Type, type))
            throw new TenonException(SqlState.DatatypeMismatch, $"column \"{c.Name}\" has a type conflict",
                $"{existing.Type.DisplayName} versus {type.DisplayName}");
        if (c.Storage is { } storage && storage != StorageOf(existing))
            throw new TenonException(SqlState.DatatypeMismatch, $"column \"{c.Name}\" has a storage parameter conflict",
                $"{StorageName(StorageOf(existing))} versus {StorageName(storage)}");
        var generated = c.Constraints.OfType<GeneratedColumnConstraint>().Any();
        if (generated && existing.Generated is not null)
            throw new TenonException(SqlState.InvalidColumnDefinition, $"child column \"{c.Name}\" specifies generation expression",
                hint: "Omit the generation expression in the definition of the child table column to inherit the generation expression from the parent table.");
        if (existing.Generated is not null && c.Constraints.OfType<DefaultColumnConstraint>().Any())
            throw new TenonException(SqlState.InvalidColumnDefinition, $"column \"{c.Name}\" inherits from generated column but specifies default");
        if (existing.Generated is not null && c.Constraints.OfType<IdentityColumnConstraint>().Any())
            throw new TenonException(SqlState.InvalidColumnDefinition, $"column \"{c.Name}\" inherits from generated column but specifies identity");
        if (c.Constraints.Any(k => k is DefaultColumnConstraint or IdentityColumnConstraint) || generated)
        {
            existing = existing with { Default = null, DefaultText = null, Generated = null };
            inherited.ConflictingDefaults.Remove(c.Name);
            inherited.ConflictingGenerated.Remove(c.Name);
        }
        columns[at] = existing with { IsLocal = true };
        return true;
    }

    /// <summary>
    /// After the child's own column definitions are applied: PostgreSQL's errors for defaults the
    /// parents disagree on, then the inherited CHECK constraints (before the child's own, so they
    /// keep their names); a CHECK the statement writes under an inherited name is merged with it
    /// when the expressions agree. Returns the written constraints still to be made.
    /// </summary>
    private List<(TableConstraint Constraint, int Position)> CompleteInheritance(uint oid, InheritedDefinitions inherited, List<(TableConstraint Constraint, int Position)> pending)
    {
        foreach (var name in inherited.ConflictingDefaults)
            throw new TenonException(SqlState.InvalidColumnDefinition, $"column \"{name}\" inherits conflicting default values",
                hint: "To resolve the conflict, specify a default explicitly.");
        foreach (var name in inherited.ConflictingGenerated)
            throw new TenonException(SqlState.InvalidColumnDefinition, $"column \"{name}\" inherits conflicting generation expressions");
        var table = Catalog.Table(oid);
        var checks = new List<ConstraintDef>(table.Constraints);
        foreach (var check in inherited.Checks)
            checks.Add(InheritedCheck(table, check) with { InheritCount = check.InheritCount < 1 ? 1 : check.InheritCount });
        var remaining = new List<(TableConstraint, int)>();
        foreach (var p in pending)
        {
            if (p.Constraint is CheckTableConstraint { Name: { } name } written && checks.FindIndex(c => c.Name == name && c is CheckConstraintDef { IsLocal: false }) is var at and >= 0)
            {
                var existing = (CheckConstraintDef)checks[at];
                if (ExprText(existing.Condition) != ExprText(written.Condition))
                    throw new TenonException(SqlState.DuplicateObject, $"constraint \"{name}\" for relation \"{table.Name}\" already exists");
                if (written.NoInherit)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"constraint \"{name}\" conflicts with inherited constraint on relation \"{table.Name}\"");
                ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"merging constraint \"{name}\" with inherited definition"));
                checks[at] = existing with { IsLocal = true };
                continue;
            }
            remaining.Add(p);
        }
        Catalog = Catalog.PutTable(table with { Constraints = checks, InheritsFrom = inherited.Parents.Select(p => p.Oid).ToArray() });
        return remaining;
    }

    /// <summary>A parent's CHECK as a child's inherited copy (column numbers are the child's).</summary>
    private CheckConstraintDef InheritedCheck(TableDef child, CheckConstraintDef check)
    {
        var parent = Catalog.Tables.GetValueOrDefault(check.TableOid);
        var columns = check.Columns.Select(n => parent is null ? n : child.FindColumn(parent.Column(n).Name)?.Number ?? n).ToArray();
        return check with
        {
            Oid = Db.NextOid(), TableOid = child.Oid, Columns = columns, InheritCount = 1, IsLocal = false,
            Validated = true, ParentConstraintOid = 0, NoInherit = false,
        };
    }

    private static bool SameColumnType(Types.SqlType a, Types.SqlType b) =>
        a.CatalogOid == b.CatalogOid && a.TypeModifier == b.TypeModifier;

    private static string? ExprText(Expr? e) => e is null ? null : Sql.ExprSource.Print(e);

    /// <summary>
    /// The tables that inherit from <paramref name="oid"/>, directly or not, which DROP TABLE
    /// refuses to orphan (2BP01) or drops with CASCADE, each with the parent it was reached
    /// through; they join <paramref name="droppedTogether"/>. Listed as PostgreSQL lists
    /// dependencies: it visits dependents depth first, newest (highest oid) first, collects each
    /// after its own dependents, and reports the collection backwards.
    /// </summary>
    private List<(uint Table, uint Via)> InheritanceDependents(uint oid, HashSet<uint> droppedTogether)
    {
        var postOrder = new List<(uint, uint)>();
        if (!Catalog.HasInheritanceChildren(oid)) return postOrder;
        var seen = new HashSet<uint>();
        void Walk(uint parent)
        {
            foreach (var c in Catalog.InheritanceChildren(parent).Reverse())
                if (!droppedTogether.Contains(c.Oid) && seen.Add(c.Oid))
                {
                    Walk(c.Oid);
                    postOrder.Add((c.Oid, parent));
                }
        }
        Walk(oid);
        postOrder.Reverse();
        foreach (var (t, _) in postOrder) droppedTogether.Add(t);
        return postOrder;
    }

    /// <summary>TRUNCATE without ONLY takes every table inheriting from a named one; ONLY cannot name a partitioned table.</summary>
    private void AddInheritanceChildren(TruncateStatement stmt, HashSet<uint> oids)
    {
        for (var i = 0; i < stmt.Tables.Count; i++)
        {
            if (FindTable(stmt.Tables[i]) is not { } t) continue;
            if (i < stmt.Only.Count && stmt.Only[i])
            {
                if (t.IsPartitioned)
                    throw new TenonException(SqlState.WrongObjectType, "cannot truncate only a partitioned table",
                        hint: "Do not specify the ONLY keyword, or use TRUNCATE ONLY on the partitions directly.");
                continue;
            }
            foreach (var d in Catalog.InheritanceTree(t)) oids.Add(d.Oid);
        }
    }

    /// <summary>
    /// How DROP reports the inheritors of a dropped table: each, then the views that read it
    /// (dropped with it), skipping views already listed for the dropped table itself.
    /// </summary>
    private List<string> InheritorLines(IReadOnlyList<(uint Table, uint Via)> inheritors, IReadOnlyList<(uint View, string DependsOn)> listed, bool withDependsOn)
    {
        var lines = new List<string>();
        var seen = listed.Select(v => v.View).ToHashSet();
        foreach (var (table, via) in inheritors)
        {
            lines.Add(withDependsOn ? $"table {Describe(table)} depends on table {Describe(via)}" : $"table {Describe(table)}");
            foreach (var (view, dependsOn) in DependentViews([table]))
                if (seen.Add(view))
                    lines.Add(withDependsOn ? $"{RelationNoun(view)} {Describe(view)} depends on {dependsOn}" : $"{RelationNoun(view)} {Describe(view)}");
        }
        return lines;
    }
}
