using System.Collections;
using System.Data.Common;

namespace Tenon.Data;

/// <summary>The parameters of a <see cref="TenonCommand"/>. Names are matched without a leading <c>@</c>, exactly first and then ignoring case.</summary>
public sealed class TenonParameterCollection : DbParameterCollection
{
    private readonly List<TenonParameter> _items = new();

    internal TenonParameterCollection() { }

    public override int Count => _items.Count;
    public override object SyncRoot => ((ICollection)_items).SyncRoot;

    public new TenonParameter this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public new TenonParameter this[string parameterName]
    {
        get => _items[IndexOrThrow(parameterName)];
        set => _items[IndexOrThrow(parameterName)] = value;
    }

    public TenonParameter Add(TenonParameter parameter)
    {
        _items.Add(parameter);
        return parameter;
    }

    public override int Add(object value)
    {
        _items.Add(Cast(value));
        return _items.Count - 1;
    }

    public TenonParameter AddWithValue(string parameterName, object? value) => Add(new TenonParameter(parameterName, value));

    /// <summary>Adds a positional (unnamed) parameter.</summary>
    public TenonParameter AddWithValue(object? value) => Add(new TenonParameter(null, value));

    public TenonParameter Add(string parameterName, TenonDbType type) => Add(new TenonParameter(parameterName, type));

    public override void AddRange(Array values)
    {
        foreach (var v in values) Add(v!);
    }

    public override void Clear() => _items.Clear();

    public override bool Contains(object value) => value is TenonParameter p && _items.Contains(p);

    public override bool Contains(string value) => IndexOf(value) >= 0;

    public override void CopyTo(Array array, int index) => ((ICollection)_items).CopyTo(array, index);

    public override IEnumerator GetEnumerator() => _items.GetEnumerator();

    public override int IndexOf(object value) => value is TenonParameter p ? _items.IndexOf(p) : -1;

    public override int IndexOf(string parameterName)
    {
        // Runs for every named parameter of every execution: no substring, no closure.
        var name = parameterName.AsSpan(parameterName.StartsWith('@') ? 1 : 0);
        for (var i = 0; i < _items.Count; i++)
            if (name.SequenceEqual(_items[i].ParameterName)) return i;
        for (var i = 0; i < _items.Count; i++)
            if (name.Equals(_items[i].ParameterName, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    public override void Insert(int index, object value) => _items.Insert(index, Cast(value));

    public override void Remove(object value) => _items.Remove(Cast(value));

    public override void RemoveAt(int index) => _items.RemoveAt(index);

    public override void RemoveAt(string parameterName) => _items.RemoveAt(IndexOrThrow(parameterName));

    protected override DbParameter GetParameter(int index) => _items[index];

    protected override DbParameter GetParameter(string parameterName) => _items[IndexOrThrow(parameterName)];

    protected override void SetParameter(int index, DbParameter value) => _items[index] = Cast(value);

    protected override void SetParameter(string parameterName, DbParameter value) => _items[IndexOrThrow(parameterName)] = Cast(value);

    internal IReadOnlyList<TenonParameter> Items => _items;

    private int IndexOrThrow(string parameterName)
    {
        var i = IndexOf(parameterName);
        return i >= 0 ? i : throw new ArgumentException($"Parameter \"{parameterName}\" not found in the collection.", nameof(parameterName));
    }

    private static TenonParameter Cast(object? value) =>
        value as TenonParameter ?? throw new InvalidCastException($"Expected a TenonParameter, got {value?.GetType().Name ?? "null"}.");
}
