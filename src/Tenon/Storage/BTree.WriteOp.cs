namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>The state of one Set/Insert/Replace as it travels down the tree and back up.</summary>
    private struct WriteOp
    {
        public TKey Key;
        public TValue Value;
        public WriteToken Token;

        /// <summary>Whether an absent key may be inserted (Set, Insert).</summary>
        public bool MayInsert;

        /// <summary>Whether an existing key's value may be replaced (Set, Replace).</summary>
        public bool MayReplace;

        /// <summary>Set when the key was found.</summary>
        public bool Existed;

        /// <summary>Set by a split (I.3): the new right sibling the parent must adopt.</summary>
        public Node? SplitRight;

        /// <summary>The separator that goes with <see cref="SplitRight"/>.</summary>
        public TKey SplitKey;

        /// <summary>Whether to report the inserted entry's neighbours (<see cref="InsertWithNeighbours"/>).</summary>
        public bool WantNeighbours;

        /// <summary>Set once the descent leaves the leftmost path (some entry lies left of the leaf).</summary>
        public bool LeftOfLeaf;

        /// <summary>The inserted entry's neighbours, when <see cref="WantNeighbours"/>.</summary>
        public Neighbours Neighbours;
    }

    /// <summary>Where the entry next to an inserted one is.</summary>
    internal enum NeighbourKind
    {
        /// <summary>There is none: the inserted entry is the first (or last) of the tree.</summary>
        None,

        /// <summary>It is in the same leaf; its key is given.</summary>
        InLeaf,

        /// <summary>There may be one, in the neighbouring leaf; not looked up.</summary>
        OtherLeaf,
    }

    /// <summary>The entries just before and just after an inserted one, as far as its leaf tells.</summary>
    internal struct Neighbours
    {
        public NeighbourKind BeforeKind;
        public TKey? Before;
        public NeighbourKind AfterKind;
        public TKey? After;
    }
}
