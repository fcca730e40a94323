using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>ALTER VIEW … RENAME [COLUMN] a TO b and ALTER VIEW … SET / RESET (options).</summary>
public sealed partial class DdlExecutor
{
    public StatementResult AlterView(AlterViewStatement stmt)
    {
        const string tag = "ALTER VIEW";
        var oid = Lookup(stmt.Name);
        if (oid == 0)
        {
            if (!stmt.IfExists) throw new TenonException(SqlState.UndefinedTable, $"relation \"{stmt.Name}\" does not exist");
            ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", $"relation \"{stmt.Name}\" does not exist, skipping"));
            return new StatementResult(tag);
        }
        if (!Catalog.Views.TryGetValue(oid, out var view))
        {
            // As PostgreSQL: renaming a column through ALTER VIEW works on any relation with columns.
            if (stmt.Action is RenameColumnAction && Catalog.Tables.ContainsKey(oid))
            {
                AlterTable(new AlterTableStatement(stmt.Name, [stmt.Action]) { Position = stmt.Position, MaterializedView = Catalog.Tables[oid].IsMatView });
                return new StatementResult(tag);
            }
            throw new TenonException(SqlState.WrongObjectType, $"\"{stmt.Name.Name}\" is not a view");
        }
        Catalog = Catalog.PutView(stmt.Action switch
        {
            RenameColumnAction r => RenameViewColumn(view, r.OldName, r.NewName),
            RelOptionsAction o => view with { Options = AlteredViewOptions(view, o) },
            _ => throw new InvalidOperationException(stmt.Action.GetType().Name),
        });
        return new StatementResult(tag);
    }

    /// <summary>
    /// The view's output column takes the new name, as its attribute does in PostgreSQL. Views
    /// reading it recorded its column names when they were made and keep using those.
    /// </summary>
    private ViewDef RenameViewColumn(ViewDef view, string oldName, string newName)
    {
        var index = -1;
        for (var i = 0; i < view.Columns.Count; i++)
            if (view.Columns[i].Name == oldName) index = i;
        if (index < 0) throw new TenonException(SqlState.UndefinedColumn, $"column \"{oldName}\" does not exist");
        newName = NameGenerator.Truncate(newName);
        if (view.Columns.Any(c => c.Name == newName))
            throw new TenonException(SqlState.DuplicateColumn, $"column \"{newName}\" of relation \"{view.Name}\" already exists");
        // Stored queries made before views recorded the column names of the views they read
        // would look the old name up again.
        foreach (var reader in Catalog.StoredQueries)
            if (reader.DependsOn.Contains(view.Oid) && !reader.TableColumns.Any(t => t.TableOid == view.Oid))
                throw new TenonException(SqlState.FeatureNotSupported,
                    $"cannot rename a column of view \"{view.Name}\" while \"{reader.Name}\" reads it: recreate \"{reader.Name}\" first");
        var columns = view.Columns.Select((c, i) => i == index ? c with { Name = newName } : c).ToList();
        return view with { Columns = columns, ColumnNames = columns.Select(c => c.Name).ToList() };
    }

    /// <summary>SET keeps the options it does not name, in order, then adds the given ones; RESET removes the named ones.</summary>
    private static List<string> AlteredViewOptions(ViewDef view, RelOptionsAction action)
    {
        var named = action.Options.Select(o => o.Name).ToHashSet();
        var options = view.Options.Where(o => !named.Contains(RelOptionValues.NameOf(o))).ToList();
        if (action.Reset)
        {
            if (action.Options.Any(o => o.Value is not null))
                throw new TenonException(SqlState.SyntaxError, "RESET must not include values for parameters");
        }
        else options.AddRange(action.Options.Select(o => o.Value is null ? $"{o.Name}=true" : $"{o.Name}={o.Value}"));
        CheckViewOptions(options, view.Query);
        return options;
    }
}
