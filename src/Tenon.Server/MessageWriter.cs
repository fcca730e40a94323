using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Tenon.Server;

/// <summary>
/// Builds backend messages into one growing buffer (type byte, int32 length, payload) and writes
/// them to the socket on <see cref="Flush"/>, so a whole response goes out in few writes.
/// </summary>
internal sealed class MessageWriter(Socket socket)
{
    private byte[] _buf = new byte[8192];
    private int _len;
    private int _start = -1;

    /// <summary>Bytes buffered and not yet flushed.</summary>
    public int Pending => _len;

    private void Ensure(int n)
    {
        if (_len + n <= _buf.Length) return;
        var size = _buf.Length;
        while (size < _len + n) size *= 2;
        Array.Resize(ref _buf, size);
    }

    public void Begin(char type)
    {
        Ensure(5);
        _buf[_len++] = (byte)type;
        _start = _len;
        _len += 4;
    }

    public void End()
    {
        BinaryPrimitives.WriteInt32BigEndian(_buf.AsSpan(_start), _len - _start);
        _start = -1;
    }

    /// <summary>Drops the message begun last and not ended (its contents failed to encode).</summary>
    public void Abandon()
    {
        if (_start < 0) return;
        _len = _start - 1;
        _start = -1;
    }

    public void Byte(byte b)
    {
        Ensure(1);
        _buf[_len++] = b;
    }

    public void Int16(short v)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buf.AsSpan(_len), v);
        _len += 2;
    }

    public void Int32(int v)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buf.AsSpan(_len), v);
        _len += 4;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buf.AsSpan(_len));
        _len += bytes.Length;
    }

    public void CString(string s)
    {
        var n = Encoding.UTF8.GetByteCount(s);
        Ensure(n + 1);
        Encoding.UTF8.GetBytes(s, _buf.AsSpan(_len));
        _len += n;
        _buf[_len++] = 0;
    }

    public void Int64(long v)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buf.AsSpan(_len), v);
        _len += 8;
    }

    /// <summary>A length-prefixed value (DataRow column); null is length -1.</summary>
    public void Value(byte[]? bytes)
    {
        if (bytes is null) { Int32(-1); return; }
        Int32(bytes.Length);
        Bytes(bytes);
    }

    /// <summary>A length-prefixed value holding the UTF-8 of <paramref name="s"/>.</summary>
    public void Value(string s)
    {
        // Short strings reserve the worst case instead of counting their bytes first.
        var max = s.Length <= 1024 ? Encoding.UTF8.GetMaxByteCount(s.Length) : Encoding.UTF8.GetByteCount(s);
        Ensure(4 + max);
        var n = Encoding.UTF8.GetBytes(s, _buf.AsSpan(_len + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buf.AsSpan(_len), n);
        _len += 4 + n;
    }

    /// <summary>Room for a length-prefixed value of exactly <paramref name="n"/> bytes, to be filled by the caller.</summary>
    public Span<byte> ValueSpan(int n)
    {
        Ensure(4 + n);
        BinaryPrimitives.WriteInt32BigEndian(_buf.AsSpan(_len), n);
        var span = _buf.AsSpan(_len + 4, n);
        _len += 4 + n;
        return span;
    }

    /// <summary>A single byte outside any message (the answer to SSLRequest/GSSENCRequest).</summary>
    public void RawByte(byte b) => Byte(b);

    public void Flush()
    {
        if (_len == 0) return;
        var sent = 0;
        while (sent < _len) sent += socket.Send(_buf, sent, _len - sent, SocketFlags.None);
        _len = 0;
        if (_buf.Length > 1 << 20) _buf = new byte[8192];
    }
}
