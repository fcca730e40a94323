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
    public void Data_directory_is_refused_clearly()
    {
        var (code, _, err) = Run("--data", "/tmp/x");
        Assert.Equal(1, code);
        Assert.Contains("--data is not supported yet", err);
    }

    [Fact]
    public void Help_and_bad_options()
    {
        Assert.Contains("--listen HOST:PORT", Run("--help").Out);
        Assert.Equal(1, Run("--bogus").Code);
        Assert.Contains("invalid --listen address", Run("--listen", "nonsense").Err);
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
