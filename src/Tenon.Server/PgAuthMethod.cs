namespace Tenon.Server;

/// <summary>How clients prove who they are (PostgreSQL's pg_hba.conf methods that Tenon has).</summary>
public enum PgAuthMethod
{
    /// <summary>Anyone may connect as any user name.</summary>
    Trust,

    /// <summary>AuthenticationCleartextPassword: the password travels as is (no TLS here, so only on trusted networks).</summary>
    Password,

    /// <summary>AuthenticationMD5Password with a random salt; users whose secret is a SCRAM verifier use SCRAM instead, as in PostgreSQL.</summary>
    Md5,

    /// <summary>SASL SCRAM-SHA-256 (RFC 5802/7677), without channel binding since there is no TLS.</summary>
    ScramSha256,
}
