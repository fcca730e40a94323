using Tenon.Errors;
using Tenon.Execution;
using Tenon.Execution.Plan;
using Tenon.Sql.Ast;
using Tenon.Transactions;

namespace Tenon;

/// <summary>
/// SQL cursors: DECLARE, FETCH, MOVE, CLOSE.
///
/// A cursor reads the database as it was when it was declared (its own read-only transaction
/// over the version frozen then), and runs its query lazily: rows are computed as FETCH asks for
/// them and kept, so moving backwards re-reads kept rows. An error while fetching leaves the
/// cursor unusable ("portal … cannot be run"), as in PostgreSQL.
///
/// Cursors are not transactional: a FETCH rolled back to a savepoint keeps its position. A
/// cursor declared after a savepoint is closed when the transaction rolls back to it. At the end
/// of the transaction a cursor closes unless it was declared WITH HOLD; a holdable cursor is read
/// to its end at COMMIT and lives on until closed (a rollback drops one declared in that
/// transaction).
/// </summary>
public sealed partial class Session
{
    private sealed class Cursor(string name, IReadOnlyList<ResultColumn> columns, IEnumerator<object?[]> source, bool noScroll, bool hold)
    {
        public string Name { get; } = name;
        public IReadOnlyList<ResultColumn> Columns { get; } = columns;
        public bool NoScroll { get; } = noScroll;
        public bool Hold { get; } = hold;
        public List<object?[]> Rows { get; } = new();
        /// <summary>0 before the first row, k on row k, Rows.Count + 1 after the last (once exhausted).</summary>
        public int Position { get; set; }
        public bool Exhausted { get; private set; }
        public bool Failed { get; set; }
        /// <summary>Savepoints open when it was declared; null once it outlived its transaction (WITH HOLD).</summary>
        public int? SavepointDepth { get; set; }

        /// <summary>Whether row k (1-based) exists, computing rows up to it.</summary>
        public bool Has(int k)
        {
            while (Rows.Count < k && !Exhausted)
            {
                if (source.MoveNext()) Rows.Add(source.Current);
                else
                {
                    Exhausted = true;
                    source.Dispose();
                }
            }
            return k >= 1 && k <= Rows.Count;
        }

        public int ReadAll()
        {
            Has(int.MaxValue);
            return Rows.Count;
        }
    }

    private readonly Dictionary<string, Cursor> _cursors = new(StringComparer.Ordinal);

    private StatementResult DeclareCursor(DeclareCursorStatement d, ExecContext ctx, bool inBatch)
    {
        if (!d.Hold && !ctx.Transaction.IsExplicit && !inBatch)
            throw new TenonException(SqlState.NoActiveSqlTransaction, "DECLARE CURSOR can only be used in transaction blocks");
        if (d.Binary)
            throw new TenonException(SqlState.FeatureNotSupported, "BINARY cursors are not supported by Tenon yet") { Position = d.Position };
        if (_cursors.ContainsKey(d.Name))
            throw new TenonException(SqlState.DuplicateCursor, $"cursor \"{d.Name}\" already exists");
        // The cursor's own read-only view of the database as of now.
        var snapshot = new ExecContext(this, new Transaction(ctx.Transaction.Freeze(), isExplicit: false), ctx.Parameters);
        var plan = new Binding.Binder(snapshot).BindQuery(d.Query, null);
        var columns = plan.Columns.Select(c => new ResultColumn(c.Name, c.Type, c.TableOid, c.ColumnNumber)).ToArray();
        var source = plan.Execute(snapshot).GetEnumerator();
        _cursors[d.Name] = new Cursor(d.Name, columns, source, d.Scroll == false, d.Hold) { SavepointDepth = ctx.Transaction.Savepoints.Count };
        return new StatementResult("DECLARE CURSOR");
    }

    private Cursor FindCursor(string name) =>
        _cursors.GetValueOrDefault(name) ?? throw new TenonException(SqlState.InvalidCursorName, $"cursor \"{name}\" does not exist");

    private StatementResult Fetch(FetchStatement f)
    {
        var cursor = FindCursor(f.CursorName);
        if (cursor.Failed)
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, $"portal \"{cursor.Name}\" cannot be run");
        var backward = f.Direction == FetchDirection.Backward && f.Count is not 0
            || f.Direction == FetchDirection.Forward && f.Count < 0
            || f.Direction is FetchDirection.Absolute or FetchDirection.Relative;
        if (cursor.NoScroll && backward && !(f.Direction is FetchDirection.Absolute or FetchDirection.Relative && f.Count > 0))
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState, "cursor can only scan forward",
                hint: "Declare it with SCROLL option to enable backward scan.");
        List<object?[]> rows;
        try
        {
            rows = Move(cursor, f);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            cursor.Failed = true;
            throw;
        }
        if (f.IsMove) return new StatementResult($"MOVE {rows.Count}");
        return new StatementResult($"FETCH {rows.Count}", cursor.Columns, rows);
    }

    /// <summary>Moves the cursor as FETCH/MOVE asks and returns the rows it passed over, in the order read.</summary>
    private static List<object?[]> Move(Cursor c, FetchStatement f)
    {
        var rows = new List<object?[]>();
        switch (f.Direction)
        {
            case FetchDirection.Forward when f.Count is null or > 0:
                Forward(c, f.Count ?? long.MaxValue, rows);
                break;
            case FetchDirection.Backward when f.Count is null or > 0:
                Backward(c, f.Count ?? long.MaxValue, rows);
                break;
            case FetchDirection.Forward or FetchDirection.Backward when f.Count < 0:
                if (f.Direction == FetchDirection.Forward) Backward(c, -f.Count!.Value, rows);
                else Forward(c, -f.Count!.Value, rows);
                break;
            case FetchDirection.Forward or FetchDirection.Backward:
                // A count of 0 re-reads the current row.
                if (c.Position >= 1 && c.Has(c.Position)) rows.Add(c.Rows[c.Position - 1]);
                break;
            case FetchDirection.Absolute:
                GoTo(c, f.Count!.Value, rows);
                break;
            default:
                if (f.Count == 0)
                {
                    if (c.Position >= 1 && c.Has(c.Position)) rows.Add(c.Rows[c.Position - 1]);
                    break;
                }
                var target = (long)c.Position + f.Count!.Value;
                if (target <= 0) c.Position = 0;
                else GoTo(c, target, rows);
                break;
        }
        return rows;
    }

    private static void Forward(Cursor c, long count, List<object?[]> rows)
    {
        for (long i = 0; i < count; i++)
        {
            if (!c.Has(c.Position + 1))
            {
                c.Position = c.Rows.Count + 1;
                return;
            }
            c.Position++;
            rows.Add(c.Rows[c.Position - 1]);
        }
    }

    private static void Backward(Cursor c, long count, List<object?[]> rows)
    {
        for (long i = 0; i < count; i++)
        {
            if (c.Position > c.Rows.Count + 1) c.Position = c.Rows.Count + 1;
            if (c.Position <= 1)
            {
                c.Position = 0;
                return;
            }
            c.Position--;
            rows.Add(c.Rows[c.Position - 1]);
        }
    }

    /// <summary>ABSOLUTE k: row k from the start, or from the end when negative; 0 is before the first row.</summary>
    private static void GoTo(Cursor c, long k, List<object?[]> rows)
    {
        if (k == 0)
        {
            c.Position = 0;
            return;
        }
        if (k > 0)
        {
            if (k <= int.MaxValue && c.Has((int)k))
            {
                c.Position = (int)k;
                rows.Add(c.Rows[c.Position - 1]);
            }
            else c.Position = c.ReadAll() + 1;
            return;
        }
        var index = c.ReadAll() + 1 + k;
        if (index >= 1)
        {
            c.Position = (int)index;
            rows.Add(c.Rows[c.Position - 1]);
        }
        else c.Position = 0;
    }

    private StatementResult CloseCursor(CloseCursorStatement close)
    {
        if (close.Name is null)
        {
            _cursors.Clear();
            AllPortalsClosed?.Invoke();
            return new StatementResult("CLOSE CURSOR ALL");
        }
        FindCursor(close.Name);
        _cursors.Remove(close.Name);
        return new StatementResult("CLOSE CURSOR");
    }

    /// <summary>ROLLBACK TO the savepoint at <paramref name="index"/>: cursors declared after it are closed.</summary>
    private void RollbackCursorsTo(int index)
    {
        if (_cursors.Count == 0) return;
        foreach (var c in _cursors.Values.Where(c => c.SavepointDepth > index).ToList()) _cursors.Remove(c.Name);
    }

    /// <summary>RELEASE of the savepoint at <paramref name="index"/>: cursors declared inside it now belong to the enclosing level.</summary>
    private void ReleaseCursorsTo(int index)
    {
        foreach (var c in _cursors.Values)
            if (c.SavepointDepth > index) c.SavepointDepth = index;
    }

    /// <summary>The transaction ended: cursors close, except holdable ones, which a COMMIT reads to the end and keeps.</summary>
    private void EndTransactionCursors(bool committed)
    {
        if (_cursors.Count == 0) return;
        foreach (var c in _cursors.Values.ToList())
        {
            if (c.SavepointDepth is null) continue;
            if (!c.Hold || !committed || c.Failed)
            {
                _cursors.Remove(c.Name);
                continue;
            }
            try
            {
                c.ReadAll();
                c.SavepointDepth = null;
            }
            catch (TenonException)
            {
                _cursors.Remove(c.Name);
            }
        }
    }
}
