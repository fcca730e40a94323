using System.Buffers.Binary;
using System.Text;
using Tenon.Errors;

namespace Tenon.Server;

internal sealed partial class PgConnection
{
    private const int StartupPacketLimit = 10000;
    private const int ProtocolV3 = 3 << 16;
    private const int SslRequestCode = 80877103;
    private const int GssEncRequestCode = 80877104;
    private const int CancelRequestCode = 80877102;

    private string _user = "";

    /// <summary>
    /// The untyped first packets: SSLRequest/GSSENCRequest (answered 'N'), CancelRequest, then the
    /// StartupMessage. Authentication (PgConnection.Auth.cs) and the database; then ParameterStatus, BackendKeyData and
    /// ReadyForQuery. False when the connection ends here.
    /// </summary>
    private bool Startup()
    {
        _socket.ReceiveTimeout = (int)_server.Options.StartupTimeout.TotalMilliseconds;
        bool sslDone = false, gssDone = false;
        while (true)
        {
            var lenBuf = new byte[4];
            if (!ReadStartupBytes(lenBuf, eofOk: true)) return false;
            var len = BinaryPrimitives.ReadInt32BigEndian(lenBuf);
            // PostgreSQL only logs "invalid length of startup packet" and closes.
            if (len < 8 || len > StartupPacketLimit) return false;
            var body = new byte[len - 4];
            ReadStartupBytes(body, eofOk: false);
            var code = BinaryPrimitives.ReadInt32BigEndian(body);

            if ((code == SslRequestCode && !sslDone) || (code == GssEncRequestCode && !gssDone))
            {
                if (code == SslRequestCode) sslDone = true; else gssDone = true;
                // Bytes sent before the client could see our answer may have been injected by a man
                // in the middle (CVE-2021-23214): PostgreSQL refuses them, and so do we. (Checked
                // before answering: afterwards the client may rightly have sent its startup packet.)
                var early = _socket.Available > 0;
                _out.RawByte((byte)'N');
                _out.Flush();
                if (early)
                    throw new ProtocolViolation(new TenonException(SqlState.ProtocolViolation,
                        $"received unencrypted data after {(code == SslRequestCode ? "SSL" : "GSSAPI encryption")} request",
                        "This could be either a client-software bug or evidence of an attempted man-in-the-middle attack."));
                continue;
            }
            // CancelRequest: the key picks the connection whose running statement to cancel. There is
            // no answer either way (a wrong key is ignored silently); the connection just closes.
            if (code == CancelRequestCode)
            {
                if (body.Length == 12)
                    _server.CancelBackend(BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(4)), BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(8)));
                return false;
            }
            var major = (code >> 16) & 0xffff;
            var minor = code & 0xffff;
            if (major < 3)
            {
                // A protocol-2 client reads only the old error format: 'E', then the text.
                _out.RawByte((byte)'E');
                foreach (var b in Encoding.UTF8.GetBytes($"FATAL:  unsupported frontend protocol {major}.{minor}: server supports 3.0 to 3.0\n")) _out.RawByte(b);
                _out.RawByte(0);
                _out.Flush();
                return false;
            }
            if (major != 3)
                throw new ProtocolViolation($"unsupported frontend protocol {major}.{minor}: server supports 3.0 to 3.0",
                    fatal: true, sqlState: SqlState.FeatureNotSupported);
            var parameters = ParseStartupParameters(body);
            return Authenticate(minor, parameters);
        }
    }

    /// <summary>
    /// Startup packets are read straight from the socket, without read-ahead, so that data sent
    /// before our answer to SSLRequest is still visible in the socket (see above).
    /// </summary>
    private bool ReadStartupBytes(byte[] buf, bool eofOk)
    {
        var got = 0;
        while (got < buf.Length)
        {
            var r = _socket.Receive(buf, got, buf.Length - got, System.Net.Sockets.SocketFlags.None);
            if (r == 0)
            {
                if (got == 0 && eofOk) return false;
                throw new EndOfStreamException();
            }
            got += r;
        }
        return true;
    }

    private static List<(string Name, string Value)> ParseStartupParameters(byte[] body)
    {
        var list = new List<(string, string)>();
        var pos = 4;
        string Next()
        {
            var end = Array.IndexOf(body, (byte)0, pos);
            if (end < 0) throw Layout();
            var s = Encoding.UTF8.GetString(body, pos, end - pos);
            pos = end + 1;
            return s;
        }
        while (pos < body.Length)
        {
            var name = Next();
            if (name.Length == 0)
            {
                if (pos != body.Length) throw Layout();
                return list;
            }
            if (pos >= body.Length) throw Layout();
            list.Add((name, Next()));
        }
        throw Layout();
    }

    private static ProtocolViolation Layout() =>
        new("invalid startup packet layout: expected terminator as last byte", fatal: true);

    private bool Authenticate(int minor, List<(string Name, string Value)> parameters)
    {
        var unrecognized = parameters.Where(p => p.Name.StartsWith("_pq_.", StringComparison.Ordinal)).Select(p => p.Name).ToList();
        if (minor > 0 || unrecognized.Count > 0)
        {
            _out.Begin('v');
            _out.Int32(ProtocolV3);
            _out.Int32(unrecognized.Count);
            foreach (var u in unrecognized) _out.CString(u);
            _out.End();
        }
        var user = parameters.LastOrDefault(p => p.Name == "user").Value;
        if (string.IsNullOrEmpty(user))
            throw new ProtocolViolation("no PostgreSQL user name specified in startup packet", fatal: true, sqlState: "28000");
        _user = user;
        if (parameters.Any(p => p.Name == "replication" && p.Value is not ("false" or "off" or "no" or "0")))
            throw new ProtocolViolation("Tenon does not support replication connections", fatal: true, sqlState: SqlState.FeatureNotSupported);

        if (!_server.TryAdmit(this))
            throw new ProtocolViolation("sorry, too many clients already", fatal: true, sqlState: "53300");

        // As libpq and PostgreSQL do, the database defaults to the user name.
        var database = parameters.LastOrDefault(p => p.Name == "database").Value;
        if (string.IsNullOrEmpty(database)) database = user;
        AuthenticateClient(user, database);
        _socket.ReceiveTimeout = 0;

        _lease = _server.Databases.Attach(database, Terminate)
            ?? throw new ProtocolViolation($"database \"{database}\" does not exist", fatal: true, sqlState: SqlState.InvalidCatalogName);
        _session = _lease.Database.CreateSession();
        _session.UserName = user;
        _session.DatabaseName = database;
        _session.Cluster = _server.Databases;
        _session.NoticeRaised += WriteNotice;
        // CLOSE ALL closes protocol-level portals too, and DISCARD ALL's DEALLOCATE ALL drops named statements.
        _session.AllPortalsClosed += _portals.Clear;
        _session.AllDiscarded += _statements.Clear;

        try
        {
            _session.ApplyStartupParameters(parameters
                .Where(p => !p.Name.StartsWith("_pq_.", StringComparison.Ordinal))
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        }
        catch (TenonException e)
        {
            throw new ProtocolViolation(e);
        }

        ReportAllParameters();
        _out.Begin('K');
        _out.Int32(ProcessId);
        _out.Int32(SecretKey);
        _out.End();
        WriteReadyForQuery();
        return true;
    }
}
