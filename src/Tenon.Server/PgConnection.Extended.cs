using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Server;

internal sealed partial class PgConnection
{
    /// <summary>A parsed statement (Parse): its text, declared parameter types and description.</summary>
    private sealed record PreparedStatement(string Name, string Sql, StatementDescription Description);

    /// <summary>
    /// A bound statement (Bind). Its statement runs at the first Describe or Execute; the rows are
    /// then kept so that Execute with a row limit can hand them out in chunks (PortalSuspended).
    /// </summary>
    private sealed class Portal(PreparedStatement statement, object?[] parameters, short[] resultFormats)
    {
        public PreparedStatement Statement { get; } = statement;
        public object?[] Parameters { get; } = parameters;
        public short[] ResultFormats { get; } = resultFormats;
        public StatementResult? Result { get; set; }
        public int RowsSent { get; set; }
    }

    private const int MaxStatementsOrPortals = 10000;

    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Portal> _portals = new(StringComparer.Ordinal);

    private static string StatementLabel(string name) =>
        name.Length == 0 ? "unnamed prepared statement" : $"prepared statement \"{name}\"";

    private void Parse(MessageBody body)
    {
        var name = body.ReadCString();
        var sql = body.ReadCString();
        var count = body.ReadInt16();
        if (count < 0) throw new ProtocolViolation("insufficient data left in message");
        var oids = new uint[count];
        for (var i = 0; i < count; i++) oids[i] = unchecked((uint)body.ReadInt32());
        body.End();

        if (name.Length > 0 && _statements.ContainsKey(name))
            throw new TenonException("42P05", $"prepared statement \"{name}\" already exists");
        if (_statements.Count >= MaxStatementsOrPortals && name.Length > 0)
            throw new TenonException("53400", $"too many prepared statements (Tenon allows {MaxStatementsOrPortals} per connection)");
        var declared = oids.Select((oid, i) => WireTypes.FromOid(oid, i + 1)).ToArray();
        var description = _session!.Describe(sql, declared);
        _statements[name] = new PreparedStatement(name, sql, description);
        WriteEmpty('1');
    }

    private void Bind(MessageBody body)
    {
        var portalName = body.ReadCString();
        var statementName = body.ReadCString();
        var formats = ReadFormatCodes(body);
        var paramCount = body.ReadInt16();
        if (paramCount < 0) throw new ProtocolViolation("insufficient data left in message");
        // Where each value lies in the message (start, length; length -1 for NULL), decoded below.
        var raw = new (int Start, int Length)[paramCount];
        for (var i = 0; i < paramCount; i++)
        {
            var len = body.ReadInt32();
            raw[i] = len == -1 ? (0, -1) : (body.SkipBytes(len), len);
        }
        var resultFormats = ReadFormatCodes(body);
        body.End();

        if (formats.Length > 1 && formats.Length != paramCount)
            throw new ProtocolViolation($"bind message has {formats.Length} parameter formats but {paramCount} parameters");
        if (!_statements.TryGetValue(statementName, out var stmt))
            throw new TenonException("26000", $"{StatementLabel(statementName)} does not exist");
        var types = stmt.Description.ParameterTypes;
        if (paramCount != types.Count)
            throw new ProtocolViolation($"bind message supplies {paramCount} parameters, but prepared statement \"{statementName}\" requires {types.Count}");
        // In a failed transaction block only COMMIT or ROLLBACK may be bound, and without parameters
        // (PostgreSQL will not run a type's input function there).
        if (InFailedTransaction && (!stmt.Description.EndsTransaction || paramCount != 0))
            throw SqlErrors.InFailedTransaction();
        if (portalName.Length > 0 && _portals.ContainsKey(portalName))
            throw new TenonException("42P03", $"cursor \"{portalName}\" already exists");
        if (_portals.Count >= MaxStatementsOrPortals && portalName.Length > 0)
            throw new TenonException("53400", $"too many portals (Tenon allows {MaxStatementsOrPortals} per connection)");
        foreach (var f in resultFormats) CheckFormat(f);

        var values = new object?[paramCount];
        for (var i = 0; i < paramCount; i++)
        {
            if (raw[i].Length < 0) continue;
            var bytes = body.Slice(raw[i].Start, raw[i].Length);
            var format = FormatOf(formats, i);
            CheckFormat(format);
            var type = types[i];
            if (format == 1) values[i] = WireTypes.Receive(bytes, type, i + 1);
            else
            {
                var text = MessageBody.Decode(bytes);
                // Untyped and text parameters stay strings: the engine types them from context.
                values[i] = type.IsString ? text : ValueText.Parse(text, type, _session!.FormatSettings);
            }
        }
        _portals[portalName] = new Portal(stmt, values, resultFormats);
        WriteEmpty('2');
    }

    // The format lists nearly every Bind carries (none, all text, all binary), shared: they are only read.
    private static readonly short[] AllText = [0], AllBinary = [1];

    private static short[] ReadFormatCodes(MessageBody body)
    {
        var n = body.ReadInt16();
        if (n < 0) throw new ProtocolViolation("insufficient data left in message");
        if (n == 0) return [];
        if (n == 1)
        {
            var code = body.ReadInt16();
            return code switch { 0 => AllText, 1 => AllBinary, _ => [code] };
        }
        var codes = new short[n];
        for (var i = 0; i < n; i++) codes[i] = body.ReadInt16();
        return codes;
    }

    private static void CheckFormat(short code)
    {
        if (code is not (0 or 1)) throw new TenonException(SqlState.InvalidParameterValue, $"unsupported format code: {code}");
    }

    private void Describe(MessageBody body)
    {
        var kind = (char)body.ReadByte();
        var name = body.ReadCString();
        body.End();
        switch (kind)
        {
            case 'S':
            {
                if (!_statements.TryGetValue(name, out var stmt))
                    throw new TenonException("26000", $"{StatementLabel(name)} does not exist");
                var d = stmt.Description;
                // Describing result columns needs the catalog, which a failed transaction may not read.
                if (InFailedTransaction && d.Columns is not null) throw SqlErrors.InFailedTransaction();
                _out.Begin('t');
                _out.Int16((short)d.ParameterTypes.Count);
                foreach (var t in d.ParameterTypes) _out.Int32(unchecked((int)WireTypes.DescribeOid(t)));
                _out.End();
                if (d.Columns is { } cols) WriteRowDescription(cols, formats: null);
                else WriteEmpty('n');
                break;
            }
            case 'P':
            {
                var portal = FindPortal(name);
                if (InFailedTransaction && !portal.Statement.Description.EndsTransaction)
                {
                    // As PostgreSQL, which describes a portal without running it: rows cannot be described there, no rows need not be.
                    if (portal.Statement.Description.Columns is not null) throw SqlErrors.InFailedTransaction();
                    WriteEmpty('n');
                    break;
                }
                var result = Run(portal);
                if (result?.Failure is { } failure)
                {
                    RejectedInPipeline(failure);
                    break;
                }
                if (result?.Columns is { } cols)
                {
                    CheckResultFormats(portal, cols.Count);
                    WriteRowDescription(cols, portal.ResultFormats);
                }
                else WriteEmpty('n');
                break;
            }
            default:
                throw new ProtocolViolation($"invalid DESCRIBE message subtype {(int)kind}");
        }
    }

    private bool InFailedTransaction => _session!.TransactionStatus == TransactionStatus.Failed;

    private Portal FindPortal(string name) =>
        _portals.TryGetValue(name, out var p) ? p
            : throw new TenonException("34000", name.Length == 0 ? "unnamed portal does not exist" : $"portal \"{name}\" does not exist");

    private static void CheckResultFormats(Portal portal, int columns)
    {
        if (portal.ResultFormats.Length > 1 && portal.ResultFormats.Length != columns)
            throw new ProtocolViolation($"bind message has {portal.ResultFormats.Length} result formats but query has {columns} columns");
    }

    /// <summary>
    /// Runs the portal's statement once (inside the pipeline's implicit transaction); null for an
    /// empty query. A rejection the engine hands back as a value (<see cref="StatementResult.Failure"/>)
    /// is returned, not kept: like a thrown error it leaves the portal unrun.
    /// </summary>
    private StatementResult? Run(Portal portal)
    {
        if (portal.Statement.Description.IsEmpty) return null;
        if (portal.Result is null)
        {
            _session!.BeginImplicitTransaction();
            var result = _session.ExecuteSingleOrFailure(portal.Statement.Sql, portal.Parameters);
            if (result.Failure is not null) return result;
            portal.Result = result;
        }
        return portal.Result;
    }

    /// <summary>What the message loop does with an error thrown by an extended-protocol message, for one handed back as a value.</summary>
    private void RejectedInPipeline(TenonException failure)
    {
        // A connection being terminated answers with the termination error instead: the loop's catch does that.
        if (_terminated) throw failure;
        AfterError(failure, extended: true);
    }

    private void Execute(MessageBody body)
    {
        var name = body.ReadCString();
        var maxRows = body.ReadInt32();
        body.End();
        var portal = FindPortal(name);
        // A portal bound before the transaction failed (its rows possibly kept) runs no more, unless it ends the transaction.
        if (InFailedTransaction && !portal.Statement.Description.IsEmpty && !portal.Statement.Description.EndsTransaction)
            throw SqlErrors.InFailedTransaction();
        var result = Run(portal);
        if (result is null)
        {
            WriteEmpty('I');
            return;
        }
        if (result.Failure is { } failure)
        {
            RejectedInPipeline(failure);
            return;
        }
        if (result.Columns is not { } cols)
        {
            WriteCommandComplete(result.CommandTag);
            return;
        }
        CheckResultFormats(portal, cols.Count);
        var start = portal.RowsSent;
        var end = maxRows > 0 ? Math.Min(result.Rows.Count, start + maxRows) : result.Rows.Count;
        for (var i = start; i < end; i++) WriteDataRow(result.Rows[i], cols, portal.ResultFormats);
        portal.RowsSent = end;
        if (end < result.Rows.Count)
        {
            WriteEmpty('s');
            return;
        }
        // A portal fetched in several Executes reports the rows of the last one, as PostgreSQL does.
        WriteCommandComplete(start == 0 && end == result.Rows.Count ? result.CommandTag : RetagCount(result.CommandTag, end - start));
    }

    /// <summary>The command tag with its row count replaced (the last word).</summary>
    private static string RetagCount(string tag, int count)
    {
        var space = tag.LastIndexOf(' ');
        return space < 0 ? tag : $"{tag[..space]} {count}";
    }

    private void Close(MessageBody body)
    {
        var kind = (char)body.ReadByte();
        var name = body.ReadCString();
        body.End();
        switch (kind)
        {
            case 'S': _statements.Remove(name); break;
            case 'P': _portals.Remove(name); break;
            default: throw new ProtocolViolation($"invalid CLOSE message subtype {(int)kind}");
        }
        WriteEmpty('3');
    }

    /// <summary>
    /// Sync ends the pipeline: its implicit transaction commits (a deferred-constraint failure is
    /// reported here), portals go away when no transaction block remains, then ReadyForQuery.
    /// </summary>
    private void Sync(MessageBody body)
    {
        body.End();
        try
        {
            _session!.CommitImplicitTransaction();
        }
        catch (TenonException e) when (!_terminated)
        {
            WriteError(e, isNotice: false);
        }
        if (_session!.TransactionStatus == TransactionStatus.Idle) _portals.Clear();
        WriteReadyForQuery();
    }
}
