using System.Text;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// COPY's sub-protocol. FROM STDIN: CopyInResponse, then the client's CopyData messages go to
/// the session's <see cref="CopyInRequest"/> until CopyDone or CopyFail (Flush and Sync are
/// ignored meanwhile, as PostgreSQL does). TO STDOUT: CopyOutResponse, one CopyData per line,
/// CopyDone. Both use the text format codes (0) for the whole copy and every column.
/// </summary>
internal sealed partial class PgConnection
{
    private void CopyIn(CopyInRequest request)
    {
        _out.Begin('G');
        _out.Byte(0);
        _out.Int16((short)request.ColumnCount);
        for (var i = 0; i < request.ColumnCount; i++) _out.Int16(0);
        _out.End();
        _out.Flush();
        while (true)
        {
            var message = ReadMessage();
            if (message is null)
            {
                request.Fail("connection lost during COPY");
                throw new IOException("client closed the connection during COPY FROM STDIN");
            }
            var (type, body) = message.Value;
            switch (type)
            {
                case 'd':
                    request.Write(body.ReadBytes(body.Remaining));
                    continue;
                case 'c':
                    body.End();
                    request.Complete();
                    return;
                case 'f':
                    request.Fail(body.ReadCString());
                    return;
                case 'H' or 'S':
                    continue;
                default:
                    // What PostgreSQL answers: the COPY fails and the message is lost.
                    request.Fail($"unexpected message type 0x{(byte)type:X2} during COPY from stdin");
                    throw new TenonException(SqlState.ProtocolViolation, $"unexpected message type 0x{(byte)type:X2} during COPY from stdin");
            }
        }
    }

    private void CopyOut(CopyOutData data)
    {
        _out.Begin('H');
        _out.Byte(0);
        _out.Int16((short)data.ColumnCount);
        for (var i = 0; i < data.ColumnCount; i++) _out.Int16(0);
        _out.End();
        foreach (var line in data.Lines)
        {
            _out.Begin('d');
            _out.Bytes(Encoding.UTF8.GetBytes(line));
            _out.End();
        }
        _out.Begin('c');
        _out.End();
    }
}
