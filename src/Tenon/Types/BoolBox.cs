namespace Tenon.Types;

/// <summary>
/// The two boxed booleans. Expressions return values as <c>object</c>; a condition evaluated for
/// every row would otherwise allocate a new box per row.
/// </summary>
public static class BoolBox
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Of(bool value) => value ? True : False;
}
