using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// ALTER TABLE in an inheritance tree, as PostgreSQL does it: ADD/DROP COLUMN, RENAME COLUMN,
/// ALTER COLUMN (NOT NULL, DEFAULT, TYPE) and ADD/DROP CHECK recurse to the tables that inherit
/// from the altered one unless ONLY is written, keeping attinhcount/attislocal and
/// coninhcount/conislocal; what a child inherited cannot be dropped, renamed or retyped on the
/// child alone. ALTER TABLE … INHERIT / NO INHERIT add and remove a parent. The action runs on
/// each direct child through the ordinary ALTER TABLE path, which recurses further down.
/// </summary>
public sealed partial class DdlExecutor
{
    /// <summary>Set while an action runs on a child because its parent was altered.</summary>
    private bool _inheritRecursing;

    /// <summary>What <see cref="RecurseInheritanceAlter"/> needs of an action that may reach child tables.</summary>
    private sealed record InheritanceAlter(uint TableOid, AlterTableAction Action, bool Only, HashSet<uint> ChecksBefore);

    /// <summary>
    /// Before an ALTER TABLE action runs: INHERIT and NO INHERIT are done here (returns true);
    /// otherwise PostgreSQL's refusals for changing inherited columns and constraints on a child
    /// alone, and the state for recursing afterwards (null for a table outside any inheritance tree).
    /// </summary>
    private bool PrepareInheritanceAlter(TableDef table, AlterTableAction action, bool only, out InheritanceAlter? state)
    {
        state = null;
        switch (action)
        {
            case InheritAction inherit:
                AddInheritance(table, inherit.Parent);
                return true;
            case NoInheritAction noInherit:
                RemoveInheritance(table, noInherit.Parent);
                return true;
        }
        var hasChildren = Catalog.HasInheritanceChildren(table.Oid);
        if (!hasChildren && table.InheritsFrom.Count == 0) return false;
        switch (action)
        {
            case AddColumnAction add when !only && hasChildren && add.Column.Constraints.Any(c => c is IdentityColumnConstraint):
                throw new TenonException(SqlState.InvalidTableDefinition, "cannot recursively add identity column to table that has child tables");
            case AddColumnAction add when only && hasChildren && table.FindColumn(add.Column.Name) is null:
                throw new TenonException(SqlState.InvalidTableDefinition, "column must be added to child tables too");
            case DropColumnAction drop when !_inheritRecursing && table.FindColumn(drop.Column) is { InheritCount: > 0 }:
                throw new TenonException(SqlState.InvalidTableDefinition, $"cannot drop inherited column \"{drop.Column}\"");
            case RenameColumnAction rename:
                if (only && hasChildren && !_inheritRecursing)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"inherited column \"{rename.OldName}\" must be renamed in child tables too");
                if (!_inheritRecursing && table.FindColumn(rename.OldName) is { InheritCount: > 0 })
                    throw new TenonException(SqlState.InvalidTableDefinition, $"cannot rename inherited column \"{rename.OldName}\"");
                break;
            case AlterColumnAction { Kind: AlterColumnKind.SetType } type:
                if (!_inheritRecursing && table.FindColumn(type.Column) is { InheritCount: > 0 })
                    throw new TenonException(SqlState.InvalidTableDefinition, $"cannot alter inherited column \"{type.Column}\"");
                if (only && hasChildren && !_inheritRecursing)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"type of inherited column \"{type.Column}\" must be changed in child tables too");
                break;
            case AddConstraintAction { Constraint: CheckTableConstraint { NoInherit: false } } when only && hasChildren:
                throw new TenonException(SqlState.InvalidTableDefinition, "constraint must be added to child tables too");
            case DropConstraintAction drop when !_inheritRecursing && table.FindConstraint(drop.Name) is CheckConstraintDef { InheritCount: > 0 }:
                throw new TenonException(SqlState.InvalidTableDefinition, $"cannot drop inherited constraint \"{drop.Name}\" of relation \"{table.Name}\"");
            case RenameConstraintAction rc when table.FindConstraint(rc.OldName) is CheckConstraintDef { NoInherit: false } renamed && !_inheritRecursing:
                if (only && hasChildren)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"inherited constraint \"{rc.OldName}\" must be renamed in child tables too");
                if (renamed.InheritCount > 0)
                    throw new TenonException(SqlState.InvalidTableDefinition, $"cannot rename inherited constraint \"{rc.OldName}\"");
                break;
            case ValidateConstraintAction v when only && hasChildren && table.FindConstraint(v.Name) is CheckConstraintDef { NoInherit: false, Validated: false }:
                throw new TenonException(SqlState.InvalidTableDefinition, "constraint must be validated on child tables too");
        }
        if (hasChildren) state = new InheritanceAlter(table.Oid, action, only, table.Checks.Select(c => c.Oid).ToHashSet());
        return false;
    }

    /// <summary>After an ALTER TABLE action ran on a table with inheritance children: the same change on each of them.</summary>
    private void RecurseInheritanceAlter(InheritanceAlter? state)
    {
        if (state is null || !Catalog.Tables.TryGetValue(state.TableOid, out var table)) return;
        var action = state.Action;
        var wasRecursing = _inheritRecursing;
        _inheritRecursing = true;
        try
        {
            foreach (var child in Catalog.InheritanceChildren(table.Oid).ToList())
            {
                switch (action)
                {
                    case AddColumnAction add:
                        AddColumnToChild(table, child.Oid, add);
                        break;
                    case DropColumnAction drop:
                        DropColumnFromChild(child.Oid, drop, state.Only);
                        break;
                    case RenameColumnAction rename when !state.Only && Catalog.Table(child.Oid).FindColumn(rename.OldName) is not null:
                        RunOnChild(child.Oid, action);
                        break;
                    case AlterColumnAction { Kind: AlterColumnKind.SetNotNull or AlterColumnKind.DropNotNull or AlterColumnKind.SetDefault or AlterColumnKind.DropDefault or AlterColumnKind.SetType } alter
                        when !state.Only && Catalog.Table(child.Oid).FindColumn(alter.Column) is not null:
                        RunOnChild(child.Oid, action);
                        break;
                    case DropConstraintAction drop:
                        DropCheckFromChild(child.Oid, drop, state.Only);
                        break;
                    case RenameConstraintAction rc when !state.Only && Catalog.Table(child.Oid).FindConstraint(rc.OldName) is CheckConstraintDef { InheritCount: > 0 }:
                        RunOnChild(child.Oid, action);
                        break;
                    case ValidateConstraintAction v when !state.Only && Catalog.Table(child.Oid).FindConstraint(v.Name) is CheckConstraintDef { InheritCount: > 0, Validated: false }:
                        RunOnChild(child.Oid, action);
                        break;
                }
            }
            // New inheritable CHECKs (ADD CONSTRAINT, or a column's CHECK) go to every child.
            if (!state.Only)
                foreach (var check in Catalog.Table(table.Oid).Checks.Where(c => !c.NoInherit && !state.ChecksBefore.Contains(c.Oid)))
                    foreach (var child in Catalog.InheritanceChildren(table.Oid).ToList())
                        AddCheckToChild(child.Oid, check);
        }
        finally
        {
            _inheritRecursing = wasRecursing;
        }
    }

    private void RunOnChild(uint childOid, AlterTableAction action)
    {
        var child = Catalog.Table(childOid);
        AlterTableActions(new AlterTableStatement(new QualifiedName(child.Schema, child.Name), [action]));
    }

    /// <summary>ADD COLUMN reaching a child: merged with a column of the same name (same type required), else added as inherited.</summary>
    private void AddColumnToChild(TableDef parent, uint childOid, AddColumnAction add)
    {
        var child = Catalog.Table(childOid);
        var name = add.Column.Name;
        var parentColumn = parent.FindColumn(name);
        if (parentColumn is null) return;
        if (child.FindColumn(name) is { } existing)
        {
            if (!SameColumnType(existing.Type, parentColumn.Type))
                throw new TenonException(SqlState.DatatypeMismatch, $"child table \"{child.Name}\" has different type for column \"{name}\"");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"merging definition of column \"{name}\" for child \"{child.Name}\""));
            PutColumn(child.Oid, existing with { InheritCount = existing.InheritCount + 1 });
            return;
        }
        // Keys and foreign keys stay with the parent; its CHECKs reach the child on their own.
        var definition = add.Column with
        {
            Constraints = add.Column.Constraints.Where(c => c is NotNullColumnConstraint or NullColumnConstraint or DefaultColumnConstraint
                or GeneratedColumnConstraint or IdentityColumnConstraint).ToArray(),
        };
        RunOnChild(childOid, new AddColumnAction(definition, false) { Position = add.Position });
        child = Catalog.Table(childOid);
        PutColumn(childOid, child.FindColumn(name)! with { InheritCount = 1, IsLocal = false });
    }

    /// <summary>
    /// DROP COLUMN reaching a child: the child's column goes too when it was only inherited from
    /// this one parent; otherwise it stays, one inheritance fewer (and its own with ONLY).
    /// </summary>
    private void DropColumnFromChild(uint childOid, DropColumnAction drop, bool only)
    {
        var child = Catalog.Table(childOid);
        if (child.FindColumn(drop.Column) is not { } column) return;
        if (!only && column.InheritCount == 1 && !column.IsLocal)
        {
            RunOnChild(childOid, drop with { IfExists = false });
            return;
        }
        PutColumn(childOid, column with { InheritCount = Math.Max(0, column.InheritCount - 1), IsLocal = column.IsLocal || only });
    }

    /// <summary>DROP CONSTRAINT of an inherited CHECK reaching a child: as <see cref="DropColumnFromChild"/> for the constraint.</summary>
    private void DropCheckFromChild(uint childOid, DropConstraintAction drop, bool only)
    {
        var child = Catalog.Table(childOid);
        if (child.FindConstraint(drop.Name) is not CheckConstraintDef { InheritCount: > 0 } check) return;
        if (!only && check.InheritCount == 1 && !check.IsLocal)
        {
            RunOnChild(childOid, drop with { IfExists = false });
            return;
        }
        PutConstraint(childOid, check with { InheritCount = check.InheritCount - 1, IsLocal = check.IsLocal || only });
    }

    /// <summary>
    /// A parent's new CHECK reaching a child: merged with a CHECK of the same name and expression
    /// (which ends the recursion there), else added as inherited, checked against the child's
    /// rows unless NOT VALID, and passed on to the child's children.
    /// </summary>
    private void AddCheckToChild(uint childOid, CheckConstraintDef check)
    {
        var child = Catalog.Table(childOid);
        if (child.FindConstraint(check.Name) is { } existing)
        {
            if (existing is not CheckConstraintDef ec || ExprText(ec.Condition) != ExprText(check.Condition))
                throw new TenonException(SqlState.DuplicateObject, $"constraint \"{check.Name}\" for relation \"{child.Name}\" already exists");
            if (ec.NoInherit)
                throw new TenonException(SqlState.InvalidObjectDefinition, $"constraint \"{check.Name}\" conflicts with non-inherited constraint on relation \"{child.Name}\"");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"merging constraint \"{check.Name}\" with inherited definition"));
            PutConstraint(childOid, ec with { InheritCount = ec.InheritCount + 1 });
            return;
        }
        var copy = InheritedCheck(child, check) with { Validated = check.Validated };
        if (copy.Validated)
        {
            var bound = new Binding.Binder(ctx).BindCondition(copy.Condition, Constraints.RowWriter.TableScope(child), "CHECK");
            foreach (var (_, row) in Tx.Rows(childOid).Scan())
                if (bound.Eval(row, ctx) is false)
                    throw new TenonException(SqlState.CheckViolation, $"check constraint \"{check.Name}\" of relation \"{child.Name}\" is violated by some row")
                    { SchemaName = child.Schema, TableName = child.Name, ConstraintName = check.Name };
        }
        Catalog = Catalog.PutTable(child with { Constraints = child.Constraints.Append(copy).ToArray() });
        foreach (var grandchild in Catalog.InheritanceChildren(childOid).ToList())
            AddCheckToChild(grandchild.Oid, copy);
    }

    /// <summary>
    /// ALTER TABLE child INHERIT parent: the child must already have every column of the parent
    /// (same type, NOT NULL where the parent has it) and every inheritable CHECK (same expression);
    /// their inheritance counts go up and the parent is appended to the child's parents.
    /// </summary>
    private void AddInheritance(TableDef child, QualifiedName parentName)
    {
        var parentOid = Lookup(parentName);
        if (parentOid == 0) throw SqlErrors.RelationDoesNotExist(parentName.ToString());
        if (!Catalog.Tables.TryGetValue(parentOid, out var parent) || parent.IsMatView)
            throw new TenonException(SqlState.WrongObjectType, $"\"{parentName.Name}\" is not a table");
        if (child.IsPartition)
            throw new TenonException(SqlState.WrongObjectType, "cannot change inheritance of a partition");
        if (child.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, "cannot change inheritance of partitioned table");
        if (parent.Temporary && !child.Temporary)
            throw new TenonException(SqlState.WrongObjectType, $"cannot inherit from temporary relation \"{parent.Name}\"");
        if (parent.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, $"cannot inherit from partitioned table \"{parent.Name}\"");
        if (parent.IsPartition)
            throw new TenonException(SqlState.WrongObjectType, "cannot inherit from a partition");
        if (child.InheritsFrom.Contains(parentOid))
            throw new TenonException(SqlState.DuplicateTable, $"relation \"{parent.Name}\" would be inherited from more than once");
        if (Catalog.InheritanceTree(child).Any(t => t.Oid == parentOid))
            throw new TenonException(SqlState.DuplicateTable, "circular inheritance not allowed",
                $"\"{parent.Name}\" is already a child of \"{child.Name}\".");
        var columns = child.Columns.ToList();
        foreach (var pc in parent.LiveColumns)
        {
            var c = child.FindColumn(pc.Name)
                ?? throw new TenonException(SqlState.DatatypeMismatch, $"child table is missing column \"{pc.Name}\"");
            if (!SameColumnType(c.Type, pc.Type))
                throw new TenonException(SqlState.DatatypeMismatch, $"child table \"{child.Name}\" has different type for column \"{pc.Name}\"");
            if (pc.NotNull && !c.NotNull)
                throw new TenonException(SqlState.DatatypeMismatch, $"column \"{pc.Name}\" in child table must be marked NOT NULL");
            if (pc.Generated is not null && c.Generated is null)
                throw new TenonException(SqlState.DatatypeMismatch, $"column \"{pc.Name}\" in child table must be a generated column");
            columns[c.Number - 1] = c with { InheritCount = c.InheritCount + 1 };
        }
        var constraints = child.Constraints.ToList();
        foreach (var check in parent.Checks.Where(c => !c.NoInherit))
        {
            var at = constraints.FindIndex(c => c.Name == check.Name && c is CheckConstraintDef);
            if (at < 0) throw new TenonException(SqlState.DatatypeMismatch, $"child table is missing constraint \"{check.Name}\"");
            var mine = (CheckConstraintDef)constraints[at];
            if (ExprText(mine.Condition) != ExprText(check.Condition))
                throw new TenonException(SqlState.DatatypeMismatch, $"child table \"{child.Name}\" has different definition for check constraint \"{check.Name}\"");
            if (mine.NoInherit)
                throw new TenonException(SqlState.InvalidObjectDefinition, $"constraint \"{check.Name}\" conflicts with non-inherited constraint on child table \"{child.Name}\"");
            if (check.Validated && !mine.Validated)
                throw new TenonException(SqlState.InvalidObjectDefinition, $"constraint \"{check.Name}\" conflicts with NOT VALID constraint on child table \"{child.Name}\"");
            constraints[at] = mine with { InheritCount = mine.InheritCount + 1 };
        }
        Catalog = Catalog.PutTable(child with { Columns = columns, Constraints = constraints, InheritsFrom = child.InheritsFrom.Append(parentOid).ToArray() });
    }

    /// <summary>ALTER TABLE child NO INHERIT parent: what the child inherited from it only becomes its own.</summary>
    private void RemoveInheritance(TableDef child, QualifiedName parentName)
    {
        var parentOid = Lookup(parentName);
        if (parentOid == 0) throw SqlErrors.RelationDoesNotExist(parentName.ToString());
        if (child.IsPartition)
            throw new TenonException(SqlState.WrongObjectType, "cannot change inheritance of a partition");
        if (child.IsPartitioned)
            throw new TenonException(SqlState.WrongObjectType, "cannot change inheritance of partitioned table");
        if (!child.InheritsFrom.Contains(parentOid))
            throw new TenonException(SqlState.UndefinedTable, $"relation \"{Catalog.RelationName(parentOid)}\" is not a parent of relation \"{child.Name}\"");
        var parent = Catalog.Table(parentOid);
        var columns = child.Columns.ToList();
        foreach (var pc in parent.LiveColumns)
            if (child.FindColumn(pc.Name) is { InheritCount: > 0 } c)
                columns[c.Number - 1] = c with { InheritCount = c.InheritCount - 1, IsLocal = c.IsLocal || c.InheritCount == 1 };
        var constraints = child.Constraints.ToList();
        foreach (var check in parent.Checks.Where(c => !c.NoInherit))
        {
            var at = constraints.FindIndex(c => c.Name == check.Name && c is CheckConstraintDef { InheritCount: > 0 });
            if (at < 0) continue;
            var mine = constraints[at];
            constraints[at] = mine with { InheritCount = mine.InheritCount - 1, IsLocal = mine.IsLocal || mine.InheritCount == 1 };
        }
        Catalog = Catalog.PutTable(child with { Columns = columns, Constraints = constraints, InheritsFrom = child.InheritsFrom.Where(p => p != parentOid).ToArray() });
    }

    /// <summary>ATTACH PARTITION of a table in an inheritance tree is refused.</summary>
    private void RejectInheritanceInPartitioning(TableDef table)
    {
        if (table.InheritsFrom.Count > 0)
            throw new TenonException(SqlState.WrongObjectType, "cannot attach inheritance child as partition");
        if (Catalog.HasInheritanceChildren(table.Oid))
            throw new TenonException(SqlState.WrongObjectType, "cannot attach inheritance parent as partition");
    }

    private void PutColumn(uint tableOid, ColumnDef column)
    {
        var table = Catalog.Table(tableOid);
        var columns = table.Columns.ToList();
        columns[column.Number - 1] = column;
        Catalog = Catalog.PutTable(table with { Columns = columns });
    }

    private void PutConstraint(uint tableOid, ConstraintDef constraint)
    {
        var table = Catalog.Table(tableOid);
        Catalog = Catalog.PutTable(table with { Constraints = table.Constraints.Select(c => c.Oid == constraint.Oid ? constraint : c).ToArray() });
    }
}
