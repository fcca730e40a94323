using System.Net.Sockets;

namespace Tenon.Server;

/// <summary>
/// The connection's read side: one buffer, filled by as large socket reads as it has room for,
/// from which frontend messages are taken in place. A pipeline of small messages (Bind, Execute,
/// Sync in one packet) then costs one receive call and no copying; a message larger than the
/// buffer gets an array of its own.
/// </summary>
internal sealed class ReceiveBuffer(Socket socket)
{
    private const int Capacity = 16384;

    private readonly byte[] _buf = new byte[Capacity];
    private int _pos;
    private int _len;

    /// <summary>The bytes at and after <see cref="Position"/> are valid up to the next read.</summary>
    public byte[] Buffer => _buf;

    public int Position => _pos;

    /// <summary>Bytes received and not yet taken.</summary>
    public int Buffered => _len - _pos;

    /// <summary>
    /// Makes at least <paramref name="n"/> (at most the capacity) bytes available at
    /// <see cref="Position"/>. False on end of stream before any of them when
    /// <paramref name="eofOk"/>; end of stream later is <see cref="EndOfStreamException"/>.
    /// </summary>
    public bool Fill(int n, bool eofOk)
    {
        if (_len - _pos >= n) return true;
        if (_pos == _len) _pos = _len = 0;
        else if (_pos + n > Capacity)
        {
            // Not enough room behind the unread bytes: move them to the front.
            var have = _len - _pos;
            Array.Copy(_buf, _pos, _buf, 0, have);
            _pos = 0;
            _len = have;
        }
        var before = _len - _pos;
        while (_len - _pos < n)
        {
            var r = socket.Receive(_buf, _len, Capacity - _len, SocketFlags.None);
            if (r == 0)
            {
                if (eofOk && before == 0 && _len - _pos == 0) return false;
                throw new EndOfStreamException();
            }
            _len += r;
        }
        return true;
    }

    /// <summary>Takes <paramref name="n"/> bytes already made available by <see cref="Fill"/>.</summary>
    public void Skip(int n) => _pos += n;

    /// <summary>Copies exactly <paramref name="n"/> bytes into <paramref name="target"/>, receiving as needed (any size).</summary>
    public void ReadInto(byte[] target, int n)
    {
        var got = Math.Min(n, _len - _pos);
        Array.Copy(_buf, _pos, target, 0, got);
        _pos += got;
        while (got < n)
        {
            var r = socket.Receive(target, got, n - got, SocketFlags.None);
            if (r == 0) throw new EndOfStreamException();
            got += r;
        }
    }

    /// <summary>The largest message body that can be taken in place.</summary>
    public static int InPlaceLimit => Capacity;
}
