using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Tenon.Server;

/// <summary>
/// A PostgreSQL v3 wire-protocol server over named databases (<see cref="DatabaseRegistry"/>):
/// psql, Npgsql and other PostgreSQL clients connect to it as to PostgreSQL 15. Each connection
/// gets its own <see cref="Session"/> and thread. No TLS (SSLRequest is answered 'N'); trust or
/// password authentication (<see cref="PgServerOptions.Users"/>). See docs/SERVER.md.
/// </summary>
public sealed class PgServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<PgConnection, byte> _connections = new();
    private readonly ConcurrentDictionary<PgConnection, byte> _admitted = new();
    private Thread? _acceptThread;
    private int _nextProcessId = 1000;
    private volatile bool _stopping;

    /// <summary>A server whose <c>postgres</c> database is <paramref name="database"/>.</summary>
    public PgServer(Database database, IPEndPoint endpoint, PgServerOptions? options = null)
        : this(new DatabaseRegistry(database, (options ?? new PgServerOptions()).DropDatabaseWait), endpoint, options)
    {
    }

    public PgServer(DatabaseRegistry databases, IPEndPoint endpoint, PgServerOptions? options = null)
    {
        Databases = databases;
        Options = options ?? new PgServerOptions();
        Secrets = Options.Users.ToDictionary(u => u.Key, u => UserSecret.Parse(u.Key, u.Value), StringComparer.Ordinal);
        _listener = new TcpListener(endpoint);
    }

    public DatabaseRegistry Databases { get; }
    public PgServerOptions Options { get; }

    /// <summary>The configured users' secrets, with verifiers derived once per server.</summary>
    internal IReadOnlyDictionary<string, UserSecret> Secrets { get; }

    /// <summary>Keys the mock SCRAM salts of unknown users, so they stay the same for the life of the server.</summary>
    internal byte[] MockScramSecret { get; } = RandomNumberGenerator.GetBytes(32);

    /// <summary>The bound address (with the actual port when port 0 was asked for); valid after <see cref="Start"/>.</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Number of connections currently open (past their startup packet).</summary>
    public int ConnectionCount => _admitted.Count;

    /// <summary>Binds the socket and starts accepting connections in the background.</summary>
    public void Start()
    {
        _listener.Start(512);
        if (Options.UnixSocketDirectory is not null) _unixListener = ListenOnUnixSocket();
        _acceptThread = new Thread(() => AcceptLoop(_listener.AcceptSocket, tcp: true)) { IsBackground = true, Name = "tenon-accept" };
        _acceptThread.Start();
        if (_unixListener is { } unix)
        {
            _unixAcceptThread = new Thread(() => AcceptLoop(unix.Accept, tcp: false)) { IsBackground = true, Name = "tenon-accept-unix" };
            _unixAcceptThread.Start();
        }
    }

    private Socket? _unixListener;
    private Thread? _unixAcceptThread;

    /// <summary>The Unix-domain socket clients on this machine can use (PostgreSQL's name for it), when one is configured.</summary>
    public string? UnixSocketPath => Options.UnixSocketDirectory is { } dir ? Path.Combine(dir, $".s.PGSQL.{LocalEndPoint.Port}") : null;

    /// <summary>
    /// Listens on <c>DIR/.s.PGSQL.PORT</c>, where libpq and Npgsql look for a server given a
    /// directory as its host. A socket file left by a server that is gone is replaced; one that
    /// still answers is another server's, which is an error.
    /// </summary>
    private Socket ListenOnUnixSocket()
    {
        var path = UnixSocketPath!;
        var endpoint = new UnixDomainSocketEndPoint(path);
        if (File.Exists(path))
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                probe.Connect(endpoint);
                throw new IOException($"another server is listening on {path}");
            }
            catch (SocketException)
            {
                File.Delete(path);
            }
        }
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(endpoint);
            socket.Listen(512);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return socket;
    }

    private void AcceptLoop(Func<Socket> accept, bool tcp)
    {
        while (!_stopping)
        {
            Socket socket;
            try
            {
                socket = accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopping) return;
                continue;
            }
            // Answers go out as soon as they are written: Nagle's delay would hold the small ones.
            if (tcp) socket.NoDelay = true;
            var conn = new PgConnection(this, socket, Interlocked.Increment(ref _nextProcessId), RandomNumberGenerator.GetInt32(int.MaxValue));
            _connections[conn] = 0;
            if (_stopping) { conn.Close(); _connections.TryRemove(conn, out _); return; }
            new Thread(conn.Run) { IsBackground = true, Name = $"tenon-conn-{conn.ProcessId}" }.Start();
        }
    }

    /// <summary>Counts a connection against <see cref="PgServerOptions.MaxConnections"/>; false when full.</summary>
    internal bool TryAdmit(PgConnection conn)
    {
        lock (_admitted)
        {
            if (_admitted.Count >= Options.MaxConnections) return false;
            _admitted[conn] = 0;
            return true;
        }
    }

    /// <summary>
    /// A CancelRequest: cancels the running statement of the connection with that process id, if
    /// the secret key matches (compared in constant time: it is the only thing guarding the cancel).
    /// </summary>
    internal void CancelBackend(int processId, int secretKey)
    {
        foreach (var c in _admitted.Keys)
        {
            if (c.ProcessId != processId) continue;
            Span<byte> a = stackalloc byte[4], b = stackalloc byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(a, c.SecretKey);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(b, secretKey);
            if (CryptographicOperations.FixedTimeEquals(a, b)) c.CancelStatement();
            return;
        }
    }

    internal void Unregister(PgConnection conn)
    {
        _connections.TryRemove(conn, out _);
        lock (_admitted) _admitted.TryRemove(conn, out _);
    }

    /// <summary>Stops listening and closes every connection (their sessions roll back).</summary>
    public void Stop()
    {
        _stopping = true;
        _listener.Stop();
        if (_unixListener is { } unix)
        {
            unix.Dispose();
            try { File.Delete(UnixSocketPath!); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        foreach (var c in _connections.Keys) c.Close();
        _acceptThread?.Join(TimeSpan.FromSeconds(5));
        _unixAcceptThread?.Join(TimeSpan.FromSeconds(5));
    }

    public void Dispose() => Stop();
}
