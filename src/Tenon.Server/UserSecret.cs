using System.Security.Cryptography;
using System.Text;

namespace Tenon.Server;

/// <summary>
/// What the server knows of one user's password, in the forms PostgreSQL stores in pg_authid: a
/// SCRAM-SHA-256 verifier (<c>SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey</c>), an MD5 hash
/// (<c>md5</c> + hex of md5(password + user name)), or, configured as plain text, both of those
/// derived from it (the SCRAM salt is random per server start).
/// </summary>
internal sealed class UserSecret
{
    public const int DefaultIterations = 4096;

    private UserSecret(string user) => User = user;

    public string User { get; }

    /// <summary>The SCRAM verifier, or null when only an MD5 hash is known.</summary>
    public ScramVerifier? Scram { get; private init; }

    /// <summary>The 32 hex digits of md5(password + user), or null when only a SCRAM verifier is known.</summary>
    public string? Md5Hex { get; private init; }

    public static UserSecret Parse(string user, string secret)
    {
        if (secret.Length == 35 && secret.StartsWith("md5", StringComparison.Ordinal) && secret[3..].All(char.IsAsciiHexDigitLower))
            return new UserSecret(user) { Md5Hex = secret[3..] };
        if (ScramVerifier.TryParse(secret, out var verifier)) return new UserSecret(user) { Scram = verifier };
        return new UserSecret(user)
        {
            Scram = ScramVerifier.Create(secret, RandomNumberGenerator.GetBytes(16), DefaultIterations),
            Md5Hex = Md5Hash(secret, user),
        };
    }

    /// <summary>md5(password + user) in hex: what PostgreSQL stores, and the first step of the MD5 exchange.</summary>
    public static string Md5Hash(string password, string user) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password + user)));

    /// <summary>What an MD5 client sends: "md5" + hex of md5(storedHex + salt).</summary>
    public static string Md5Response(string md5Hex, ReadOnlySpan<byte> salt)
    {
        var input = new byte[32 + salt.Length];
        Encoding.ASCII.GetBytes(md5Hex, input);
        salt.CopyTo(input.AsSpan(32));
        return "md5" + Convert.ToHexStringLower(MD5.HashData(input));
    }

    /// <summary>Checks a password sent in clear (AuthenticationCleartextPassword) against whichever form is stored.</summary>
    public bool VerifyCleartext(string password)
    {
        if (Scram is { } v) return v.VerifyPassword(password);
        return FixedTimeEquals(Md5Hash(password, User), Md5Hex!);
    }

    /// <summary>Checks an MD5 exchange's response for <paramref name="salt"/>; needs <see cref="Md5Hex"/>.</summary>
    public bool VerifyMd5(string response, ReadOnlySpan<byte> salt) =>
        Md5Hex is not null && FixedTimeEquals(Md5Response(Md5Hex, salt), response);

    internal static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
