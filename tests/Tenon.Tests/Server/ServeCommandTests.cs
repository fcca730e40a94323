using Tenon.Cli;

namespace Tenon.Tests.Server;

public sealed class ServeCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = ServeCommand.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Data_directory_served_by_another_server_is_refused_clearly()
    {
        using var dir = new Durability.TempDir();
        using (Tenon.Server.DatabaseRegistry.OpenDirectory(dir.Path))
        {
            var (code, _, err) = Run("--data", dir.Path, "--listen", "127.0.0.1:0");
            Assert.Equal(1, code);
            Assert.Contains($"tenon serve: error: data directory \"{dir.Path}\" is in use by another process", err);
            Assert.Contains("HINT:  Is another tenon serve running", err);
        }
    }

    [Fact]
    public void Help_and_bad_options()
    {
        Assert.Contains("--listen HOST:PORT", Run("--help").Out);
        Assert.Equal(1, Run("--bogus").Code);
        Assert.Contains("invalid --listen address", Run("--listen", "nonsense").Err);
    }

    [Fact]
    public void A_socket_directory_that_cannot_hold_the_socket_is_refused_clearly()
    {
        using var dir = new Durability.TempDir();
        var missing = Path.Combine(dir.Path, "no", "such", "dir");
        var (code, _, err) = Run("--listen", "127.0.0.1:0", "--socket-dir", missing);
        Assert.Equal(1, code);
        Assert.Contains($"tenon serve: error: could not listen on {missing}/.s.PGSQL.", err);
        Assert.Contains("--socket-dir DIR", Run("--help").Out);
    }

    [Theory]
    [InlineData("127.0.0.1:5433", "127.0.0.1", 5433)]
    [InlineData("[::1]:6000", "::1", 6000)]
    [InlineData("0.0.0.0:0", "0.0.0.0", 0)]
    public void Listen_addresses_parse(string text, string address, int port)
    {
        Assert.True(ServeCommand.TryParseEndPoint(text, out var ep));
        Assert.Equal(address, ep.Address.ToString());
        Assert.Equal(port, ep.Port);
    }
}
