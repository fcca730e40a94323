using Npgsql;
using Tenon.Server;
using static Tenon.Tests.Server.RawClient;

namespace Tenon.Tests.Server;

/// <summary>Password, MD5 and SCRAM-SHA-256 logins with Npgsql, psql and a raw socket; PostgreSQL's FATAL errors.</summary>
public sealed class AuthenticationTests
{
    // What PostgreSQL 15 stored for a role created with PASSWORD 'secret' under scram-sha-256.
    private const string DaveScram =
        "SCRAM-SHA-256$4096:0pVZtsU3ihGUvmUfNwQ7Ng==$KIa6SqEWTTDPaeJU9KIyhtgL0VRDUKNX8qBHM1T0J20=:YabSwHVb2hvDM2i0h1lhTHhJlE2a1OpF1krN+k5dqTk=";

    private static TestServer Start(PgAuthMethod? method) => new(new PgServerOptions
    {
        Authentication = method,
        Users = new Dictionary<string, string>
        {
            ["alice"] = "secret",
            ["carol"] = "md5" + UserSecret.Md5Hash("secret", "carol"),
            ["dave"] = DaveScram,
        },
    });

    private static string ConnectionString(TestServer server, string user, string password) =>
        new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = user, Password = password }.ConnectionString;

    public static TheoryData<PgAuthMethod?> Methods() => [PgAuthMethod.Password, PgAuthMethod.Md5, PgAuthMethod.ScramSha256, null];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Npgsql_logs_in_with_the_right_password_and_fails_with_28P01_otherwise(PgAuthMethod? method)
    {
        using var server = Start(method);
        using (var c = new NpgsqlConnection(ConnectionString(server, "alice", "secret")))
        {
            c.Open();
            using var cmd = new NpgsqlCommand("SELECT current_user", c);
            Assert.Equal("alice", cmd.ExecuteScalar());
        }
        foreach (var (user, password) in new[] { ("alice", "wrong"), ("nobody", "secret") })
        {
            using var c = new NpgsqlConnection(ConnectionString(server, user, password));
            var e = Assert.Throws<PostgresException>(c.Open);
            Assert.Equal(("FATAL", "28P01", $"password authentication failed for user \"{user}\""), (e.Severity, e.SqlState, e.MessageText));
        }
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Psql_logs_in_with_the_right_password_and_fails_otherwise(PgAuthMethod? method)
    {
        using var server = Start(method);
        var (ok, code) = ServerPsql.Run(server.Port, "SELECT current_user;\n", user: "alice", password: "secret");
        Assert.Equal(0, code);
        Assert.Contains(" alice\n(1 row)", ok);
        var (bad, badCode) = ServerPsql.Run(server.Port, "SELECT 1;\n", user: "alice", password: "nope");
        Assert.Equal(2, badCode);
        Assert.Contains("FATAL:  password authentication failed for user \"alice\"", bad);
        var (none, _) = ServerPsql.Run(server.Port, "SELECT 1;\n", user: "alice");
        Assert.Contains("fe_sendauth: no password supplied", none);
    }

    [Theory]
    [InlineData(PgAuthMethod.Password, "carol", true)]
    [InlineData(PgAuthMethod.Password, "dave", true)]
    [InlineData(PgAuthMethod.Md5, "carol", true)]
    [InlineData(PgAuthMethod.Md5, "dave", true)] // a SCRAM secret makes md5 use SCRAM, as in PostgreSQL
    [InlineData(PgAuthMethod.ScramSha256, "carol", false)] // an MD5 hash cannot answer SCRAM
    [InlineData(PgAuthMethod.ScramSha256, "dave", true)]
    public void Secrets_stored_as_PostgreSQL_stores_them(PgAuthMethod method, string user, bool admitted)
    {
        using var server = Start(method);
        using var c = new NpgsqlConnection(ConnectionString(server, user, "secret"));
        if (admitted) c.Open();
        else Assert.Equal("28P01", Assert.Throws<PostgresException>(c.Open).SqlState);
    }

    [Fact]
    public void Cleartext_exchange_on_the_wire()
    {
        using var server = Start(PgAuthMethod.Password);
        using var c = new RawClient(server.Port);
        c.Send(StartupPacket(3 << 16, ("user", "alice"), ("database", "postgres")));
        Assert.Equal([0, 0, 0, 3], c.Read()!.Body);
        c.Send(Message('p', CStr("secret")));
        var msgs = c.ReadUntilReady();
        Assert.Equal('R', msgs[0].Type);
        Assert.Equal([0, 0, 0, 0], msgs[0].Body);
    }

    [Fact]
    public void Md5_exchange_uses_the_salt_and_a_wrong_answer_is_FATAL()
    {
        using var server = Start(PgAuthMethod.Md5);
        foreach (var password in new[] { "secret", "wrong" })
        {
            using var c = new RawClient(server.Port);
            c.Send(StartupPacket(3 << 16, ("user", "alice"), ("database", "postgres")));
            var request = c.Read()!;
            Assert.Equal([0, 0, 0, 5], request.Body[..4]);
            c.Send(Message('p', CStr(UserSecret.Md5Response(UserSecret.Md5Hash(password, "alice"), request.Body[4..]))));
            if (password == "secret")
            {
                Assert.Equal('Z', c.ReadUntilReady()[^1].Type);
                continue;
            }
            var f = Assert.Single(c.ReadToEnd()).Fields();
            Assert.Equal(("FATAL", "28P01", "password authentication failed for user \"alice\""), (f['S'], f['C'], f['M']));
        }
    }

    [Fact]
    public void Something_other_than_a_password_message_is_FATAL_08P01()
    {
        using var server = Start(PgAuthMethod.Password);
        using var c = new RawClient(server.Port);
        c.Send(StartupPacket(3 << 16, ("user", "alice"), ("database", "postgres")));
        Assert.Equal('R', c.Read()!.Type);
        c.Send(Message('Q', CStr("SELECT 1")));
        var f = Assert.Single(c.ReadToEnd()).Fields();
        Assert.Equal(("FATAL", "08P01", "expected password response, got message type 81"), (f['S'], f['C'], f['M']));
    }

    [Fact]
    public void Scram_exchange_matches_RFC_7677s_example()
    {
        // RFC 7677 section 3: user "user", password "pencil".
        var verifier = ScramVerifier.Create("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        var exchange = new ScramExchange(verifier, "user", new byte[32], serverNonce: "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        Assert.Equal("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
            exchange.ServerFirst("n,,n=user,r=rOprNGfwEbeRWgbNEkqO"));
        Assert.True(exchange.VerifyClientFinal(
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", out var final));
        Assert.Equal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", final);
    }

    [Fact]
    public void Scram_for_an_unknown_user_looks_the_same_and_fails_at_the_end()
    {
        var secret = new byte[32];
        var first = new ScramExchange(null, "ghost", secret).ServerFirst("n,,n=,r=abc");
        var again = new ScramExchange(null, "ghost", secret).ServerFirst("n,,n=,r=abc");
        Assert.Equal(first.Split(',')[1], again.Split(',')[1]); // the same salt on every attempt
        Assert.EndsWith(",i=4096", first);
    }

    [Theory]
    [InlineData("p=tls-server-end-point,,n=,r=abc", "malformed SCRAM message")]
    [InlineData("x,,n=,r=abc", "malformed SCRAM message")]
    [InlineData("n,a=someone,n=,r=abc", "client uses authorization identity, but it is not supported")]
    [InlineData("n,,r=abc", "malformed SCRAM message")]
    public void Malformed_client_first_messages_are_refused(string clientFirst, string message)
    {
        var e = Assert.Throws<Tenon.Errors.TenonException>(() => new ScramExchange(null, "u", new byte[32]).ServerFirst(clientFirst));
        Assert.Equal(message, e.MessageText);
    }

    [Fact]
    public void Without_users_loopback_clients_are_trusted()
    {
        using var server = new TestServer();
        using var c = new NpgsqlConnection(server.ConnectionString);
        c.Open();
    }

    [Fact]
    public void Password_file_and_options_of_tenon_serve()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "# users\nalice:se:cret\n\nbob:" + DaveScram + "\n");
        try
        {
            var auth = new Tenon.Cli.ServeAuthOptions();
            var err = new StringWriter();
            Assert.True(auth.TryHandle("--password-file", _ => file, err));
            Assert.True(auth.TryHandle("--auth=md5", _ => "md5", err));
            Assert.Null(auth.TryHandle("--listen", _ => "x", err));
            var options = auth.Apply(new PgServerOptions(), err)!;
            Assert.Equal("se:cret", options.Users["alice"]);
            Assert.Equal(PgAuthMethod.Md5, options.Authentication);
            Assert.False(new Tenon.Cli.ServeAuthOptions().TryHandle("--auth", _ => "ident", err));
            var noUsers = new Tenon.Cli.ServeAuthOptions();
            noUsers.TryHandle("--auth", _ => "scram-sha-256", err);
            Assert.Null(noUsers.Apply(new PgServerOptions(), err));
            Assert.Contains("--auth scram-sha-256 needs users", err.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Md5_hash_is_PostgreSQLs()
    {
        // SELECT 'md5' || md5('secret' || 'u_md5') in PostgreSQL.
        Assert.Equal("md5b86e5ba24c715f8b28df87aa95864881", "md5" + UserSecret.Md5Hash("secret", "u_md5"));
    }
}
