using System.Buffers.Binary;
using System.Text;

namespace Tenon.Server;

/// <summary>
/// Builds backend messages into one growing buffer (type byte, int32 length, payload) and writes
/// them to the socket on <see cref="Flush"/>, so a whole response goes out in few writes.
/// </summary>
internal sealed class MessageWriter(Stream stream)
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

    /// <summary>A length-prefixed value (DataRow column); null is length -1.</summary>
    public void Value(byte[]? bytes)
    {
        if (bytes is null) { Int32(-1); return; }
        Int32(bytes.Length);
        Bytes(bytes);
    }

    /// <summary>A single byte outside any message (the answer to SSLRequest/GSSENCRequest).</summary>
    public void RawByte(byte b) => Byte(b);

    public void Flush()
    {
        if (_len == 0) return;
        stream.Write(_buf, 0, _len);
        stream.Flush();
        _len = 0;
        if (_buf.Length > 1 << 20) _buf = new byte[8192];
    }
}
