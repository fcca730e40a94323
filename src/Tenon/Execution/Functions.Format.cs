using System.Text;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>format(fmt, args…) with %s, %I, %L and %% (positions n$ and widths as PostgreSQL reads them), quote_literal, quote_nullable.</summary>
public static partial class Functions
{
    private static FunctionDef? ResolveFormat(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        switch (name)
        {
            case "format" when n >= 1 && args[0].Id is TypeId.Text or TypeId.Unknown or TypeId.Varchar:
            {
                var types = args.Select((t, i) => i == 0 || t.Id == TypeId.Unknown ? SqlType.Text : t).ToArray();
                return new(types, SqlType.Text, (a, ctx) => Format((string)a[0]!, a, types, ctx), Strict: false);
            }
            case "quote_literal" when n == 1:
            {
                var t = args[0].Id == TypeId.Unknown ? SqlType.Text : args[0];
                return new([t], SqlType.Text, (a, ctx) => QuoteLiteral(a[0] is string s ? s : ValueText.Format(a[0]!, t, ctx.Settings)));
            }
            case "quote_nullable" when n == 1:
            {
                var t = args[0].Id == TypeId.Unknown ? SqlType.Text : args[0];
                return new([t], SqlType.Text, (a, ctx) => a[0] is null ? "NULL" : QuoteLiteral(a[0] is string s ? s : ValueText.Format(a[0]!, t, ctx.Settings)), Strict: false);
            }
        }
        return null;
    }

    private static string QuoteLiteral(string s)
    {
        var escaped = s.Replace("'", "''");
        if (s.Contains('\\')) return "E'" + escaped.Replace("\\", "\\\\") + "'";
        return "'" + escaped + "'";
    }

    private static object? Format(string? fmt, object?[] a, SqlType[] types, ExecContext ctx)
    {
        if (fmt is null) return null;
        var sb = new StringBuilder();
        var next = 1;
        for (var i = 0; i < fmt.Length; i++)
        {
            var c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= fmt.Length) throw new TenonException(SqlState.InvalidParameterValue, "unterminated format() type specifier",
                hint: "For a single \"%\" use \"%%\".");
            if (fmt[i] == '%')
            {
                sb.Append('%');
                continue;
            }
            // [argpos$][flags][width]type
            var start = i;
            var num = 0;
            while (i < fmt.Length && char.IsDigit(fmt[i])) num = num * 10 + (fmt[i++] - '0');
            var arg = next;
            if (i < fmt.Length && fmt[i] == '$' && i > start)
            {
                arg = num;
                i++;
                num = 0;
            }
            else i = start;
            var leftAlign = false;
            if (i < fmt.Length && fmt[i] == '-') { leftAlign = true; i++; }
            var width = 0;
            while (i < fmt.Length && char.IsDigit(fmt[i])) width = width * 10 + (fmt[i++] - '0');
            if (i >= fmt.Length) throw new TenonException(SqlState.InvalidParameterValue, "unterminated format() type specifier",
                hint: "For a single \"%\" use \"%%\".");
            var type = fmt[i];
            if (type is not ('s' or 'I' or 'L'))
                throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized format() type specifier \"{type}\"",
                    hint: "For a single \"%\" use \"%%\".");
            if (arg >= a.Length) throw new TenonException(SqlState.InvalidParameterValue, "too few arguments for format()");
            next = arg + 1;
            var v = a[arg];
            var text = v is null ? null : v is string s ? s : ValueText.Format(v, types[arg], ctx.Settings);
            string piece = type switch
            {
                's' => text ?? "",
                'I' => text is null ? throw new TenonException(SqlState.NullValueNotAllowed, "null values cannot be formatted as an SQL identifier") : SqlErrors.QuoteIdentifier(text),
                _ => text is null ? "NULL" : QuoteLiteral(text),
            };
            if (width > piece.Length) piece = leftAlign ? piece.PadRight(width) : piece.PadLeft(width);
            sb.Append(piece);
        }
        return sb.ToString();
    }
}
