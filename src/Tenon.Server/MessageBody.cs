using System.Buffers.Binary;
using System.Text;

namespace Tenon.Server;

/// <summary>
/// A cursor over one frontend message's payload. Reading past the end or an unterminated string is
/// PostgreSQL's 08P01 ERROR ("insufficient data left in message", "invalid string in message");
/// leftover bytes are "invalid message format". The payload may lie inside the connection's
/// receive buffer (<paramref name="offset"/> on): it is valid only until the next message is read.
/// </summary>
internal sealed class MessageBody(byte[] data, int offset, int length)
{
    private readonly int _end = offset + length;
    private int _pos = offset;

    public MessageBody(byte[] data, int length) : this(data, 0, length)
    {
    }

    public int Remaining => _end - _pos;

    private void Need(int n)
    {
        if (n < 0 || _end - _pos < n) throw new ProtocolViolation("insufficient data left in message");
    }

    public byte ReadByte()
    {
        Need(1);
        return data[_pos++];
    }

    public short ReadInt16()
    {
        Need(2);
        var v = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(_pos));
        _pos += 2;
        return v;
    }

    public int ReadInt32()
    {
        Need(4);
        var v = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(_pos));
        _pos += 4;
        return v;
    }

    public byte[] ReadBytes(int n)
    {
        Need(n);
        var v = data.AsSpan(_pos, n).ToArray();
        _pos += n;
        return v;
    }

    /// <summary>Passes over <paramref name="n"/> bytes, to be read later with <see cref="Slice"/>; returns where they start.</summary>
    public int SkipBytes(int n)
    {
        Need(n);
        var start = _pos;
        _pos += n;
        return start;
    }

    /// <summary>Bytes passed over by <see cref="SkipBytes"/>.</summary>
    public ReadOnlySpan<byte> Slice(int start, int n) => data.AsSpan(start, n);

    /// <summary>A NUL-terminated UTF-8 string.</summary>
    public string ReadCString()
    {
        var end = Array.IndexOf(data, (byte)0, _pos, _end - _pos);
        if (end == _pos)
        {
            _pos++;
            return "";
        }
        if (end < 0) throw new ProtocolViolation("invalid string in message");
        var s = Decode(data.AsSpan(_pos, end - _pos));
        _pos = end + 1;
        return s;
    }

    /// <summary>Checks that the whole payload was consumed.</summary>
    public void End()
    {
        if (_pos != _end) throw new ProtocolViolation("invalid message format");
    }

    /// <summary>Client text is UTF-8; invalid bytes are PostgreSQL's 22021 error naming them.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var good, out _, replaceInvalidSequences: false);
        var lead = bytes[good];
        var len = lead switch { >= 0xF0 and <= 0xF7 => 4, >= 0xE0 => 3, >= 0xC0 => 2, _ => 1 };
        len = Math.Min(len, bytes.Length - good);
        var shown = string.Join(" ", bytes.Slice(good, len).ToArray().Select(b => $"0x{b:x2}"));
        throw new ProtocolViolation($"invalid byte sequence for encoding \"UTF8\": {shown}", sqlState: "22021");
    }
}
