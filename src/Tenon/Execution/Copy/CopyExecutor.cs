using System.Text;
using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Constraints;
using Tenon.Errors;
using Tenon.Execution.Expressions;
using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Execution.Copy;

/// <summary>
/// COPY FROM and COPY TO, in PostgreSQL's order of checks:
///   X.1  PROGRAM is refused; WHERE with COPY TO is an error; the table is looked up; the WHERE
///        condition is bound; options are checked (<see cref="CopyOptions"/>); the column list and
///        FORCE_* columns are resolved; a server-side file is opened.
///   X.2  For FROM STDIN, that is where PostgreSQL sends CopyInResponse, so a failure up to here
///        leaves the client's data unread; <see cref="BeginCopyIn"/> stops here and returns the request.
///   X.3  COPY FROM then refuses views and sequences, reads records (<see cref="CopyReader"/>),
///        converts each field with its column's input function, fills the other columns with their
///        defaults, filters by WHERE and writes rows through <see cref="RowWriter"/> (NOT NULL,
///        CHECK, UNIQUE per row; foreign keys at the end). The statement is all-or-nothing; an error
///        carries PostgreSQL's CONTEXT (<c>COPY t, line 3, column a: "x"</c>) in Where.
///   X.4  COPY TO formats each row with the output functions (<see cref="CopyWriter"/>).
/// </summary>
public sealed class CopyExecutor(ExecContext ctx)
{
    private SystemCatalog Catalog => ctx.Transaction.Catalog;

    /// <summary>X.1–X.2 for COPY … FROM STDIN: checks the statement and returns the data request.</summary>
    public StatementResult BeginCopyIn(CopyStatement stmt)
    {
        var target = Prepare(stmt, out var options);
        return new StatementResult("") { CopyIn = new CopyInRequest(options.Format, target.Columns.Count) };
    }

    /// <summary>COPY … FROM: the data comes from <paramref name="request"/> (STDIN) or the named file.</summary>
    public StatementResult CopyFrom(CopyStatement stmt, CopyInRequest? request)
    {
        var target = Prepare(stmt, out var options);
        string data;
        if (stmt.FileName is null)
        {
            if (request is null || !request.IsFinished)
                throw new TenonException(SqlState.QueryCanceled, "COPY from stdin failed: the client sent no COPY data");
            if (request.FailureMessage is { } message)
                throw new TenonException(SqlState.QueryCanceled, $"COPY from stdin failed: {message}");
            data = request.Data;
        }
        else data = ReadFile(stmt.FileName, options);

        if (target.View is not null)
            throw new TenonException(SqlState.WrongObjectType, $"cannot copy to view \"{target.View.Name}\"",
                hint: "To enable copying to a view, provide an INSTEAD OF INSERT trigger.");
        if (target.Sequence is not null)
            throw new TenonException(SqlState.WrongObjectType, $"cannot copy to sequence \"{target.Sequence.Name}\"");
        if (target.Table!.IsMatView)
            throw new TenonException(SqlState.WrongObjectType, $"cannot copy to materialized view \"{target.Table.Name}\"");
        if (options.Freeze) CheckFreeze(target.Table!);
        return InsertRows(stmt, target, options, data);
    }

    /// <summary>
    /// FREEZE needs a table created in the current subtransaction (since the last savepoint, or in
    /// this transaction). Tenon does not record truncations, so a table only truncated there is refused too.
    /// </summary>
    private void CheckFreeze(TableDef table)
    {
        var tx = ctx.Transaction;
        var baseline = tx.Savepoints.Count > 0 ? tx.Savepoints[^1].Version.Catalog : ctx.Session.Database.WriterBase.Catalog;
        if (baseline.Tables.ContainsKey(table.Oid))
            throw new TenonException(SqlState.ObjectNotInPrerequisiteState,
                "cannot perform COPY FREEZE because the table was not created or truncated in the current subtransaction");
    }

    /// <summary>COPY … TO: <paramref name="runQuery"/> runs the inner statement of COPY (query) TO.</summary>
    public StatementResult CopyTo(CopyStatement stmt, Func<Statement, StatementResult> runQuery)
    {
        if (stmt.Where is not null)
            throw new TenonException(SqlState.FeatureNotSupported, "WHERE clause not allowed with COPY TO") { Position = stmt.WherePosition };
        if (stmt.IsProgram) throw ProgramNotSupported();
        IReadOnlyList<string> names;
        IReadOnlyList<SqlType> types;
        IEnumerable<object?[]> rows;
        Func<object?[], int, object?> pick;
        CopyOptions options;
        bool[]? forceQuote;
        if (stmt.Query is { } query)
        {
            if (query is InsertStatement { Returning: null } or UpdateStatement { Returning: null } or DeleteStatement { Returning: null })
                throw new TenonException(SqlState.FeatureNotSupported, "COPY query must have a RETURNING clause");
            options = ProcessOptions(stmt);
            CheckFile(stmt);
            var result = runQuery(query);
            names = result.Columns!.Select(c => c.Name).ToArray();
            types = result.Columns!.Select(c => c.Type).ToArray();
            forceQuote = ForceQuoteFlags(options, names, table: null);
            rows = result.Rows;
            pick = (row, i) => row[i];
        }
        else
        {
            var target = Resolve(stmt.Table!);
            if (target.View is not null)
                throw new TenonException(SqlState.WrongObjectType, $"cannot copy from view \"{target.View.Name}\"",
                    hint: "Try the COPY (SELECT ...) TO variant.");
            if (target.Sequence is not null)
                throw new TenonException(SqlState.WrongObjectType, $"cannot copy from sequence \"{target.Sequence.Name}\"");
            if (target.Table!.IsMatView)
                throw new TenonException(SqlState.WrongObjectType, $"cannot copy from materialized view \"{target.Table.Name}\"",
                    hint: "Try the COPY (SELECT ...) TO variant.");
            if (target.Table!.IsPartitioned)
                throw new TenonException(SqlState.WrongObjectType, $"cannot copy from partitioned table \"{target.Table.Name}\"",
                    hint: "Try the COPY (SELECT ...) TO variant.");
            options = ProcessOptions(stmt);
            var table = target.Table!;
            var columns = ResolveColumns(table, stmt.Columns);
            names = columns.Select(c => c.Name).ToArray();
            types = columns.Select(c => c.Type).ToArray();
            forceQuote = ForceQuoteFlags(options, names, table);
            CheckFile(stmt);
            ctx.Transaction.Reads?.Table(table.Oid);
            rows = ctx.Transaction.Rows(table.Oid).Scan().Select(r => (object?[])r.Value);
            pick = (row, i) => row[columns[i].Number - 1];
        }

        var writer = new CopyWriter(options);
        var lines = new List<string>();
        if (options.Header != CopyHeader.None) lines.Add(writer.FormatLine(names));
        var count = 0L;
        var cells = new string?[names.Count];
        foreach (var row in rows)
        {
            ctx.Session.CheckForInterrupts();
            for (var i = 0; i < cells.Length; i++)
                cells[i] = pick(row, i) is { } v ? ValueText.Format(v, types[i], ctx.Settings) : null;
            lines.Add(writer.FormatLine(cells, forceQuote));
            count++;
        }
        var tag = $"COPY {count}";
        if (stmt.FileName is null) return new StatementResult(tag) { CopyOut = new CopyOutData(options.Format, names.Count, lines) };
        WriteFile(stmt.FileName, lines, options);
        return new StatementResult(tag);
    }

    // ---- X.1 --------------------------------------------------------------------------------

    private sealed record Target(TableDef? Table, ViewDef? View, SequenceDef? Sequence, List<ColumnDef> Columns, BoundExpr? Where);

    private Target Prepare(CopyStatement stmt, out CopyOptions options)
    {
        if (stmt.IsProgram) throw ProgramNotSupported();
        var target = Resolve(stmt.Table!);
        BoundExpr? where = null;
        if (stmt.Where is not null && target.Table is { } t)
            where = new Binder(ctx).BindCondition(stmt.Where, RowWriter.TableScope(t), "WHERE");
        options = ProcessOptions(stmt);
        if (options.Binary) throw new TenonException(SqlState.FeatureNotSupported, "COPY BINARY is not supported by Tenon");
        var columns = target.Table is { } table ? ResolveColumns(table, stmt.Columns) : [];
        if (target.Table is { } tt)
        {
            CheckReferenced(options.ForceNotNull, columns, tt, "FORCE_NOT_NULL");
            CheckReferenced(options.ForceNull, columns, tt, "FORCE_NULL");
        }
        if (stmt.FileName is not null) CheckReadable(stmt.FileName);
        return target with { Columns = columns, Where = where };
    }

    private static TenonException ProgramNotSupported() =>
        new(SqlState.FeatureNotSupported, "COPY TO or FROM an external program is not supported by Tenon");

    private CopyOptions ProcessOptions(CopyStatement stmt) => CopyOptions.Process(stmt.Options, stmt.IsFrom);

    private Target Resolve(QualifiedName name)
    {
        var oid = Binding.Binder.LookupRelation(Catalog, ctx.Session.SearchPath, name, 0);
        if (oid != 0 && Catalog.Tables.TryGetValue(oid, out var table)) return new Target(table, null, null, [], null);
        if (oid != 0 && Catalog.Views.TryGetValue(oid, out var view)) return new Target(null, view, null, [], null);
        if (oid != 0 && Catalog.Sequences.TryGetValue(oid, out var seq)) return new Target(null, null, seq, [], null);
        if (oid != 0) throw new TenonException(SqlState.WrongObjectType, $"\"{name.Name}\" is not a table");
        throw SqlErrors.RelationDoesNotExist(name.ToString());
    }

    /// <summary>The named columns in order, or every live column; generated columns cannot be copied.</summary>
    private static List<ColumnDef> ResolveColumns(TableDef table, IReadOnlyList<string>? names)
    {
        if (names is null) return table.LiveColumns.Where(c => c.Generated is null).ToList();
        var list = new List<ColumnDef>();
        foreach (var name in names)
        {
            var col = table.FindColumn(name)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{table.Name}\" does not exist");
            if (col.Generated is not null)
                throw new TenonException(SqlState.InvalidColumnReference, $"column \"{name}\" is a generated column",
                    "Generated columns cannot be used in COPY.");
            if (list.Contains(col)) throw new TenonException(SqlState.DuplicateColumn, $"column \"{name}\" specified more than once");
            list.Add(col);
        }
        return list;
    }

    private static void CheckReferenced(IReadOnlyList<string> names, List<ColumnDef> columns, TableDef table, string option)
    {
        foreach (var name in names)
        {
            var col = table.FindColumn(name)
                ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{table.Name}\" does not exist");
            if (!columns.Contains(col))
                throw new TenonException(SqlState.InvalidColumnReference, $"{option} column \"{name}\" not referenced by COPY");
        }
    }

    private static bool[]? ForceQuoteFlags(CopyOptions options, IReadOnlyList<string> names, TableDef? table)
    {
        if (options.ForceQuoteAll) return names.Select(_ => true).ToArray();
        if (options.ForceQuote.Count == 0) return null;
        var flags = new bool[names.Count];
        foreach (var name in options.ForceQuote)
        {
            var i = names.ToList().IndexOf(name);
            if (i < 0)
            {
                if (table is not null && table.FindColumn(name) is null)
                    throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" of relation \"{table.Name}\" does not exist");
                if (table is null)
                    throw new TenonException(SqlState.UndefinedColumn, $"column \"{name}\" does not exist");
                throw new TenonException(SqlState.InvalidColumnReference, $"FORCE_QUOTE column \"{name}\" not referenced by COPY");
            }
            flags[i] = true;
        }
        return flags;
    }

    // ---- X.3 --------------------------------------------------------------------------------

    private StatementResult InsertRows(CopyStatement stmt, Target target, CopyOptions options, string data)
    {
        var table = target.Table!;
        var columns = target.Columns;
        var forceNotNull = columns.Select(c => options.ForceNotNull.Contains(c.Name)).ToArray();
        var forceNull = columns.Select(c => options.ForceNull.Contains(c.Name)).ToArray();
        // A domain's input function checks its constraints, NULL included.
        var domains = columns.Select(c => c.Type.Domain is null ? null : new Binder(ctx).DomainConstraintsOf(c.Type)).ToArray();
        var reader = new CopyReader(data, options);
        var writer = new RowWriter(ctx);
        var relation = table.Name;
        var count = 0L;
        string? line = null;
        string? column = null;
        string? value = null;
        var uniqueStage = false;
        try
        {
            if (options.Header != CopyHeader.None && reader.ReadLine(out line))
            {
                if (options.Header == CopyHeader.Match) CheckHeader(reader.SplitFields(line), columns);
            }
            while (reader.ReadLine(out line))
            {
                ctx.Session.CheckForInterrupts();
                var fields = line.Length == 0 && columns.Count == 0 ? [] : reader.SplitFields(line);
                if (fields.Count > columns.Count)
                    throw new TenonException(SqlState.BadCopyFileFormat, "extra data after last expected column");
                var row = new object?[table.Columns.Count];
                var given = new bool[table.Columns.Count];
                for (var i = 0; i < columns.Count; i++)
                {
                    var col = columns[i];
                    if (i >= fields.Count)
                        throw new TenonException(SqlState.BadCopyFileFormat, $"missing data for column \"{col.Name}\"");
                    var text = fields[i];
                    if (options.IsCsv)
                    {
                        if (text is null && forceNotNull[i]) text = options.Null;
                        else if (text is not null && forceNull[i] && text == options.Null) text = null;
                    }
                    if (text is not null)
                    {
                        column = col.Name;
                        value = text;
                        row[col.Number - 1] = ValueText.Parse(text, col.Type, ctx.Settings);
                        domains[i]?.Check(row[col.Number - 1], ctx);
                        column = null;
                    }
                    else domains[i]?.Check(null, ctx);
                    given[col.Number - 1] = true;
                }
                foreach (var col in table.Columns)
                    if (!col.IsDropped && !given[col.Number - 1])
                        row[col.Number - 1] = writer.DefaultValue(table, col);
                if (target.Where is { } where && where.Eval(row, ctx) is not true) continue;
                uniqueStage = true;
                var inserted = writer.Insert(table, row);
                uniqueStage = false;
                if (inserted >= 0) count++;
            }
        }
        catch (TenonException ex) when (ex.Where is null)
        {
            ex.Where = column is not null ? $"COPY {relation}, line {reader.LineNumber}, column {column}: \"{Limit(value!)}\""
                : uniqueStage && ex.SqlState == SqlState.UniqueViolation ? $"COPY {relation}, line {reader.LineNumber}"
                : reader.CurrentLine is { } current ? $"COPY {relation}, line {reader.LineNumber}: \"{Limit(current)}\""
                : $"COPY {relation}, line {reader.LineNumber}";
            throw;
        }
        writer.Finish();
        return new StatementResult($"COPY {count}");
    }

    /// <summary>HEADER MATCH: the header line must name the COPY's columns, in order.</summary>
    private static void CheckHeader(List<string?> fields, List<ColumnDef> columns)
    {
        if (fields.Count != columns.Count)
            throw new TenonException(SqlState.BadCopyFileFormat, $"wrong number of fields in header line: got {fields.Count}, expected {columns.Count}");
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is null)
                throw new TenonException(SqlState.BadCopyFileFormat,
                    $"column name mismatch in header line field {i + 1}: got null value (\"{fields[i]}\"), expected \"{columns[i].Name}\"");
            if (fields[i] != columns[i].Name)
                throw new TenonException(SqlState.BadCopyFileFormat,
                    $"column name mismatch in header line field {i + 1}: got \"{fields[i]}\", expected \"{columns[i].Name}\"");
        }
    }

    /// <summary>PostgreSQL cuts a line quoted in CONTEXT to 100 characters plus "...".</summary>
    private static string Limit(string s) => s.Length <= 100 ? s : s[..100] + "...";

    // ---- server-side files ------------------------------------------------------------------

    private static void CheckReadable(string path)
    {
        if (Directory.Exists(path)) throw new TenonException(SqlState.WrongObjectType, $"\"{path}\" is a directory");
        if (!File.Exists(path))
            throw new TenonException(SqlState.UndefinedFile, $"could not open file \"{path}\" for reading: No such file or directory",
                hint: "COPY FROM instructs the PostgreSQL server process to read a file. You may want a client-side facility such as psql's \\copy.");
    }

    private static string ReadFile(string path, CopyOptions options)
    {
        try
        {
            return File.ReadAllText(path, FileEncoding(options));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileError(ex, path, "reading", "COPY FROM instructs the PostgreSQL server process to read a file. You may want a client-side facility such as psql's \\copy.");
        }
    }

    private static void CheckFile(CopyStatement stmt)
    {
        if (stmt.FileName is { } path && !Path.IsPathRooted(path))
            throw new TenonException(SqlState.InvalidName, "relative path not allowed for COPY to file");
        if (stmt.FileName is { } p && Directory.Exists(p)) throw new TenonException(SqlState.WrongObjectType, $"\"{p}\" is a directory");
    }

    private static void WriteFile(string path, List<string> lines, CopyOptions options)
    {
        try
        {
            using var w = new StreamWriter(path, append: false, FileEncoding(options));
            foreach (var line in lines) w.Write(line);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw FileError(ex, path, "writing", "COPY TO instructs the PostgreSQL server process to write a file. You may want a client-side facility such as psql's \\copy.");
        }
    }

    private static Encoding FileEncoding(CopyOptions options) =>
        options.Encoding == "LATIN1" ? Encoding.Latin1 : new UTF8Encoding(false);

    private static TenonException FileError(Exception ex, string path, string mode, string hint) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException =>
            new TenonException(SqlState.UndefinedFile, $"could not open file \"{path}\" for {mode}: No such file or directory", hint: hint),
        UnauthorizedAccessException =>
            new TenonException(SqlState.InsufficientPrivilege, $"could not open file \"{path}\" for {mode}: Permission denied", hint: hint),
        _ => new TenonException(SqlState.IoError, $"could not open file \"{path}\" for {mode}: {ex.Message}"),
    };
}
