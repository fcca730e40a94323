namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>
    /// What leaves and inner nodes share: the owning token and the sorted key array. Arrays are
    /// allocated one slot larger than the node's capacity so that an insert can overflow a node
    /// by one entry before it is split (step I.3 of the essay).
    /// </summary>
    private abstract class Node
    {
        protected Node(WriteToken owner, TKey[] keys)
        {
            Owner = owner;
            Keys = keys;
        }

        /// <summary>The token this node was created under; only that token may change it.</summary>
        public readonly WriteToken Owner;

        /// <summary>Leaf: the entries' keys. Inner: separators, <c>Count - 1</c> of them.</summary>
        public readonly TKey[] Keys;

        /// <summary>Leaf: number of entries. Inner: number of children.</summary>
        public int Count;
    }
}
