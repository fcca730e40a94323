using System.Collections.Immutable;

namespace Tenon.Catalog;

/// <summary>User-defined functions, procedures and triggers of a catalog.</summary>
public sealed record RoutineCatalog(ImmutableDictionary<uint, RoutineDef> Functions, ImmutableDictionary<uint, TriggerDef> Triggers)
{
    public static RoutineCatalog Empty { get; } = new(ImmutableDictionary<uint, RoutineDef>.Empty, ImmutableDictionary<uint, TriggerDef>.Empty);

    /// <summary>User-defined operator families (pg_opfamily).</summary>
    public ImmutableDictionary<uint, OpFamilyDef> OpFamilies { get; init; } = ImmutableDictionary<uint, OpFamilyDef>.Empty;
    /// <summary>User-defined operator classes (pg_opclass).</summary>
    public ImmutableDictionary<uint, OpClassDef> OpClasses { get; init; } = ImmutableDictionary<uint, OpClassDef>.Empty;

    /// <summary>Extended statistics objects (pg_statistic_ext).</summary>
    public ImmutableDictionary<uint, StatisticsDef> Statistics { get; init; } = ImmutableDictionary<uint, StatisticsDef>.Empty;

    /// <summary>Whether any object lives in the operator-class and statistics section of a file (<c>CatalogCodec.WriteOperatorClasses</c>).</summary>
    public bool HasOperatorClasses => !OpFamilies.IsEmpty || !OpClasses.IsEmpty || !Statistics.IsEmpty;
}

public sealed partial class SystemCatalog
{
    public RoutineCatalog Routines { get; private set; } = RoutineCatalog.Empty;

    public ImmutableDictionary<uint, RoutineDef> Functions => Routines.Functions;

    public SystemCatalog WithRoutines(RoutineCatalog routines)
    {
        var c = With();
        c.Routines = routines;
        return c;
    }

    public SystemCatalog PutFunction(RoutineDef f) => WithRoutines(Routines with { Functions = Routines.Functions.SetItem(f.Oid, f) });

    public SystemCatalog RemoveFunction(uint oid) =>
        WithRoutines(Routines with { Functions = Routines.Functions.Remove(oid) });

    public SystemCatalog PutTrigger(TriggerDef t) => WithRoutines(Routines with { Triggers = Routines.Triggers.SetItem(t.Oid, t) });

    public SystemCatalog RemoveTrigger(uint oid) => WithRoutines(Routines with { Triggers = Routines.Triggers.Remove(oid) });

    public SystemCatalog PutOpFamily(OpFamilyDef f) => WithRoutines(Routines with { OpFamilies = Routines.OpFamilies.SetItem(f.Oid, f) });

    public SystemCatalog RemoveOpFamily(uint oid) => WithRoutines(Routines with { OpFamilies = Routines.OpFamilies.Remove(oid) });

    public SystemCatalog PutOpClass(OpClassDef c) => WithRoutines(Routines with { OpClasses = Routines.OpClasses.SetItem(c.Oid, c) });

    public SystemCatalog RemoveOpClass(uint oid) => WithRoutines(Routines with { OpClasses = Routines.OpClasses.Remove(oid) });

    public SystemCatalog PutStatistics(StatisticsDef s) => WithRoutines(Routines with { Statistics = Routines.Statistics.SetItem(s.Oid, s) });

    /// <summary>Removes statistics objects and their comments.</summary>
    public SystemCatalog RemoveStatistics(IEnumerable<uint> oids)
    {
        var catalog = this;
        foreach (var oid in oids.ToList())
        {
            catalog = catalog.SetComment(new CommentKey(CommentKey.StatisticsClass, oid, 0), null);
            catalog = catalog.WithRoutines(catalog.Routines with { Statistics = catalog.Routines.Statistics.Remove(oid) });
        }
        return catalog;
    }

    /// <summary>The statistics objects of a table, in name order.</summary>
    public IEnumerable<StatisticsDef> StatisticsOf(uint tableOid) =>
        Routines.Statistics.IsEmpty ? [] : Routines.Statistics.Values.Where(s => s.TableOid == tableOid).OrderBy(s => s.Name, StringComparer.Ordinal);

    /// <summary>Functions and procedures of this name visible in <paramref name="schemas"/> (the first schema holding any wins).</summary>
    public List<RoutineDef> FunctionsNamed(string name, IEnumerable<string> schemas)
    {
        if (Routines.Functions.IsEmpty) return new List<RoutineDef>();
        foreach (var s in schemas)
        {
            var found = Routines.Functions.Values.Where(f => f.Name == name && f.Schema == s).OrderBy(f => f.Oid).ToList();
            if (found.Count > 0) return found;
        }
        return new List<RoutineDef>();
    }

    /// <summary>The triggers of a table, in name order (the order PostgreSQL fires them in).</summary>
    public IReadOnlyList<TriggerDef> TriggersOf(uint tableOid)
    {
        if (Routines.Triggers.IsEmpty) return Array.Empty<TriggerDef>();
        return Routines.Triggers.Values.Where(t => t.TableOid == tableOid).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }
}
