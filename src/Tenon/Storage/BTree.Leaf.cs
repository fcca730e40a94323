using System.Runtime.CompilerServices;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>A leaf: <see cref="Node.Count"/> entries, keys strictly ascending.</summary>
    private sealed class Leaf : Node
    {
        public Leaf(WriteToken owner, int capacity)
            : base(owner, new TKey[capacity + 1])
        {
            Values = new TValue[capacity + 1];
        }

        public readonly TValue[] Values;

        /// <summary>A copy owned by <paramref name="owner"/>, with the same capacity.</summary>
        public Leaf Clone(WriteToken owner)
        {
            var copy = new Leaf(owner, Keys.Length - 1) { Count = Count };
            Array.Copy(Keys, copy.Keys, Count);
            Array.Copy(Values, copy.Values, Count);
            return copy;
        }

        public void InsertAt(int index, TKey key, TValue value)
        {
            int n = Count;
            if (index < n)
            {
                Array.Copy(Keys, index, Keys, index + 1, n - index);
                Array.Copy(Values, index, Values, index + 1, n - index);
            }
            Keys[index] = key;
            Values[index] = value;
            Count = n + 1;
        }

        public void RemoveAt(int index)
        {
            int n = Count - 1;
            if (index < n)
            {
                Array.Copy(Keys, index + 1, Keys, index, n - index);
                Array.Copy(Values, index + 1, Values, index, n - index);
            }
            ClearRange(n, 1);
            Count = n;
        }

        /// <summary>Appends <paramref name="count"/> entries of <paramref name="source"/> from <paramref name="start"/>.</summary>
        public void Append(Leaf source, int start, int count)
        {
            Array.Copy(source.Keys, start, Keys, Count, count);
            Array.Copy(source.Values, start, Values, Count, count);
            Count += count;
        }

        /// <summary>Drops references in unused slots so frozen garbage is not kept alive.</summary>
        public void ClearRange(int start, int count)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>()) Array.Clear(Keys, start, count);
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TValue>()) Array.Clear(Values, start, count);
        }
    }
}
