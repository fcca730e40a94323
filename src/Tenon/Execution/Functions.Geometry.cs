using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The geometric functions (point(), box(), area(), npoints(), circle_center() …) from
/// <see cref="GeoCatalog"/>: looked up when an argument is of a geometric type or the name is
/// one of the types' constructors (point(1, 2), box('…')), or every argument an unknown literal
/// that only one geometric function of that name fits (slope('(0,0)', '(1,1)')).
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveGeometry(string name, IReadOnlyList<SqlType> args)
    {
        var geometric = false;
        var allUnknown = args.Count > 0;
        foreach (var a in args)
        {
            geometric |= a.IsGeometric;
            allUnknown &= a.Id == TypeId.Unknown;
        }
        if (!geometric && !(allUnknown && GeoCatalog.HasFunction(name)) && name is not ("point" or "lseg" or "path" or "box" or "polygon" or "line" or "circle")) return null;
        if (GeoCatalog.ResolveFunction(name, args) is not { } e) return null;
        var body = e.Body;
        return new FunctionDef(e.Args, e.Result, (v, _) => body(v!));
    }
}
