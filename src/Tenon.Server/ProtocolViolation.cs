using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// A message that breaks the protocol. <see cref="Fatal"/> ones (garbage message type, bad
/// framing) end the connection as PostgreSQL does, after a FATAL ErrorResponse when
/// <see cref="Report"/> is set; the others are ordinary ERRORs (08P01) after which the connection
/// goes on (skipping to Sync in the extended protocol).
/// </summary>
internal sealed class ProtocolViolation : Exception
{
    public ProtocolViolation(string message, bool fatal = false, bool report = true, string sqlState = Tenon.Errors.SqlState.ProtocolViolation)
        : base(message)
    {
        Fatal = fatal;
        Report = report;
        SqlState = sqlState;
    }

    /// <summary>A fatal error of the startup phase that carries a whole error report (detail, hint).</summary>
    public ProtocolViolation(TenonException error, string? detail = null)
        : base(error.MessageText)
    {
        Fatal = true;
        Report = true;
        SqlState = error.SqlState;
        _detail = error.Detail ?? detail;
        _hint = error.Hint;
    }

    private readonly string? _detail;
    private readonly string? _hint;

    public bool Fatal { get; }

    /// <summary>False when PostgreSQL only logs the problem and drops the connection silently.</summary>
    public bool Report { get; }

    public string SqlState { get; }

    public TenonException ToError() => new(SqlState, Message, _detail, _hint) { Severity = Fatal ? "FATAL" : "ERROR" };
}
