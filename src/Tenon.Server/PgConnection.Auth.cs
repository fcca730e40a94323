using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// Client authentication, as PostgreSQL's pg_hba methods trust, password, md5 and scram-sha-256
/// behave: a failed login is FATAL 28P01 "password authentication failed for user", also for
/// user names that do not exist (they get the same challenge, so probing cannot tell them apart).
/// </summary>
internal sealed partial class PgConnection
{
    private const int AuthOk = 0, AuthCleartext = 3, AuthMd5 = 5, AuthSasl = 10, AuthSaslContinue = 11, AuthSaslFinal = 12;

    /// <summary>Longest password or SASL message accepted (PostgreSQL's PG_MAX_AUTH_TOKEN_LENGTH).</summary>
    private const int MaxAuthMessage = 65535;

    /// <summary>Runs the configured method for <paramref name="user"/>, ending with AuthenticationOk; throws a FATAL on failure.</summary>
    private void AuthenticateClient(string user, string database)
    {
        var options = _server.Options;
        var method = options.Authentication ?? (options.Users.Count > 0 ? PgAuthMethod.ScramSha256 : (PgAuthMethod?)null);
        if (method is null && !IsLoopbackClient())
            throw new ProtocolViolation(
                $"no pg_hba.conf entry for host \"{RemoteAddress()}\", user \"{user}\", database \"{database}\", no encryption",
                fatal: true, sqlState: "28000");
        var secret = _server.Secrets.GetValueOrDefault(user);
        var ok = method switch
        {
            null or PgAuthMethod.Trust => true,
            PgAuthMethod.Password => CleartextExchange(secret),
            // A user whose password is stored as a SCRAM verifier logs in with SCRAM even under md5.
            PgAuthMethod.Md5 when secret is { Md5Hex: null, Scram: not null } => ScramExchange(secret, user),
            PgAuthMethod.Md5 => Md5Exchange(secret),
            _ => ScramExchange(secret, user),
        };
        if (!ok)
            throw new ProtocolViolation($"password authentication failed for user \"{user}\"", fatal: true, sqlState: "28P01");
        SendAuthRequest(AuthOk);
    }

    private bool IsLoopbackClient()
    {
        if (_socket.AddressFamily == System.Net.Sockets.AddressFamily.Unix) return true;
        var address = (_socket.RemoteEndPoint as IPEndPoint)?.Address;
        if (address is null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return IPAddress.IsLoopback(address);
    }

    private string RemoteAddress()
    {
        if (_socket.AddressFamily == System.Net.Sockets.AddressFamily.Unix) return "[local]";
        var address = (_socket.RemoteEndPoint as IPEndPoint)?.Address;
        if (address is { IsIPv4MappedToIPv6: true }) address = address.MapToIPv4();
        return address?.ToString() ?? "[unknown]";
    }

    private bool CleartextExchange(UserSecret? secret)
    {
        SendAuthRequest(AuthCleartext);
        var body = ReadPasswordMessage();
        if (body is null) return false;
        var password = Fatal(() =>
        {
            var s = body.ReadCString();
            if (body.Remaining != 0) throw new ProtocolViolation("invalid password packet size", fatal: true);
            return s;
        });
        return password.Length > 0 && secret is not null && secret.VerifyCleartext(password);
    }

    private bool Md5Exchange(UserSecret? secret)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        SendAuthRequest(AuthMd5, salt);
        var body = ReadPasswordMessage();
        if (body is null) return false;
        var response = Fatal(() =>
        {
            var s = body.ReadCString();
            if (body.Remaining != 0) throw new ProtocolViolation("invalid password packet size", fatal: true);
            return s;
        });
        return secret is not null && secret.VerifyMd5(response, salt);
    }

    private bool ScramExchange(UserSecret? secret, string user)
    {
        var exchange = new ScramExchange(secret?.Scram, user, _server.MockScramSecret);
        SendAuthRequest(AuthSasl, Encoding.ASCII.GetBytes(Server.ScramExchange.Mechanism + "\0\0"));

        // SASLInitialResponse: mechanism, then the length-prefixed client-first-message.
        var initial = ReadPasswordMessage();
        if (initial is null) return false;
        var clientFirst = Fatal(() =>
        {
            var mechanism = initial.ReadCString();
            if (mechanism != Server.ScramExchange.Mechanism)
                throw new ProtocolViolation("client selected an invalid SASL authentication mechanism", fatal: true);
            var len = initial.ReadInt32();
            var data = len < 0 ? [] : initial.ReadBytes(len);
            initial.End();
            return Encoding.UTF8.GetString(data);
        });
        var serverFirst = Scram(() => exchange.ServerFirst(clientFirst));
        SendAuthRequest(AuthSaslContinue, Encoding.UTF8.GetBytes(serverFirst));

        // SASLResponse: the rest of the message is client-final-message.
        var final = ReadPasswordMessage();
        if (final is null) return false;
        var clientFinal = Encoding.UTF8.GetString(final.ReadBytes(final.Remaining));
        string serverFinal = "";
        if (!Scram(() => exchange.VerifyClientFinal(clientFinal, out serverFinal))) return false;
        SendAuthRequest(AuthSaslFinal, Encoding.UTF8.GetBytes(serverFinal));
        return true;
    }

    private void SendAuthRequest(int code, ReadOnlySpan<byte> data = default)
    {
        _out.Begin('R');
        _out.Int32(code);
        _out.Bytes(data);
        _out.End();
        if (code != AuthOk) _out.Flush();
    }

    /// <summary>
    /// Reads the client's 'p' message (PasswordMessage, SASLInitialResponse or SASLResponse). Null
    /// when the client hangs up instead, as psql does to ask the user for a password and reconnect.
    /// </summary>
    private MessageBody? ReadPasswordMessage()
    {
        if (!ReadExactly(_header, 1, eofOk: true)) return null;
        if (_header[0] != (byte)'p')
            throw new ProtocolViolation($"expected password response, got message type {_header[0]}", fatal: true);
        ReadExactly(_header, 4, eofOk: false);
        var len = BinaryPrimitives.ReadInt32BigEndian(_header);
        if (len < 4 || len > MaxAuthMessage + 4) throw new ProtocolViolation("invalid message length", fatal: true, report: false);
        var body = new byte[len - 4];
        ReadExactly(body, body.Length, eofOk: false);
        return new MessageBody(body, body.Length);
    }

    /// <summary>During authentication every protocol error ends the connection.</summary>
    private static T Fatal<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ProtocolViolation pv) when (!pv.Fatal)
        {
            throw new ProtocolViolation(pv.Message, fatal: true, sqlState: pv.SqlState);
        }
    }

    private static T Scram<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (TenonException e)
        {
            throw new ProtocolViolation(e);
        }
    }
}
