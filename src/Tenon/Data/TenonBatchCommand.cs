using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Tenon.Errors;

namespace Tenon.Data;

/// <summary>
/// One command of a <see cref="TenonBatch"/>: a statement text (or several separated by <c>;</c>)
/// with its own parameters, positional (<c>$1</c>…) or named (<c>@name</c>) as for
/// <see cref="TenonCommand"/>.
/// </summary>
public sealed class TenonBatchCommand : DbBatchCommand
{
    private string _commandText = "";
    private Prepared? _prepared;

    /// <summary>A parse of the text for one session, with the parameter names it was made for.</summary>
    private sealed record Prepared(PreparedStatement Statement, ParameterBinding Binding, Session Session, string[] Names);

    public TenonBatchCommand() { }

    public TenonBatchCommand(string commandText) => CommandText = commandText;

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set
        {
            _commandText = value ?? "";
            _prepared = null;
        }
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text) throw new NotSupportedException($"CommandType.{value} is not supported; only Text.");
        }
    }

    /// <summary>
    /// Rows inserted, updated, deleted or merged by this command in the batch's last execution;
    /// -1 when it did not run, failed, or is not such a statement (a SELECT).
    /// </summary>
    public override int RecordsAffected => _recordsAffected;

    private int _recordsAffected = -1;

    public new TenonParameterCollection Parameters { get; } = new();

    protected override DbParameterCollection DbParameterCollection => Parameters;

    public override bool CanCreateParameter => true;

    public override DbParameter CreateParameter() => new TenonParameter();

    /// <summary>The parse for <paramref name="session"/>, made now unless one for the same text and parameter names exists.</summary>
    internal (PreparedStatement Statement, ParameterBinding Binding) Prepare(Session session)
    {
        if (_prepared is { } p && p.Session == session && ParameterBinding.SameNames(p.Names, Parameters)) return (p.Statement, p.Binding);
        var binding = ParameterBinding.Create(_commandText, Parameters);
        try
        {
            _prepared = new Prepared(session.Prepare(binding.Sql), binding, session, ParameterBinding.NamesOf(Parameters));
        }
        catch (TenonException ex)
        {
            TenonCommand.MapPosition(ex, binding.Positions);
            throw;
        }
        return (_prepared.Statement, binding);
    }

    internal void ResetRecordsAffected() => _recordsAffected = -1;

    internal void AddRecordsAffected(int count) => _recordsAffected = Math.Max(_recordsAffected, 0) + count;
}
