using System.Diagnostics;
using System.Globalization;
using Tenon.Errors;

namespace Tenon.Cli;

// Sending a query (psql's SendQuery / ExecQueryAndProcessResults with SHOW_ALL_RESULTS on):
//   Q.1  ECHO=queries prints the text first.
//   Q.2  Each statement's result is printed as it completes: a row set as a table (then, for
//        INSERT/UPDATE/DELETE/MERGE ... RETURNING, its command tag unless quiet); anything else
//        as its command tag unless quiet. An empty query prints nothing.
//   Q.3  An error prints after the results of the statements before it; notices print as raised.
internal sealed partial class ScriptRunner
{
    private string? _gsetPrefix;
    private bool _timing;

    /// <summary>Sends one query string; false when it failed.</summary>
    private bool SendQuery(string query)
    {
        if (Variables.Echo == EchoMode.Queries) _output.Write(query + "\n");
        var gsetPrefix = _gsetPrefix;
        _gsetPrefix = null;
        var watch = _timing ? Stopwatch.StartNew() : null;
        var ok = true;
        try
        {
            foreach (var result in _executor.Execute(query))
            {
                if (gsetPrefix is not null && result.HasRows)
                {
                    if (!StoreGset(result, gsetPrefix))
                    {
                        ok = false;
                        break;
                    }
                    continue;
                }
                if (result.CopyIn is { } request)
                {
                    ReadCopyData(request);
                    continue;
                }
                if (result.CopyOut is { } copyOut)
                {
                    foreach (var line in copyOut.Lines) _output.Write(line);
                }
                PrintResult(result);
            }
            if (ok) SetResultVariables(null);
        }
        catch (TenonException ex)
        {
            ok = false;
            ReportError(ErrorReport.From(ex), query);
            // TENON_DEBUG=1 shows where an internal error (XX000) came from.
            if (ex.InnerException is not null && Environment.GetEnvironmentVariable("TENON_DEBUG") is "1")
                _output.Err.WriteLine(ex.InnerException.ToString());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An engine bug must not take the shell down; report it like a server error.
            ok = false;
            ReportError(new ErrorReport("ERROR", "XX000", ex.Message), query);
        }
        if (watch is not null)
        {
            _output.Write(string.Create(CultureInfo.InvariantCulture, $"Time: {watch.Elapsed.TotalMilliseconds:F3} ms\n"));
        }
        if (!ok && Variables.Echo == EchoMode.Errors) LogServerMessage($"STATEMENT:  {query}\n");
        return ok;
    }

    private void ReportError(ErrorReport report, string query)
    {
        LogServerMessage(ErrorPrinter.Format(report, query, Variables.Verbosity, Variables.ShowContext, isError: true));
        SetResultVariables(report);
    }

    private void SetResultVariables(ErrorReport? error)
    {
        Variables.Set("ERROR", error is null ? "false" : "true");
        Variables.Set("SQLSTATE", error?.SqlState ?? "00000");
        if (error is not null)
        {
            Variables.Set("LAST_ERROR_MESSAGE", error.Message);
            Variables.Set("LAST_ERROR_SQLSTATE", error.SqlState);
            Variables.Set("ROW_COUNT", "0");
        }
    }

    private void PrintResult(StatementResult result)
    {
        if (result.Columns is not null)
        {
            new ResultPrinter(Print).Print(ToTable(result) with { Title = Print.Title }, _output.Out);
            Variables.Set("ROW_COUNT", result.Rows.Count.ToString(CultureInfo.InvariantCulture));
            var tag = result.CommandTag;
            if (!Quiet && (tag.StartsWith("INSERT", StringComparison.Ordinal) || tag.StartsWith("UPDATE", StringComparison.Ordinal)
                || tag.StartsWith("DELETE", StringComparison.Ordinal) || tag.StartsWith("MERGE", StringComparison.Ordinal)))
            {
                _output.Write(tag + "\n");
            }
            return;
        }
        if (result.CommandTag.Length == 0) return;
        var parts = result.CommandTag.Split(' ');
        Variables.Set("ROW_COUNT", parts.Length > 1 && long.TryParse(parts[^1], out _) ? parts[^1] : "0");
        if (!Quiet) _output.Write(result.CommandTag + "\n");
    }

    /// <summary>Turns a result into printable text, formatting values with the session's output functions.</summary>
    internal ResultTable ToTable(StatementResult result)
    {
        var columns = result.Columns!;
        var rows = new List<string?[]>(result.Rows.Count);
        foreach (var row in result.Rows)
        {
            var cells = new string?[columns.Count];
            for (var i = 0; i < columns.Count && i < row.Length; i++)
            {
                cells[i] = row[i] is { } value ? _executor.FormatValue(value, columns[i].Type) : null;
            }
            rows.Add(cells);
        }
        return new ResultTable(columns.Select(c => c.Name).ToArray(), columns.Select(c => c.Type.IsNumeric || c.Type.Id == Tenon.Types.TypeId.Xid).ToArray(), rows);
    }

    /// <summary>\gset: stores the single row's columns into variables named prefix + column.</summary>
    private bool StoreGset(StatementResult result, string prefix)
    {
        if (result.Rows.Count == 0)
        {
            LogError("no rows returned for \\gset");
            return false;
        }
        if (result.Rows.Count > 1)
        {
            LogError("more than one row returned for \\gset");
            return false;
        }
        var table = ToTable(result);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var error = Variables.Set(prefix + table.Headers[i], table.Rows[0][i]);
            if (error is not null)
            {
                LogError(error);
                return false;
            }
        }
        return true;
    }
}
