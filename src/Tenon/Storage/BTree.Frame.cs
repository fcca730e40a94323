namespace Tenon.Storage;

public sealed partial class BTree<TKey, TValue>
{
    /// <summary>One level of an iteration's cursor stack: an inner node and the child being visited.</summary>
    private struct Frame
    {
        public Inner Node;
        public int Index;
    }
}
