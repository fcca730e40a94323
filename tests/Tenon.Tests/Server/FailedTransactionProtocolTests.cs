using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>
/// Extended-protocol messages in a failed transaction block answer as PostgreSQL 15's do (the
/// message sequences below were checked against a real server): Parse, Bind, Execute and a
/// Describe of something returning rows fail with 25P02 unless the statement is COMMIT or ROLLBACK
/// (bound without parameters); describing a statement's parameters still works.
/// </summary>
public sealed class FailedTransactionProtocolTests : IDisposable
{
    private readonly TestServer _server = new();
    private readonly RawClient _client;

    public FailedTransactionProtocolTests()
    {
        _client = new RawClient(_server.Port);
        _client.Connect();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    private static byte[] Query(string sql) => Message('Q', CStr(sql));
    private static byte[] Parse(string name, string sql) => Message('P', CStr(name), CStr(sql), I16(0));
    private static byte[] Bind(string portal, string statement, params string[] values) =>
        Message('B', [.. CStr(portal), .. CStr(statement), .. I16(0), .. I16((short)values.Length),
            .. values.SelectMany(v => (byte[])[.. I32(v.Length), .. System.Text.Encoding.UTF8.GetBytes(v)]), .. I16(0)]);
    private static byte[] Execute(string portal = "", int maxRows = 0) => Message('E', CStr(portal), I32(maxRows));
    private static byte[] Describe(char kind, string name) => Message('D', [(byte)kind], CStr(name));
    private static readonly byte[] Sync = Message('S');

    /// <summary>Sends the messages and answers with the reply's message types, each error as E:SQLSTATE, ReadyForQuery as Z:status.</summary>
    private string Run(params byte[][] messages)
    {
        _client.Send(messages);
        return string.Join(" ", _client.ReadUntilReady().Where(m => m.Type is not ('S' or 'N')).Select(m => m.Type switch
        {
            'E' => "E:" + m.Fields()['C'],
            'Z' => "Z:" + m.Text,
            _ => m.Type.ToString(),
        }));
    }

    private void PrepareAndFail()
    {
        Assert.Equal("C Z:I", Run(Query("CREATE TABLE wt (a int)")));
        Assert.Equal("1 1 1 1 Z:I", Run(Parse("sel", "SELECT 1"), Parse("ins", "INSERT INTO wt VALUES ($1)"),
            Parse("commit", "COMMIT"), Parse("rb", "ROLLBACK"), Sync));
        Assert.Equal("C E:22012 Z:E", Run(Query("BEGIN; SELECT 1/0")));
    }

    [Fact]
    public void Bind_of_anything_but_COMMIT_or_ROLLBACK_is_25P02()
    {
        PrepareAndFail();
        Assert.Equal("E:25P02 Z:E", Run(Bind("", "sel"), Execute(), Sync));
        Assert.Equal("E:25P02 Z:E", Run(Bind("", "ins", "1"), Execute(), Sync));
        Assert.Equal("2 n C Z:I", Run(Bind("", "commit"), Describe('P', ""), Execute(), Sync));
        Assert.Equal("C Z:I", Run(Query("SELECT count(*) FROM wt")).Replace("T D ", ""));
    }

    [Fact]
    public void Parse_and_Describe_in_a_failed_transaction()
    {
        PrepareAndFail();
        Assert.Equal("E:25P02 Z:E", Run(Describe('S', "sel"), Sync));
        // Parameters can be described; a statement without result columns answers NoData.
        Assert.Equal("t n Z:E", Run(Describe('S', "ins"), Sync));
        Assert.Equal("E:25P02 Z:E", Run(Parse("", "SELECT 2"), Sync));
        Assert.Equal("E:25P02 Z:E", Run(Parse("", "BEGIN"), Sync));
        Assert.Equal("E:25P02 Z:E", Run(Parse("", "SAVEPOINT x"), Sync));
        Assert.Equal("2 C Z:I", Run(Bind("", "rb"), Execute(), Sync));
    }

    [Fact]
    public void A_portal_bound_before_the_failure_no_longer_runs()
    {
        Assert.Equal("C Z:T", Run(Query("BEGIN")));
        Assert.Equal("1 2 D s Z:T", Run(Parse("series", "SELECT generate_series(1, 3)"), Bind("p1", "series"), Execute("p1", 1), Sync));
        Assert.Equal("E:22012 Z:E", Run(Query("SELECT 1/0")));
        Assert.Equal("E:25P02 Z:E", Run(Execute("p1", 1), Sync));
        Assert.Equal("E:25P02 Z:E", Run(Describe('P', "p1"), Sync));
        Assert.Equal("C Z:I", Run(Query("ROLLBACK")));
    }

    [Fact]
    public void An_error_in_Parse_or_Bind_fails_the_transaction_block()
    {
        Assert.Equal("C Z:T", Run(Query("BEGIN")));
        Assert.Equal("1 2 E:42P03 Z:E", Run(Parse("s1", "SELECT 1"), Bind("p1", "s1"), Bind("p1", "s1"), Sync));
        Assert.Equal("C Z:I", Run(Query("ROLLBACK")));
        Assert.Equal("C Z:T", Run(Query("BEGIN")));
        Assert.Equal("E:42601 Z:E", Run(Parse("", "SELEC 1"), Sync));
        Assert.Equal("C Z:I", Run(Query("ROLLBACK")));
        Assert.Equal("C Z:T", Run(Query("BEGIN")));
        Assert.Equal("E:26000 Z:E", Run(Bind("", "nope"), Sync));
        Assert.Equal("C Z:I", Run(Query("ROLLBACK")));
    }

    [Fact]
    public void An_error_in_a_later_message_rolls_back_the_pipeline()
    {
        Assert.Equal("C Z:I", Run(Query("CREATE TABLE wt (a int)")));
        Assert.Equal("1 2 C E:26000 Z:I", Run(Parse("ins", "INSERT INTO wt VALUES (1)"), Bind("", "ins"), Execute(), Bind("", "nope"), Sync));
        Assert.Equal("2 C E:42601 Z:I", Run(Bind("", "ins"), Execute(), Parse("", "SELEC"), Sync));
        _client.Send(Query("SELECT count(*) FROM wt"));
        var rows = _client.ReadUntilReady().Where(m => m.Type == 'D').ToList();
        Assert.Equal("0", System.Text.Encoding.UTF8.GetString(Assert.Single(rows).Body, 6, 1));
    }
}
