using System.Buffers.Binary;
using System.Text;
using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>
/// The server's buffering of the byte stream: messages are taken in place from one receive
/// buffer and DataRows are built straight into the output, so message boundaries that fall
/// anywhere in a read, messages larger than the buffer, and values that fail halfway through a
/// row must all come out as if each message had been read and answered on its own.
/// </summary>
public sealed class BufferingTests : IDisposable
{
    private readonly TestServer _server = new();

    public void Dispose() => _server.Dispose();

    private static byte[] Bind(string portal, string statement, params string?[] values) =>
        Message('B', [.. CStr(portal), .. CStr(statement), .. I16(0), .. I16((short)values.Length),
            .. values.SelectMany(v => v is null ? I32(-1) : [.. I32(Encoding.UTF8.GetByteCount(v)), .. Encoding.UTF8.GetBytes(v)]),
            .. I16(0)]);

    private static byte[] Execute(string portal = "") => Message('E', CStr(portal), I32(0));

    private static string Column(BackendMessage dataRow, int column)
    {
        var pos = 2;
        for (var i = 0; i < column; i++) pos += 4 + BinaryPrimitives.ReadInt32BigEndian(dataRow.Body.AsSpan(pos));
        var len = BinaryPrimitives.ReadInt32BigEndian(dataRow.Body.AsSpan(pos));
        return Encoding.UTF8.GetString(dataRow.Body, pos + 4, len);
    }

    [Fact]
    public void Hundreds_of_pipelined_messages_in_one_write_are_each_answered_in_order()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        const int n = 700;
        var pipeline = new List<byte[]> { Message('P', CStr("s"), CStr("SELECT $1::int * 2, 'row ' || $1"), I16(0)) };
        for (var i = 0; i < n; i++)
        {
            pipeline.Add(Bind("", "s", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            pipeline.Add(Execute());
        }
        pipeline.Add(Message('S'));
        // One buffer of ~30 KB: the messages straddle every receive the server makes.
        c.Send(pipeline.SelectMany(m => m).ToArray());
        var msgs = c.ReadUntilReady();
        Assert.Equal(1 + 3 * n + 1, msgs.Count);
        Assert.Equal('1', msgs[0].Type);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(['2', 'D', 'C'], msgs.Skip(1 + 3 * i).Take(3).Select(m => m.Type));
            Assert.Equal((2 * i).ToString(System.Globalization.CultureInfo.InvariantCulture), Column(msgs[2 + 3 * i], 0));
            Assert.Equal($"row {i}", Column(msgs[2 + 3 * i], 1));
        }
        Assert.Equal("I", msgs[^1].Text);
    }

    [Fact]
    public void A_message_arriving_a_few_bytes_at_a_time_is_read_whole()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        var bytes = new[] { Message('P', CStr(""), CStr("SELECT upper($1)"), I16(0)), Bind("", "", "split"), Execute(), Message('S') }
            .SelectMany(m => m).ToArray();
        for (var i = 0; i < bytes.Length; i += 3)
        {
            c.Send(bytes[i..Math.Min(bytes.Length, i + 3)]);
            Thread.Sleep(1);
        }
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', '2', 'D', 'C', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("SPLIT", Column(msgs[2], 0));
    }

    [Fact]
    public void Parameters_and_rows_larger_than_the_buffers_pass_intact()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        var big = string.Concat(Enumerable.Range(0, 20000).Select(i => (char)('a' + i % 26))) + "é";
        c.Send(Message('P', CStr(""), CStr("SELECT $1 || $1, length($1)"), I16(0)), Bind("", "", big), Execute(), Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', '2', 'D', 'C', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal(big + big, Column(msgs[2], 0));
        Assert.Equal("20001", Column(msgs[2], 1));

        // A simple query text bigger than the buffer, answered with a row of half a megabyte.
        var literal = new string('q', 40000);
        c.Send(Message('Q', CStr($"SELECT repeat('{literal}', 12) AS r")));
        msgs = c.ReadUntilReady();
        Assert.Equal(['T', 'D', 'C', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal(480000, Column(msgs[1], 0).Length);
    }

    [Fact]
    public void A_value_that_cannot_be_sent_leaves_no_part_of_its_row_behind()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        // Binary results for every column; Tenon has no binary output for tsvector.
        c.Send(Message('P', CStr(""), CStr("SELECT 7, 'fat cat'::tsvector"), I16(0)),
            Message('B', CStr(""), CStr(""), I16(0), I16(0), I16(1), I16(1)),
            Execute(), Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', '2', 'E', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("0A000", msgs[2].Fields()['C']);
        c.Send(Message('Q', CStr("SELECT 'fat cat'::tsvector")));
        msgs = c.ReadUntilReady();
        Assert.Equal(['T', 'D', 'C', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("'cat' 'fat'", Column(msgs[1], 0));
    }

    [Fact]
    public void A_setting_changed_and_changed_back_reports_nothing_and_a_later_change_is_reported()
    {
        using var c = new RawClient(_server.Port);
        c.Connect();
        c.Send(Message('Q', CStr("SET application_name = 'x'; RESET application_name")));
        Assert.Equal(['C', 'C', 'Z'], c.ReadUntilReady().Select(m => m.Type));
        c.Send(Message('P', CStr(""), CStr("SET DateStyle = 'SQL, DMY'"), I16(0)), Bind("", ""), Execute(), Message('S'));
        var msgs = c.ReadUntilReady();
        Assert.Equal(['1', '2', 'C', 'S', 'Z'], msgs.Select(m => m.Type));
        Assert.Equal("DateStyle\0SQL, DMY", msgs[3].Text);
        c.Send(Message('Q', CStr("SELECT 1")));
        Assert.Equal(['T', 'D', 'C', 'Z'], c.ReadUntilReady().Select(m => m.Type));
    }
}
