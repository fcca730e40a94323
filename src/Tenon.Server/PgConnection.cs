using System.Net.Sockets;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// One client connection: the startup handshake, then the message loop of the simple and extended
/// query protocols over one <see cref="Session"/>. Runs on its own thread, synchronously, like a
/// PostgreSQL backend process; the engine serializes writers across connections.
/// </summary>
internal sealed partial class PgConnection : IDisposable
{
    private const int SmallMessageLimit = 10000;

    private readonly PgServer _server;
    private readonly Socket _socket;
    private readonly ReceiveBuffer _in;
    private readonly MessageWriter _out;
    private Session? _session;

    /// <summary>This connection's hold on its database, released when it closes.</summary>
    private DatabaseRegistry.Lease? _lease;

    /// <summary>True after an error in an extended-protocol message: everything up to Sync is ignored.</summary>
    private bool _skipTillSync;

    public PgConnection(PgServer server, Socket socket, int processId, int secretKey)
    {
        _server = server;
        _socket = socket;
        _in = new ReceiveBuffer(socket);
        _out = new MessageWriter(socket);
        ProcessId = processId;
        SecretKey = secretKey;
    }

    public int ProcessId { get; }
    public int SecretKey { get; }

    /// <summary>Serves the connection until Terminate, EOF, a fatal error or server shutdown.</summary>
    public void Run()
    {
        try
        {
            if (!Startup()) return;
            MessageLoop();
        }
        catch (ProtocolViolation pv) when (pv.Fatal)
        {
            if (pv.Report) TrySend(pv.ToError());
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
            // The client went away (or the server is stopping): nothing to answer.
        }
        finally
        {
            Dispose();
        }
    }

    private void TrySend(TenonException error)
    {
        try
        {
            WriteError(error, isNotice: false);
            _out.Flush();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /// <summary>Reads exactly <paramref name="n"/> bytes; false on a clean EOF before the first byte.</summary>
    private bool ReadExactly(byte[] buf, int n, bool eofOk)
    {
        if (n == 0) return true;
        if (!_in.Fill(1, eofOk)) return false;
        _in.ReadInto(buf, n);
        return true;
    }

    private readonly byte[] _header = new byte[5];

    /// <summary>
    /// Reads one typed message. Returns null at EOF. An unknown type is PostgreSQL's FATAL
    /// "invalid frontend message type"; a length out of bounds drops the connection (PostgreSQL only
    /// logs "invalid message length", since message boundaries are lost). The body of a message
    /// that fits the receive buffer stays there: it is valid until the next read.
    /// </summary>
    private (char Type, MessageBody Body)? ReadMessage()
    {
        if (!_in.Fill(1, eofOk: true)) return null;
        var type = (char)_in.Buffer[_in.Position];
        int limit;
        switch (type)
        {
            case 'Q' or 'P' or 'B' or 'F' or 'd': limit = _server.Options.MaxMessageBytes; break;
            case 'S' or 'X' or 'H' or 'D' or 'E' or 'C' or 'c' or 'f': limit = SmallMessageLimit; break;
            default: throw new ProtocolViolation($"invalid frontend message type {(int)type}", fatal: true);
        }
        _in.Fill(5, eofOk: false);
        var len = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(_in.Buffer.AsSpan(_in.Position + 1));
        if (len < 4 || len > limit) throw new ProtocolViolation("invalid message length", fatal: true, report: false);
        _in.Skip(5);
        var size = len - 4;
        if (size <= ReceiveBuffer.InPlaceLimit)
        {
            _in.Fill(size, eofOk: false);
            var inPlace = new MessageBody(_in.Buffer, _in.Position, size);
            _in.Skip(size);
            return (type, inPlace);
        }
        var body = new byte[size];
        _in.ReadInto(body, size);
        return (type, new MessageBody(body, body.Length));
    }

    // ---- writing -------------------------------------------------------------------------

    private void WriteError(TenonException e, bool isNotice) =>
        WriteErrorFields(isNotice ? 'N' : 'E', e.Severity, e.SqlState, e.MessageText, e.Detail, e.Hint, e.Position, e.Where,
            e.SchemaName, e.TableName, e.ColumnName, e.DataTypeName, e.ConstraintName);

    private void WriteNotice(Notice n) =>
        WriteErrorFields('N', n.Severity, n.SqlState, n.Message, n.Detail, n.Hint, 0, null, null, null, null, null, null);

    private void WriteErrorFields(char type, string severity, string sqlState, string message, string? detail, string? hint,
        int position, string? where, string? schema, string? table, string? column, string? dataType, string? constraint)
    {
        _out.Begin(type);
        Field('S', severity);
        Field('V', severity);
        Field('C', sqlState);
        Field('M', message);
        Field('D', detail);
        Field('H', hint);
        if (position > 0) Field('P', position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field('W', where);
        Field('s', schema);
        Field('t', table);
        Field('c', column);
        Field('d', dataType);
        Field('n', constraint);
        _out.Byte(0);
        _out.End();
    }

    private void Field(char code, string? value)
    {
        if (value is null) return;
        _out.Byte((byte)code);
        _out.CString(value);
    }

    private void WriteReadyForQuery()
    {
        _busy = false;
        _session!.ClearPendingCancel();
        ReportParameterChanges();
        _out.Begin('Z');
        _out.Byte(_session!.TransactionStatus switch
        {
            TransactionStatus.InTransaction => (byte)'T',
            TransactionStatus.Failed => (byte)'E',
            _ => (byte)'I',
        });
        _out.End();
        _out.Flush();
    }

    private void WriteCommandComplete(string tag)
    {
        _out.Begin('C');
        _out.CString(tag);
        _out.End();
    }

    private void WriteEmpty(char type)
    {
        _out.Begin(type);
        _out.End();
    }

    /// <summary>Cancels the statement this connection is running, if any (called from a CancelRequest's thread).</summary>
    public void CancelStatement() => Volatile.Read(ref _session)?.Cancel(evenBeforeNextStatement: _busy);

    /// <summary>True from reading a client's message until the next ReadyForQuery: a cancel then is for this work.</summary>
    private volatile bool _busy;

    /// <summary>
    /// Ends the connection from another thread (DROP DATABASE … WITH (FORCE)): a running statement
    /// fails with FATAL 57P01; an idle connection is woken by shutting down its receiving side, and
    /// sends the same FATAL before it closes.
    /// </summary>
    public void Terminate()
    {
        _terminated = true;
        Volatile.Read(ref _session)?.Terminate();
        try { _socket.Shutdown(SocketShutdown.Receive); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    private volatile bool _terminated;

    /// <summary>Closes the socket (also from another thread, on server shutdown).</summary>
    public void Close()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
        _socket.Close();
    }

    public void Dispose()
    {
        _session?.Dispose();
        _session = null;
        _lease?.Dispose();
        _lease = null;
        Close();
        _server.Unregister(this);
    }
}
