using System.Collections;
using System.Data;
using System.Data.Common;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Data;

/// <summary>
/// Reads the results of a <see cref="TenonCommand"/>. Statements run one at a time as the reader
/// advances: the first statement that returns rows runs when the command executes, each later
/// one when <see cref="NextResult"/> reaches it, so an error in a later statement surfaces there.
/// Statements that return no rows (INSERT without RETURNING, DDL, …) are not result sets; their
/// row counts add up in <see cref="RecordsAffected"/>. Closing the reader runs the statements not
/// reached yet.
/// </summary>
public sealed class TenonDataReader : DbDataReader
{
    private readonly TenonConnection _connection;
    private readonly IEnumerator<StatementResult> _results;
    private readonly CommandBehavior _behavior;
    private readonly PositionMap _positions;
    private StatementResult? _current;
    private int _row = -1;
    private int _resultSets;
    private int _recordsAffected = -1;
    private bool _closed;
    private bool _exhausted;

    internal TenonDataReader(TenonConnection connection, IEnumerator<StatementResult> results, CommandBehavior behavior, PositionMap positions)
    {
        _connection = connection;
        _results = results;
        _behavior = behavior;
        _positions = positions;
    }

    /// <summary>Runs statements up to the first that returns rows.</summary>
    internal void Start() => AdvanceToRowSet();

    public override int Depth => 0;

    public override bool IsClosed => _closed;

    /// <summary>Rows inserted, updated or deleted by the statements run so far; -1 when none of them was such a statement.</summary>
    public override int RecordsAffected => _recordsAffected;

    public override int FieldCount => _current?.Columns?.Count ?? 0;

    public override bool HasRows => _current is { Rows.Count: > 0 };

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        CheckOpen();
        if (_current is null) return false;
        if ((_behavior & CommandBehavior.SingleRow) != 0 && _row >= 0)
        {
            _row = _current.Rows.Count;
            return false;
        }
        if (_row < _current.Rows.Count) _row++;
        return _row < _current.Rows.Count;
    }

    public override bool NextResult()
    {
        CheckOpen();
        if ((_behavior & CommandBehavior.SingleResult) != 0 && _resultSets > 0)
        {
            Drain();
            _current = null;
            return false;
        }
        return AdvanceToRowSet();
    }

    /// <summary>ExecuteNonQuery's work for a command or batch: runs every statement, closes, and returns the rows they affected.</summary>
    internal int RunToEnd()
    {
        while (NextResult()) { }
        Close();
        return RecordsAffected;
    }

    /// <summary>ExecuteScalar's work: the first column of the first row (null when there is none), then runs the rest and closes.</summary>
    internal object? FirstValueThenClose()
    {
        var value = Read() && FieldCount > 0 ? GetValue(0) : null;
        Close();
        return value;
    }

    public override void Close()
    {
        if (_closed) return;
        _closed = true;
        try
        {
            Drain();
        }
        finally
        {
            Release();
            if ((_behavior & CommandBehavior.CloseConnection) != 0) _connection.Close();
        }
    }

    /// <summary>Ends the reader without running the statements not reached (the connection is closing, or the command failed).</summary>
    internal void Abandon()
    {
        _closed = true;
        Release();
    }

    private void Release()
    {
        _current = null;
        _results.Dispose();
        if (_connection.OpenReader == this) _connection.OpenReader = null;
    }

    private bool AdvanceToRowSet()
    {
        _current = null;
        _row = -1;
        while (MoveNextStatement())
        {
            var r = _results.Current;
            if (r.Columns is null) continue;
            _current = r;
            _resultSets++;
            return true;
        }
        return false;
    }

    private void Drain()
    {
        while (MoveNextStatement()) { }
    }

    private bool MoveNextStatement()
    {
        if (_exhausted) return false;
        try
        {
            if (!_results.MoveNext())
            {
                _exhausted = true;
                return false;
            }
        }
        catch (TenonException ex) when (Failed(ex))
        {
            throw; // not reached: the filter declines, so the error goes on without being thrown again
        }
        var affected = RowsAffected(_results.Current.CommandTag);
        if (affected >= 0) _recordsAffected = Math.Max(_recordsAffected, 0) + affected;
        return true;
    }

    /// <summary>
    /// Notes a failed statement and maps its position to the command text, as an exception filter
    /// that declines: a catch that rethrew would dispatch the exception a second time, which costs
    /// more than the rest of a rejected statement.
    /// </summary>
    private bool Failed(TenonException ex)
    {
        _exhausted = true;
        TenonCommand.MapPosition(ex, _positions);
        return false;
    }

    /// <summary>The count in an INSERT/UPDATE/DELETE/MERGE tag, else -1 (as Npgsql counts).</summary>
    internal static int RowsAffected(string tag)
    {
        var space = tag.IndexOf(' ');
        if (space < 0) return -1;
        var verb = tag[..space];
        if (verb is not ("INSERT" or "UPDATE" or "DELETE" or "MERGE")) return -1;
        return int.TryParse(tag.AsSpan(tag.LastIndexOf(' ') + 1), out var n) ? n : -1;
    }

    // ---- columns ----------------------------------------------------------------------------

    private ResultColumn Column(int ordinal)
    {
        CheckOpen();
        var columns = _current?.Columns ?? throw new InvalidOperationException("There is no current result set.");
        if ((uint)ordinal >= (uint)columns.Count)
            throw new IndexOutOfRangeException($"Column ordinal {ordinal} is out of range (the result has {columns.Count} columns).");
        return columns[ordinal];
    }

    public override string GetName(int ordinal) => Column(ordinal).Name;

    public override int GetOrdinal(string name)
    {
        CheckOpen();
        var columns = _current?.Columns ?? throw new InvalidOperationException("There is no current result set.");
        for (var i = 0; i < columns.Count; i++)
            if (columns[i].Name == name) return i;
        for (var i = 0; i < columns.Count; i++)
            if (string.Equals(columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new IndexOutOfRangeException($"The result has no column \"{name}\".");
    }

    /// <summary>PostgreSQL's name for the column's type, e.g. <c>integer</c>, <c>character varying(20)</c>, <c>timestamp with time zone</c>.</summary>
    public override string GetDataTypeName(int ordinal) => FieldValues.DataTypeName(Column(ordinal).Type);

    public override Type GetFieldType(int ordinal) => FieldValues.FieldType(Column(ordinal).Type);

    /// <summary>The column's SQL type as the engine describes it.</summary>
    public SqlType GetSqlType(int ordinal) => Column(ordinal).Type;

    // ---- values -----------------------------------------------------------------------------

    private object? Raw(int ordinal)
    {
        Column(ordinal);
        if (_row < 0 || _row >= _current!.Rows.Count) throw new InvalidOperationException("No row is available; call Read() first.");
        return _current.Rows[_row][ordinal];
    }

    public override bool IsDBNull(int ordinal) => Raw(ordinal) is null;

    public override object GetValue(int ordinal)
    {
        var raw = Raw(ordinal);
        return raw is null ? DBNull.Value : FieldValues.ToClr(raw, Column(ordinal).Type, Column(ordinal).Name);
    }

    public override int GetValues(object[] values)
    {
        var n = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < n; i++) values[i] = GetValue(i);
        return n;
    }

    /// <summary>
    /// Reads a value as <typeparamref name="T"/>: the default CLR type, a compatible numeric type,
    /// DateOnly (date), DateTimeOffset (timestamptz), the engine's own representation
    /// (<see cref="Numeric"/>, <see cref="PgDate"/>, <see cref="PgInterval"/>, …), or a nullable of
    /// any of these (null for SQL NULL).
    /// </summary>
    public override T GetFieldValue<T>(int ordinal)
    {
        var raw = Raw(ordinal);
        var column = Column(ordinal);
        if (raw is null)
        {
            if (typeof(T) == typeof(object) || typeof(T) == typeof(DBNull)) return (T)(object)DBNull.Value;
            if (Nullable.GetUnderlyingType(typeof(T)) is not null) return default!;
            throw new InvalidCastException($"Column \"{column.Name}\" is null.");
        }
        return (T)FieldValues.Convert(raw, column.Type, typeof(T), column.Name);
    }

    public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);
    public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);
    public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);
    public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

    /// <summary>An interval or time column as a TimeSpan (Npgsql's GetTimeSpan).</summary>
    public TimeSpan GetTimeSpan(int ordinal) => GetFieldValue<TimeSpan>(ordinal);

    public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);
    public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);
    public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);
    public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);
    public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);
    public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);
    public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);
    public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

    /// <summary>The whole bytea value.</summary>
    public byte[] GetBytes(int ordinal) => GetFieldValue<byte[]>(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length)
    {
        var bytes = GetFieldValue<byte[]>(ordinal);
        if (buffer is null) return bytes.Length;
        var n = (int)Math.Max(0, Math.Min(length, bytes.Length - dataOffset));
        Array.Copy(bytes, dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length)
    {
        var s = GetFieldValue<string>(ordinal);
        if (buffer is null) return s.Length;
        var n = (int)Math.Max(0, Math.Min(length, s.Length - dataOffset));
        s.CopyTo((int)dataOffset, buffer, bufferOffset, n);
        return n;
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    /// <summary>
    /// A minimal schema table: name, ordinal, CLR and PostgreSQL type, size/precision/scale, and for
    /// plain table columns the base table and column and whether the column is NOT NULL.
    /// </summary>
    public override DataTable GetSchemaTable()
    {
        CheckOpen();
        var columns = _current?.Columns ?? throw new InvalidOperationException("There is no current result set.");
        return SchemaTable.Build(columns, _connection.Session.CurrentCatalog);
    }

    private void CheckOpen()
    {
        if (_closed) throw new InvalidOperationException("The data reader is closed.");
    }
}
