using System.Security.Cryptography;
using System.Text;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// The server's side of one SASL SCRAM-SHA-256 exchange (RFC 5802, RFC 7677) as PostgreSQL runs
/// it: the user name comes from the startup packet (the client's <c>n=</c> is ignored), there is
/// no channel binding (no TLS), and a user without a SCRAM verifier gets a mock exchange that
/// fails only at the end, so that probing cannot tell which users exist.
/// </summary>
internal sealed class ScramExchange
{
    public const string Mechanism = "SCRAM-SHA-256";
    private const int NonceBytes = 18;

    private readonly ScramVerifier _verifier;
    private readonly bool _doomed;
    private string _gs2Header = "";
    private string _clientFirstBare = "";
    private string _serverFirst = "";
    private string _nonce = "";
    private readonly string? _fixedServerNonce;

    /// <param name="verifier">The user's verifier, or null for the mock exchange.</param>
    /// <param name="user">The startup packet's user name (seeds the mock salt, which must not vary between attempts).</param>
    /// <param name="mockSecret">A per-server random key for the mock salt.</param>
    /// <param name="serverNonce">Only for tests against published exchanges: the server's part of the nonce.</param>
    public ScramExchange(ScramVerifier? verifier, string user, byte[] mockSecret, string? serverNonce = null)
    {
        _fixedServerNonce = serverNonce;
        if (verifier is not null)
        {
            _verifier = verifier;
            return;
        }
        _doomed = true;
        var salt = HMACSHA256.HashData(mockSecret, Encoding.UTF8.GetBytes(user))[..16];
        _verifier = new ScramVerifier(UserSecret.DefaultIterations, salt, RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Reads client-first-message and answers server-first-message.</summary>
    public string ServerFirst(string clientFirst)
    {
        var p = new Reader(clientFirst, "client-first-message");
        var flag = p.Next();
        switch (flag)
        {
            case 'n' or 'y':
                break;
            case 'p':
                throw Malformed("The client selected SCRAM-SHA-256 without channel binding, but the SCRAM message includes channel binding data.");
            default:
                throw Malformed($"Unexpected channel-binding flag \"{Printable(flag)}\".");
        }
        p.Expect(',');
        if (p.Peek() == 'a')
            throw new TenonException(SqlState.FeatureNotSupported, "client uses authorization identity, but it is not supported");
        p.Expect(',');
        _gs2Header = clientFirst[..p.Position];
        _clientFirstBare = clientFirst[p.Position..];
        if (p.Peek() == 'm')
            throw new TenonException(SqlState.FeatureNotSupported, "client requires an unsupported SCRAM extension");
        p.Attribute('n');
        p.Expect(',');
        var clientNonce = p.Attribute('r');
        if (clientNonce.Length == 0 || clientNonce.Any(c => c < 0x21 || c > 0x7E))
            throw Malformed("Could not parse SCRAM nonce.");
        while (!p.AtEnd)
        {
            p.Expect(',');
            p.AnyAttribute();
        }
        _nonce = clientNonce + (_fixedServerNonce ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(NonceBytes)));
        _serverFirst = $"r={_nonce},s={Convert.ToBase64String(_verifier.Salt)},i={_verifier.Iterations}";
        return _serverFirst;
    }

    /// <summary>
    /// Reads client-final-message. True when the proof is right; then <paramref name="serverFinal"/>
    /// is the server-final-message that proves the server knew the verifier.
    /// </summary>
    public bool VerifyClientFinal(string clientFinal, out string serverFinal)
    {
        serverFinal = "";
        var p = new Reader(clientFinal, "client-final-message");
        var binding = p.Attribute('c');
        if (binding != Convert.ToBase64String(Encoding.UTF8.GetBytes(_gs2Header)))
            throw new TenonException(SqlState.ProtocolViolation, "SCRAM channel binding check failed");
        p.Expect(',');
        if (p.Attribute('r') != _nonce) throw Malformed("Nonce does not match.");
        int proofStart;
        string name;
        while (true)
        {
            p.Expect(',');
            proofStart = p.Position - 1;
            (name, var value) = p.AnyAttribute();
            if (name != "p") continue;
            if (!p.AtEnd) throw Malformed("Garbage found at the end of client-final-message.");
            byte[] proof;
            try
            {
                proof = Convert.FromBase64String(value);
            }
            catch (FormatException)
            {
                throw Malformed("Malformed proof in client-final-message.");
            }
            if (proof.Length != 32) throw Malformed("Malformed proof in client-final-message.");

            var authMessage = Encoding.UTF8.GetBytes($"{_clientFirstBare},{_serverFirst},{clientFinal[..proofStart]}");
            var clientSignature = HMACSHA256.HashData(_verifier.StoredKey, authMessage);
            for (var i = 0; i < proof.Length; i++) proof[i] ^= clientSignature[i];
            var ok = CryptographicOperations.FixedTimeEquals(SHA256.HashData(proof), _verifier.StoredKey) && !_doomed;
            if (ok) serverFinal = "v=" + Convert.ToBase64String(HMACSHA256.HashData(_verifier.ServerKey, authMessage));
            return ok;
        }
    }

    private static TenonException Malformed(string detail) =>
        new(SqlState.ProtocolViolation, "malformed SCRAM message", detail);

    private static string Printable(char c) => c is >= ' ' and <= '~' ? c.ToString() : $"0x{(int)c:x2}";

    /// <summary>A cursor over a SCRAM message: single-letter attributes <c>x=value</c> separated by commas.</summary>
    private sealed class Reader(string text, string messageName)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Peek() => AtEnd ? '\0' : text[Position];

        public char Next()
        {
            if (AtEnd) throw Malformed($"Unexpected end of {messageName}.");
            return text[Position++];
        }

        public void Expect(char c)
        {
            var got = Peek();
            if (got != c)
                throw Malformed(AtEnd ? $"Unexpected end of {messageName}." : $"Comma expected, but found character \"{Printable(got)}\".");
            Position++;
        }

        public string Attribute(char name)
        {
            var got = Peek();
            if (got != name || Position + 1 >= text.Length || text[Position + 1] != '=')
                throw Malformed($"Expected attribute \"{name}\" but found \"{(AtEnd ? "" : Printable(got))}\".");
            return Value();
        }

        public (string Name, string Value) AnyAttribute()
        {
            var got = Peek();
            if (!char.IsAsciiLetter(got) || Position + 1 >= text.Length || text[Position + 1] != '=')
                throw Malformed($"Attribute expected, but found invalid character \"{Printable(got)}\".");
            return (got.ToString(), Value());
        }

        private string Value()
        {
            Position += 2;
            var end = text.IndexOf(',', Position);
            if (end < 0) end = text.Length;
            var value = text[Position..end];
            Position = end;
            return value;
        }
    }
}
