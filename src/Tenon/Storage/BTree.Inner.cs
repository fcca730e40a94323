using System.Runtime.CompilerServices;

namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// An inner node: <see cref="Node.Count"/> children and <c>Count - 1</c> separators. Child
    /// <c>i</c> holds exactly the keys <c>k</c> with <c>Keys[i-1] &lt;= k &lt; Keys[i]</c>
    /// (missing bounds are open), so the child for a key is the number of separators <c>&lt;=</c> it.
    /// </summary>
    private sealed class Inner : Node
    {
        public Inner(WriteToken owner, int capacity)
            : base(owner, new TKey[capacity])
        {
            Children = new Node[capacity + 1];
        }

        public readonly Node?[] Children;

        /// <summary>A copy owned by <paramref name="owner"/>, sharing the (frozen or foreign) children.</summary>
        public Inner Clone(WriteToken owner)
        {
            var copy = new Inner(owner, Keys.Length) { Count = Count };
            Array.Copy(Keys, copy.Keys, Count - 1);
            Array.Copy(Children, copy.Children, Count);
            return copy;
        }

        public Node Child(int index) => Children[index]!;

        /// <summary>
        /// Removes child <paramref name="index"/> and one separator next to it: the one on its
        /// left, or for child 0 the one on its right. The neighbour absorbs the key range.
        /// </summary>
        public void RemoveChild(int index)
        {
            int n = Count;
            Array.Copy(Children, index + 1, Children, index, n - index - 1);
            Children[n - 1] = null;
            if (n > 1)
            {
                int keyIndex = index > 0 ? index - 1 : 0;
                int keys = n - 1;
                Array.Copy(Keys, keyIndex + 1, Keys, keyIndex, keys - keyIndex - 1);
                ClearKeys(keys - 1, 1);
            }
            Count = n - 1;
        }

        public void ClearKeys(int start, int count)
        {
            if (RuntimeHelpers.IsReferenceOrContainsReferences<TKey>()) Array.Clear(Keys, start, count);
        }
    }
}
