using System.Data.Common;

namespace Tenon.Data;

/// <summary>The commands of a <see cref="TenonBatch"/>, run in list order.</summary>
public sealed class TenonBatchCommandCollection : DbBatchCommandCollection
{
    private readonly List<TenonBatchCommand> _items = new();

    internal TenonBatchCommandCollection() { }

    internal IReadOnlyList<TenonBatchCommand> Items => _items;

    public override int Count => _items.Count;

    public override bool IsReadOnly => false;

    public new TenonBatchCommand this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Add(TenonBatchCommand item) => _items.Add(item);

    /// <summary>Adds a command with this text and returns it, for adding parameters.</summary>
    public TenonBatchCommand Add(string commandText)
    {
        var command = new TenonBatchCommand(commandText);
        _items.Add(command);
        return command;
    }

    public override void Add(DbBatchCommand item) => _items.Add(Cast(item));

    public override void Clear() => _items.Clear();

    public override bool Contains(DbBatchCommand item) => item is TenonBatchCommand c && _items.Contains(c);

    public override void CopyTo(DbBatchCommand[] array, int arrayIndex)
    {
        foreach (var item in _items) array[arrayIndex++] = item;
    }

    public override IEnumerator<DbBatchCommand> GetEnumerator() => ((IEnumerable<DbBatchCommand>)_items).GetEnumerator();

    public override int IndexOf(DbBatchCommand item) => item is TenonBatchCommand c ? _items.IndexOf(c) : -1;

    public override void Insert(int index, DbBatchCommand item) => _items.Insert(index, Cast(item));

    public override bool Remove(DbBatchCommand item) => item is TenonBatchCommand c && _items.Remove(c);

    public override void RemoveAt(int index) => _items.RemoveAt(index);

    protected override DbBatchCommand GetBatchCommand(int index) => _items[index];

    protected override void SetBatchCommand(int index, DbBatchCommand batchCommand) => _items[index] = Cast(batchCommand);

    private static TenonBatchCommand Cast(DbBatchCommand item) =>
        item as TenonBatchCommand ?? throw new InvalidCastException($"A Tenon batch takes TenonBatchCommand, not {item?.GetType().Name ?? "null"}.");
}
