using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution.Plan;

public sealed record SortKey(BoundExpr Expr, bool Descending, bool NullsFirst);

/// <summary>ORDER BY: a stable sort on key expressions evaluated once per row.</summary>
public sealed partial class SortNode(PlanNode input, IReadOnlyList<SortKey> keys) : PlanNode
{
    public override IReadOnlyList<PlanColumn> Columns => input.Columns;

    private readonly TypeId[] _types = keys.Select(k => k.Expr.Type.Id).ToArray();

    public override IEnumerable<object?[]> Execute(ExecContext ctx)
    {
        var rows = new List<(object?[] Row, object?[] Keys)>();
        foreach (var row in input.Execute(ctx))
            rows.Add((row, KeysOf(row, ctx)));
        var session = ctx.Session;
        var ordered = rows.OrderBy(r => r.Keys, Comparer<object?[]>.Create((a, b) =>
        {
            session.CheckForInterrupts();
            return CompareKeys(a, b);
        }));
        foreach (var r in ordered) yield return r.Row;
    }

    /// <summary>
    /// The first <paramref name="count"/> rows of <see cref="Execute"/> (LIMIT over ORDER BY):
    /// the same rows in the same order, ties in input order, but kept in a heap of that many
    /// rows instead of sorting all of them.
    /// </summary>
    internal IEnumerable<object?[]> ExecuteTop(ExecContext ctx, int count)
    {
        // A max-heap of the best rows so far, worst on top; a row's input position breaks ties
        // of its keys, which makes the order total and the result that of the stable sort.
        var heap = new List<(object?[] Row, object?[] Keys, long Seq)>(count);
        var session = ctx.Session;
        long seq = 0;
        // The input may hand over one reused array (ExecuteTransient): a row the heap keeps is
        // copied, and a row it turns down costs no allocation, its keys evaluated into a scratch array.
        var scratch = new object?[keys.Count];
        foreach (var row in input.ExecuteTransient(ctx))
        {
            KeysInto(row, scratch, ctx);
            var s = seq++;
            if (heap.Count < count)
            {
                heap.Add(((object?[])row.Clone(), scratch, s));
                scratch = new object?[scratch.Length];
                SiftUp(heap, heap.Count - 1);
            }
            else
            {
                session.CheckForInterrupts();
                // A later row replaces the worst only when its keys are strictly better.
                if (CompareKeys(scratch, heap[0].Keys) >= 0) continue;
                var worst = heap[0].Keys;
                heap[0] = ((object?[])row.Clone(), scratch, s);
                scratch = worst;
                SiftDown(heap, 0);
            }
        }
        heap.Sort((a, b) => Compare(a, b));
        foreach (var e in heap) yield return e.Row;
    }

    private object?[] KeysOf(object?[] row, ExecContext ctx)
    {
        var values = new object?[keys.Count];
        KeysInto(row, values, ctx);
        return values;
    }

    private void KeysInto(object?[] row, object?[] values, ExecContext ctx)
    {
        for (var i = 0; i < values.Length; i++) values[i] = keys[i].Expr.Eval(row, ctx);
    }

    private int Compare((object?[] Row, object?[] Keys, long Seq) a, (object?[] Row, object?[] Keys, long Seq) b)
    {
        var c = CompareKeys(a.Keys, b.Keys);
        return c != 0 ? c : a.Seq.CompareTo(b.Seq);
    }

    private void SiftUp(List<(object?[] Row, object?[] Keys, long Seq)> heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Compare(heap[i], heap[parent]) <= 0) return;
            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private void SiftDown(List<(object?[] Row, object?[] Keys, long Seq)> heap, int i)
    {
        while (true)
        {
            var largest = i;
            var l = 2 * i + 1;
            var r = l + 1;
            if (l < heap.Count && Compare(heap[l], heap[largest]) > 0) largest = l;
            if (r < heap.Count && Compare(heap[r], heap[largest]) > 0) largest = r;
            if (largest == i) return;
            (heap[i], heap[largest]) = (heap[largest], heap[i]);
            i = largest;
        }
    }

    private int CompareKeys(object?[] a, object?[] b)
    {
        for (var i = 0; i < _types.Length; i++)
        {
            var x = a[i];
            var y = b[i];
            int c;
            if (x is null || y is null)
            {
                if (x is null && y is null) continue;
                return (x is null) == keys[i].NullsFirst ? -1 : 1;
            }
            c = ValueComparer.Compare(x, y, _types[i]);
            if (c != 0) return keys[i].Descending ? -c : c;
        }
        return 0;
    }
}
