namespace Tenon.Cli;

// COPY … FROM STDIN, as psql's handleCopyIn does it: the data lines come from the input the
// statement came from (the script, stdin, or the terminal with the ">> " prompt), up to a line
// holding only "\." or the end of input. The lines are not echoed under -a but do count for
// "tenon:FILE:LINE:". psql 15 forwards the "\." line too; the engine ends the data there.
internal sealed partial class ScriptRunner
{
    private TextReader? _copySource;
    private ILineReader? _copyLineReader;

    /// <summary>Where -c commands read COPY data from (psql's stdin).</summary>
    public TextReader Stdin { get; set; } = TextReader.Null;

    private void ReadCopyData(CopyInRequest request)
    {
        if (_interactive && _copyLineReader is not null)
        {
            if (!Quiet) _output.Write("Enter data to be copied followed by a newline.\nEnd with a backslash and a period on a line by itself, or an EOF signal.\n");
            _output.Flush();
            while (true)
            {
                string? line;
                try
                {
                    line = _copyLineReader.ReadLine(">> ");
                }
                catch (OperationCanceledException)
                {
                    request.Fail("canceled by user");
                    return;
                }
                if (line is null) break;
                request.Write(line + "\n");
                if (line == "\\.") break;
            }
            request.Complete();
            return;
        }
        var source = _copySource ?? Stdin;
        while (source.ReadLine() is { } data)
        {
            _lineNo++;
            request.Write(data + "\n");
            if (data == "\\.") break;
        }
        request.Complete();
    }
}
