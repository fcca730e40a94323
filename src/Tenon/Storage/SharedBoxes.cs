namespace Tenon.Storage;

/// <summary>
/// One shared box per small integer (-128 to 1023) and per boolean. A stored row keeps its values
/// boxed, one heap object each; quantities, flags, status codes and other small values are common,
/// and a row that points at a shared box instead leaves the garbage collector one object fewer to
/// trace and copy for as long as the row lives. Boxed integers are immutable and compared by value,
/// so which box a row holds is invisible.
/// </summary>
internal static class SharedBoxes
{
    private const int Min = -128;
    private const int Count = 1152;

    private static readonly object[] Int2s = Make(i => (short)i);
    private static readonly object[] Int4s = Make(i => i);
    private static readonly object[] Int8s = Make(i => (long)i);
    private static readonly object True = true;
    private static readonly object False = false;

    private static object[] Make(Func<int, object> box)
    {
        var boxes = new object[Count];
        for (var i = 0; i < Count; i++) boxes[i] = box(i + Min);
        return boxes;
    }

    /// <summary>Replaces the row's small integer and boolean values by their shared boxes.</summary>
    public static void Share(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            switch (row[i])
            {
                case int v when (uint)(v - Min) < Count:
                    row[i] = Int4s[v - Min];
                    break;
                case long v when (ulong)(v - Min) < Count:
                    row[i] = Int8s[v - Min];
                    break;
                case short v when (uint)(v - Min) < Count:
                    row[i] = Int2s[v - Min];
                    break;
                case bool v:
                    row[i] = v ? True : False;
                    break;
            }
        }
    }
}
