using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Binding;

/// <summary>A column visible in a FROM scope, at a fixed index of the flat input row.</summary>
public sealed record ScopeColumn(string Name, SqlType Type, int Index, uint TableOid = 0, short ColumnNumber = 0)
{
    /// <summary>Hidden columns (row ids, dropped columns) are never found by name or expanded by <c>*</c>.</summary>
    public bool Hidden { get; init; }
}

/// <summary>One column of a bare <c>*</c>: the FROM entry that has it (null: an entry without a name) and its name.</summary>
public readonly record struct StarColumn(string? Alias, string Name);

/// <summary>One FROM item as it can be named: a table, subquery, function or join alias, and its columns.</summary>
public sealed class RangeEntry(string? alias, IReadOnlyList<ScopeColumn> columns)
{
    public string? Alias { get; } = alias;
    public IReadOnlyList<ScopeColumn> Columns { get; } = columns;
    public uint TableOid { get; init; }
    /// <summary>The row type of the table or view this entry reads: a whole-row reference has it as its type.</summary>
    public Catalog.CompositeTypeDef? RowType { get; set; }
    /// <summary>On the nullable side of an outer join: its rows may be null-extended.</summary>
    public bool NullExtended { get; set; }
    /// <summary>Columns merged by JOIN USING/NATURAL are visible once, unqualified, through the join.</summary>
    public HashSet<string> MergedAway { get; } = new();
    /// <summary>
    /// Present only so that naming it gives PostgreSQL's "cannot be referenced from this part of the
    /// query" error (EXCLUDED in an INSERT's RETURNING); its columns are never found.
    /// </summary>
    public bool Unreferenceable { get; init; }
    /// <summary>
    /// The merged columns of a JOIN … USING / NATURAL, named by the join's alias (USING (…) AS x) or by
    /// a name no query can spell (<see cref="Synthetic"/>): found as alias.col and alias.*, never
    /// unqualified (<see cref="Scope.UsingColumns"/> answers those) or by a bare *.
    /// </summary>
    public bool QualifiedOnly { get; init; }
    /// <summary>A merged-columns entry of a join without an alias: never named in messages or plans.</summary>
    public bool Synthetic { get; init; }
    /// <summary>A function in FROM that returns a scalar (json_array_elements …): naming it is its value, not a row.</summary>
    public bool ScalarFunction { get; set; }
}

/// <summary>
/// The names visible while binding one query level: its FROM entries, in order, and the enclosing
/// query's scope for correlated references. Resolution follows PostgreSQL: an unqualified name must
/// match exactly one column among this level's entries (else 42702 ambiguous), and only if it
/// matches none are outer levels searched.
/// </summary>
public sealed class Scope(Scope? parent)
{
    public Scope? Parent { get; } = parent;
    public List<RangeEntry> Entries { get; } = new();
    /// <summary>Unqualified names produced by JOIN USING, resolving to a merged expression slot.</summary>
    public Dictionary<string, ScopeColumn> UsingColumns { get; } = new();
    public int Width { get; set; }

    /// <summary>
    /// What a bare <c>*</c> lists, in PostgreSQL's order: each FROM item's columns, where a join
    /// lists its merged USING / NATURAL columns first, then its left side's other columns, then its
    /// right side's (<see cref="Binder"/>'s BindJoin rewrites its sides' part of the list).
    /// </summary>
    public List<StarColumn> Star { get; } = new();

    public void Add(RangeEntry entry)
    {
        if (entry.Alias is not null && Entries.Any(e => e.Alias == entry.Alias))
            throw new TenonException(SqlState.DuplicateAlias, $"table name \"{entry.Alias}\" specified more than once");
        Entries.Add(entry);
        if (entry.QualifiedOnly || entry.Unreferenceable) return;
        foreach (var c in entry.Columns)
            if (!c.Hidden) Star.Add(new StarColumn(entry.Alias, c.Name));
    }

    /// <summary>The column a <see cref="Star"/> item stands for.</summary>
    public ScopeColumn Resolve(StarColumn item)
    {
        foreach (var e in Entries)
            if (e.Alias == item.Alias)
                foreach (var c in e.Columns)
                    if (!c.Hidden && c.Name == item.Name) return c;
        throw new InvalidOperationException($"no column {item.Alias}.{item.Name} in scope");
    }

    /// <summary>Finds an unqualified column at this level; null when absent.</summary>
    public ScopeColumn? FindUnqualified(string name, int position)
    {
        if (UsingColumns.TryGetValue(name, out var merged)) return merged;
        ScopeColumn? found = null;
        foreach (var e in Entries)
        {
            if (e.MergedAway.Contains(name) || e.Unreferenceable || e.QualifiedOnly) continue;
            foreach (var c in e.Columns)
            {
                if (c.Hidden || c.Name != name) continue;
                if (found is not null)
                    throw new TenonException(SqlState.AmbiguousColumn, $"column reference \"{name}\" is ambiguous") { Position = position };
                found = c;
            }
        }
        return found;
    }

    public RangeEntry? FindEntry(string alias) => Entries.FirstOrDefault(e => e.Alias == alias);
}
