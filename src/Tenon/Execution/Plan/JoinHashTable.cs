using Tenon.Execution.Expressions;
using Tenon.Types;

namespace Tenon.Execution.Plan;

/// <summary>
/// The hashed right side of a hash join: for each key, the indexes of the right rows with that
/// key in ascending order, chained through one array (no list per key). A single integer key
/// is hashed as a plain long (<see cref="IntegerKeyChains"/>), another single key as the value
/// itself, several as an array. Rows with a NULL key are left out: they can match nothing.
/// (<see cref="JoinAggregateNode"/> builds one over a join's left rows and probes it with the
/// right ones: "left" and "right" here name the table's sides, probing and hashed.)
/// </summary>
internal sealed class JoinHashTable
{
    private readonly IReadOnlyList<BoundExpr> _leftKeys;
    /// <summary>The probing row's slot when its one key is a plain column (read without evaluating), else -1.</summary>
    private readonly int _leftColumn;
    private readonly IntegerKeyChains? _integers;
    /// <summary>The type of the integer key: its values are boxed as exactly this type's CLR type.</summary>
    private readonly TypeId _integerType;
    private readonly Dictionary<object, (int First, int Last)>? _single;
    private readonly Dictionary<object?[], (int First, int Last)>? _multi;
    private readonly int[] _next;

    public JoinHashTable(IReadOnlyList<BoundExpr> leftKeys, IReadOnlyList<BoundExpr> rightKeys, List<object?[]> rightRows, ExecContext ctx)
    {
        _leftKeys = leftKeys;
        _leftColumn = leftKeys is [ColumnExpr { Level: 0 } column] ? column.Index : -1;
        _next = new int[rightRows.Count];
        var session = ctx.Session;
        if (rightKeys.Count == 1 && rightKeys[0].Type.Id is TypeId.Int2 or TypeId.Int4 or TypeId.Int8)
        {
            var key = rightKeys[0];
            _integerType = key.Type.Id;
            _integers = new IntegerKeyChains(rightRows.Count);
            for (var i = 0; i < rightRows.Count; i++)
            {
                session.CheckForInterrupts();
                _next[i] = -1;
                if (key.Eval(rightRows[i], ctx) is { } value && _integers.Append(Integer(value), i) is var previous and >= 0)
                    _next[previous] = i;
            }
        }
        else if (rightKeys.Count == 1)
        {
            var key = rightKeys[0];
            _single = new Dictionary<object, (int, int)>(new ValueEquality(key.Type.Id));
            for (var i = 0; i < rightRows.Count; i++)
            {
                session.CheckForInterrupts();
                if (key.Eval(rightRows[i], ctx) is { } value) Append(_single, value, i);
            }
        }
        else
        {
            _multi = new Dictionary<object?[], (int, int)>(new KeyComparer(rightKeys.Select(k => k.Type)));
            for (var i = 0; i < rightRows.Count; i++)
            {
                session.CheckForInterrupts();
                if (EvalKey(rightKeys, rightRows[i], ctx) is { } key) Append(_multi, key, i);
            }
        }
    }

    private void Append<TKey>(Dictionary<TKey, (int First, int Last)> map, TKey key, int row) where TKey : notnull
    {
        _next[row] = -1;
        ref var chain = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(map, key, out var exists);
        if (exists)
        {
            _next[chain.Last] = row;
            chain.Last = row;
        }
        else chain = (row, row);
    }

    /// <summary>The first right row whose key equals the left row's keys, or -1; the next ones follow through <see cref="Next"/>.</summary>
    public int First(object?[] leftRow, ExecContext ctx)
    {
        if (_integers is not null)
            return (_leftColumn >= 0 ? leftRow[_leftColumn] : _leftKeys[0].Eval(leftRow, ctx)) is { } number ? _integers.First(Integer(number)) : -1;
        if (_single is not null)
            return _leftKeys[0].Eval(leftRow, ctx) is { } value && _single.TryGetValue(value, out var chain) ? chain.First : -1;
        return EvalKey(_leftKeys, leftRow, ctx) is { } key && _multi!.TryGetValue(key, out var c) ? c.First : -1;
    }

    /// <summary>An integer key's value (as <see cref="ValueComparer"/> reads it: unboxed as the key type's own CLR type).</summary>
    private long Integer(object value) => _integerType switch
    {
        TypeId.Int4 => (int)value,
        TypeId.Int8 => (long)value,
        _ => (short)value,
    };

    /// <summary>The right row after <paramref name="row"/> with the same key, or -1.</summary>
    public int Next(int row) => _next[row];

    /// <summary>The key of a row, or null when a key value is NULL (it can match nothing).</summary>
    private static object?[]? EvalKey(IReadOnlyList<BoundExpr> keys, object?[] row, ExecContext ctx)
    {
        var key = new object?[keys.Count];
        var hasNull = false;
        // Every key is evaluated even after a NULL, as an error in a later one must still be raised.
        for (var k = 0; k < key.Length; k++)
            hasNull |= (key[k] = keys[k].Eval(row, ctx)) is null;
        return hasNull ? null : key;
    }

    /// <summary>Equality and hash of non-null values of one type, as <see cref="KeyComparer"/> has them per column.</summary>
    private sealed class ValueEquality(TypeId type) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => ValueComparer.Equal(x!, y!, type);
        public int GetHashCode(object obj) => ValueComparer.Hash(obj, type);
    }
}
