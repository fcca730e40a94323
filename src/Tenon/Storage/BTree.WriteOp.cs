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
    }
}
