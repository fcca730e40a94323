using System.Text;

namespace Tenon.Cli;

/// <summary>
/// A small line editor for the interactive shell: cursor movement (arrows, Home/End, Ctrl-A/E),
/// editing (Backspace, Delete, Ctrl-K/U/W), history (Up/Down), Ctrl-C to discard the input,
/// Ctrl-D on an empty line for end of input. Redraws by moving back to the start of the input,
/// rewriting it and clearing the rest of the screen, so long lines may wrap. If the console
/// cannot be driven key by key, it falls back to Console.ReadLine for the rest of the session.
/// </summary>
internal sealed class LineEditor(TextWriter output) : ILineReader
{
    private readonly TextWriter _output = output;
    private readonly List<string> _history = [];
    private bool _fallback;

    public void AddHistory(string entry)
    {
        if (entry.Length == 0 || (_history.Count > 0 && _history[^1] == entry)) return;
        _history.Add(entry);
        if (_history.Count > 500) _history.RemoveAt(0);
    }

    public string? ReadLine(string prompt)
    {
        _output.Write(prompt);
        _output.Flush();
        if (!_fallback)
        {
            try
            {
                return Edit(prompt);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or ArgumentException)
            {
                _fallback = true;
                _output.Write("\n" + prompt);
                _output.Flush();
            }
        }
        return Console.ReadLine();
    }

    private string? Edit(string prompt)
    {
        var text = new StringBuilder();
        var cursor = 0;
        var historyIndex = _history.Count;
        var pending = "";
        var shownRowsAboveCursor = 0;
        var promptWidth = DisplayWidth.OfText(prompt);
        var savedTreat = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                var ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        MoveToEnd();
                        _output.Write("\n");
                        _output.Flush();
                        return text.ToString();
                    case ConsoleKey.C when ctrl:
                        MoveToEnd();
                        _output.Write("^C\n");
                        _output.Flush();
                        throw new OperationCanceledException();
                    case ConsoleKey.D when ctrl:
                        if (text.Length == 0) return null;
                        if (cursor < text.Length) text.Remove(cursor, 1);
                        break;
                    case ConsoleKey.Backspace:
                        if (cursor > 0)
                        {
                            var n = char.IsLowSurrogate(text[cursor - 1]) && cursor > 1 ? 2 : 1;
                            text.Remove(cursor - n, n);
                            cursor -= n;
                        }
                        break;
                    case ConsoleKey.Delete:
                        if (cursor < text.Length) text.Remove(cursor, char.IsHighSurrogate(text[cursor]) && cursor + 1 < text.Length ? 2 : 1);
                        break;
                    case ConsoleKey.LeftArrow:
                    case ConsoleKey.B when ctrl:
                        if (cursor > 0) cursor -= char.IsLowSurrogate(text[cursor - 1]) && cursor > 1 ? 2 : 1;
                        break;
                    case ConsoleKey.RightArrow:
                    case ConsoleKey.F when ctrl:
                        if (cursor < text.Length) cursor += char.IsHighSurrogate(text[cursor]) && cursor + 1 < text.Length ? 2 : 1;
                        break;
                    case ConsoleKey.Home:
                    case ConsoleKey.A when ctrl:
                        cursor = 0;
                        break;
                    case ConsoleKey.End:
                    case ConsoleKey.E when ctrl:
                        cursor = text.Length;
                        break;
                    case ConsoleKey.K when ctrl:
                        text.Length = cursor;
                        break;
                    case ConsoleKey.U when ctrl:
                        text.Remove(0, cursor);
                        cursor = 0;
                        break;
                    case ConsoleKey.W when ctrl:
                        {
                            var start = cursor;
                            while (start > 0 && text[start - 1] == ' ') start--;
                            while (start > 0 && text[start - 1] != ' ') start--;
                            text.Remove(start, cursor - start);
                            cursor = start;
                            break;
                        }
                    case ConsoleKey.UpArrow:
                    case ConsoleKey.P when ctrl:
                        if (historyIndex > 0)
                        {
                            if (historyIndex == _history.Count) pending = text.ToString();
                            historyIndex--;
                            text.Clear().Append(_history[historyIndex]);
                            cursor = text.Length;
                        }
                        break;
                    case ConsoleKey.DownArrow:
                    case ConsoleKey.N when ctrl:
                        if (historyIndex < _history.Count)
                        {
                            historyIndex++;
                            text.Clear().Append(historyIndex == _history.Count ? pending : _history[historyIndex]);
                            cursor = text.Length;
                        }
                        break;
                    case ConsoleKey.Tab:
                        text.Insert(cursor, "    ");
                        cursor += 4;
                        break;
                    default:
                        if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                        {
                            text.Insert(cursor, key.KeyChar);
                            cursor++;
                        }
                        break;
                }
                Redraw();
            }
        }
        finally
        {
            Console.TreatControlCAsInput = savedTreat;
        }

        int Columns()
        {
            try
            {
                var w = Console.WindowWidth;
                return w > 0 ? w : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }

        void Redraw()
        {
            var columns = Columns();
            var sb = new StringBuilder();
            if (shownRowsAboveCursor > 0) sb.Append($"\u001b[{shownRowsAboveCursor}A");
            sb.Append('\r').Append(prompt).Append(Display(text.ToString())).Append("\u001b[J");
            var total = promptWidth + DisplayWidth.OfText(Display(text.ToString()));
            // A line that exactly fills the last row leaves the terminal waiting to wrap.
            if (total > 0 && total % columns == 0) sb.Append("\r\n");
            var endRow = total / columns;
            var target = promptWidth + DisplayWidth.OfText(Display(text.ToString(0, cursor)));
            var targetRow = target / columns;
            var targetCol = target % columns;
            if (endRow > targetRow) sb.Append($"\u001b[{endRow - targetRow}A");
            sb.Append('\r');
            if (targetCol > 0) sb.Append($"\u001b[{targetCol}C");
            shownRowsAboveCursor = targetRow;
            _output.Write(sb.ToString());
            _output.Flush();
        }

        void MoveToEnd()
        {
            cursor = text.Length;
            Redraw();
        }
    }

    /// <summary>Control characters are shown as ^X so the display width stays predictable.</summary>
    private static string Display(string s)
    {
        if (!s.Any(char.IsControl)) return s;
        var sb = new StringBuilder();
        foreach (var c in s) sb.Append(char.IsControl(c) && c < 32 ? "^" + (char)(c + 64) : c.ToString());
        return sb.ToString();
    }
}
