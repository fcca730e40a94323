using Tenon.Errors;

namespace Tenon.Server;

internal sealed partial class PgConnection
{
    /// <summary>
    /// Reads and answers messages until Terminate or EOF. An error in a simple Query ends with
    /// ReadyForQuery; an error in an extended-protocol message makes the connection ignore
    /// everything up to the next Sync, which then answers ReadyForQuery.
    /// </summary>
    private void MessageLoop()
    {
        while (true)
        {
            var message = ReadMessage();
            if (message is null || _terminated)
            {
                if (_terminated) TrySend(Session.TerminationError());
                return;
            }
            var (type, body) = message.Value;
            if (type == 'X') return;
            _busy = true;
            if (type == 'S') _skipTillSync = false;
            if (_skipTillSync) continue;
            // Sync and Function Call are not extended-query messages: an error there ends with ReadyForQuery.
            var extended = type is 'P' or 'B' or 'D' or 'E' or 'C' or 'H';
            try
            {
                Dispatch(type, body);
            }
            catch (ProtocolViolation pv) when (!pv.Fatal)
            {
                AfterError(pv.ToError(), extended);
            }
            catch (TenonException) when (_terminated)
            {
                TrySend(Session.TerminationError());
                return;
            }
            catch (TenonException e)
            {
                AfterError(e, extended);
            }
            catch (Exception e) when (e is not (IOException or System.Net.Sockets.SocketException or ObjectDisposedException or ProtocolViolation))
            {
                // A server bug must not take the connection down: report it as PostgreSQL reports internal errors.
                AfterError(TenonException.Internal(e), extended);
            }
        }
    }

    private void AfterError(TenonException error, bool extended)
    {
        WriteError(error, isNotice: false);
        if (extended)
        {
            _session?.AbortTransactionAfterError();
            _skipTillSync = true;
        }
        else WriteReadyForQuery();
    }

    private void Dispatch(char type, MessageBody body)
    {
        switch (type)
        {
            case 'Q': SimpleQuery(body); break;
            case 'P': Parse(body); break;
            case 'B': Bind(body); break;
            case 'D': Describe(body); break;
            case 'E': Execute(body); break;
            case 'C': Close(body); break;
            case 'S': Sync(body); break;
            case 'H':
                body.End();
                _out.Flush();
                break;
            case 'F':
                throw new TenonException(SqlState.FeatureNotSupported, "the function call message is not supported by Tenon");
            case 'd' or 'c' or 'f':
                // CopyData/CopyDone/CopyFail outside COPY: ignored, as the protocol specifies
                // (the client may still be sending after a failed COPY).
                break;
        }
    }

    // ---- simple query --------------------------------------------------------------------

    /// <summary>
    /// A Query message: every statement in order, each answered with RowDescription/DataRows (text)
    /// and CommandComplete; the first error stops the rest. An empty query is EmptyQueryResponse.
    /// </summary>
    private void SimpleQuery(MessageBody body)
    {
        var sql = body.ReadCString();
        body.End();
        // A simple query discards the unnamed statement and portal, as in PostgreSQL.
        _statements.Remove("");
        _portals.Remove("");
        try
        {
            var any = false;
            using var results = _session!.ExecuteOrFailure(sql).GetEnumerator();
            while (results.MoveNext())
            {
                any = true;
                var r = results.Current;
                if (r.Failure is { } failure)
                {
                    // Handed back as a value instead of thrown: reported as the catch below reports it.
                    if (_terminated) throw failure;
                    WriteError(failure, isNotice: false);
                    break;
                }
                if (r.CopyIn is { } copyIn)
                {
                    // The COPY's own result (COPY n, or its error) comes when the enumeration resumes.
                    CopyIn(copyIn);
                    continue;
                }
                if (r.CopyOut is { } copyOut) CopyOut(copyOut);
                if (r.Columns is { } columns)
                {
                    WriteRowDescription(columns, formats: null);
                    foreach (var row in r.Rows) WriteDataRow(row, columns, formats: null);
                }
                WriteCommandComplete(r.CommandTag);
            }
            if (!any) WriteEmpty('I');
        }
        catch (TenonException e) when (!_terminated)
        {
            WriteError(e, isNotice: false);
        }
        WriteReadyForQuery();
    }

    // ---- rows ----------------------------------------------------------------------------

    /// <summary>Format code of column <paramref name="i"/>: none given = text, one = all columns, else one per column.</summary>
    private static short FormatOf(short[]? formats, int i) =>
        formats is null || formats.Length == 0 ? (short)0 : formats.Length == 1 ? formats[0] : formats[i];

    private void WriteRowDescription(IReadOnlyList<ResultColumn> columns, short[]? formats)
    {
        // Every field is computed before the message starts, so a failure cannot leave half a message behind.
        var fields = columns.Select((c, i) => (c.Name, c.TableOid, c.ColumnNumber, c.Type.TypeOid, c.Type.StorageLength, c.Type.TypeModifier, Format: FormatOf(formats, i))).ToList();
        _out.Begin('T');
        _out.Int16((short)fields.Count);
        foreach (var f in fields)
        {
            _out.CString(f.Name);
            _out.Int32(unchecked((int)f.TableOid));
            _out.Int16(f.ColumnNumber);
            _out.Int32(unchecked((int)f.TypeOid));
            _out.Int16(f.StorageLength);
            _out.Int32(f.TypeModifier);
            _out.Int16(f.Format);
        }
        _out.End();
    }

    private void WriteDataRow(object?[] row, IReadOnlyList<ResultColumn> columns, short[]? formats)
    {
        // Values are encoded straight into the message; one that fails to encode takes the
        // half-built message back out, so nothing of the row is sent.
        _out.Begin('D');
        try
        {
            _out.Int16((short)columns.Count);
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i] is not { } v)
                {
                    _out.Int32(-1);
                    continue;
                }
                var type = columns[i].Type;
                if (FormatOf(formats, i) == 1) WireTypes.Write(_out, v, type);
                else _out.Value(_session!.FormatValue(v, type));
            }
        }
        catch
        {
            _out.Abandon();
            throw;
        }
        _out.End();
        if (_out.Pending > 1 << 16) _out.Flush();
    }
}
