using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tenon.Server;

/// <summary>A SCRAM-SHA-256 verifier: iteration count, salt, StoredKey and ServerKey (RFC 5802 section 3).</summary>
internal sealed record ScramVerifier(int Iterations, byte[] Salt, byte[] StoredKey, byte[] ServerKey)
{
    public static ScramVerifier Create(string password, byte[] salt, int iterations)
    {
        var salted = SaltedPassword(password, salt, iterations);
        return new ScramVerifier(iterations, salt, SHA256.HashData(ClientKey(salted)), ServerKeyOf(salted));
    }

    public static byte[] SaltedPassword(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(SaslPrep.Normalize(password)), salt, iterations, HashAlgorithmName.SHA256, 32);

    public static byte[] ClientKey(byte[] saltedPassword) => HMACSHA256.HashData(saltedPassword, "Client Key"u8);

    public static byte[] ServerKeyOf(byte[] saltedPassword) => HMACSHA256.HashData(saltedPassword, "Server Key"u8);

    public bool VerifyPassword(string password)
    {
        var other = Create(password, Salt, Iterations);
        return CryptographicOperations.FixedTimeEquals(other.StoredKey, StoredKey)
            && CryptographicOperations.FixedTimeEquals(other.ServerKey, ServerKey);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(Salt)}${Convert.ToBase64String(StoredKey)}:{Convert.ToBase64String(ServerKey)}");

    public static bool TryParse(string text, out ScramVerifier verifier)
    {
        verifier = null!;
        var parts = text.Split('$');
        if (parts.Length != 3 || parts[0] != "SCRAM-SHA-256") return false;
        var head = parts[1].Split(':');
        var keys = parts[2].Split(':');
        if (head.Length != 2 || keys.Length != 2) return false;
        if (!int.TryParse(head[0], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations <= 0) return false;
        try
        {
            var salt = Convert.FromBase64String(head[1]);
            var stored = Convert.FromBase64String(keys[0]);
            var server = Convert.FromBase64String(keys[1]);
            if (stored.Length != 32 || server.Length != 32) return false;
            verifier = new ScramVerifier(iterations, salt, stored, server);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
