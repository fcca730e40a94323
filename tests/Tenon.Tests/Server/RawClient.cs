using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Tenon.Tests.Server;

/// <summary>One backend message as received: its type and payload.</summary>
internal sealed record BackendMessage(char Type, byte[] Body)
{
    /// <summary>The fields of an ErrorResponse/NoticeResponse, by code.</summary>
    public Dictionary<char, string> Fields()
    {
        var d = new Dictionary<char, string>();
        var i = 0;
        while (i < Body.Length && Body[i] != 0)
        {
            var code = (char)Body[i];
            var end = Array.IndexOf(Body, (byte)0, i + 1);
            d[code] = Encoding.UTF8.GetString(Body, i + 1, end - i - 1);
            i = end + 1;
        }
        return d;
    }

    public string Text => Encoding.UTF8.GetString(Body).TrimEnd('\0');
}

/// <summary>A bare-socket frontend for protocol tests: sends arbitrary bytes, reads framed answers.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    public RawClient(int port)
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10000 };
        _socket.Connect("127.0.0.1", port);
        _stream = new NetworkStream(_socket, ownsSocket: true);
    }

    public static byte[] StartupPacket(int version, params (string Name, string Value)[] parameters)
    {
        var body = new List<byte>();
        var v = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(v, version);
        body.AddRange(v);
        foreach (var (n, val) in parameters)
        {
            body.AddRange(Encoding.UTF8.GetBytes(n)); body.Add(0);
            body.AddRange(Encoding.UTF8.GetBytes(val)); body.Add(0);
        }
        body.Add(0);
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, body.Count + 4);
        return [.. len, .. body];
    }

    public static byte[] Message(char type, params byte[][] parts)
    {
        var body = parts.SelectMany(p => p).ToArray();
        var m = new byte[5 + body.Length];
        m[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(m.AsSpan(1), body.Length + 4);
        body.CopyTo(m, 5);
        return m;
    }

    public static byte[] CStr(string s) => [.. Encoding.UTF8.GetBytes(s), 0];
    public static byte[] I16(short v) { var b = new byte[2]; BinaryPrimitives.WriteInt16BigEndian(b, v); return b; }
    public static byte[] I32(int v) { var b = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(b, v); return b; }

    public void Send(params byte[][] chunks)
    {
        foreach (var c in chunks) _stream.Write(c);
        _stream.Flush();
    }

    /// <summary>Startup as user "raw"; returns the messages up to and including ReadyForQuery.</summary>
    public List<BackendMessage> Connect()
    {
        Send(StartupPacket(3 << 16, ("user", "raw"), ("database", "postgres")));
        return ReadUntilReady();
    }

    public int ReadByte() => _stream.ReadByte();

    /// <summary>The next message, or null at EOF.</summary>
    public BackendMessage? Read()
    {
        var header = new byte[5];
        if (!Fill(header)) return null;
        var len = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        var body = new byte[len - 4];
        if (!Fill(body)) throw new EndOfStreamException("truncated backend message");
        return new BackendMessage((char)header[0], body);
    }

    private bool Fill(byte[] buf)
    {
        var got = 0;
        while (got < buf.Length)
        {
            var n = _stream.Read(buf, got, buf.Length - got);
            if (n == 0) return false;
            got += n;
        }
        return true;
    }

    /// <summary>Messages up to ReadyForQuery (included), or up to EOF.</summary>
    public List<BackendMessage> ReadUntilReady()
    {
        var list = new List<BackendMessage>();
        while (Read() is { } m)
        {
            list.Add(m);
            if (m.Type == 'Z') break;
        }
        return list;
    }

    /// <summary>Everything until the server closes the connection.</summary>
    public List<BackendMessage> ReadToEnd()
    {
        var list = new List<BackendMessage>();
        while (Read() is { } m) list.Add(m);
        return list;
    }

    public void Dispose() => _stream.Dispose();
}
