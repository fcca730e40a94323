using System.Text;
using Tenon.Errors;

namespace Tenon.Types;

/// <summary>
/// record_in for a composite type: <c>(a,"b c",)</c>, one field per attribute, an empty unquoted
/// field is NULL, double quotes group (with <c>""</c> for a quote inside), and a backslash takes
/// the next character literally. Each field is then read by its attribute type's input function.
/// </summary>
public static class RecordText
{
    public static PgRecord Parse(string text, Catalog.CompositeTypeDef type, FormatSettings settings)
    {
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] != '(') throw Malformed(text, "Missing left parenthesis.");
        i++;
        var fields = new object?[type.Fields.Count];
        for (var f = 0; f < fields.Length; f++)
        {
            if (f > 0)
            {
                if (i >= text.Length || text[i] != ',') throw Malformed(text, "Too few columns.");
                i++;
            }
            if (i >= text.Length) throw Malformed(text, "Unexpected end of input.");
            if (text[i] is ',' or ')') continue;
            var sb = new StringBuilder();
            var quoted = false;
            while (true)
            {
                if (i >= text.Length) throw Malformed(text, "Unexpected end of input.");
                var c = text[i];
                if (c == '\\')
                {
                    if (++i >= text.Length) throw Malformed(text, "Unexpected end of input.");
                    sb.Append(text[i++]);
                }
                else if (c == '"')
                {
                    i++;
                    if (!quoted) quoted = true;
                    else if (i < text.Length && text[i] == '"') sb.Append(text[i++]);
                    else quoted = false;
                }
                else if (!quoted && c is ',' or ')') break;
                else { sb.Append(c); i++; }
            }
            fields[f] = ValueText.Parse(sb.ToString(), type.Fields[f].Type, settings);
        }
        if (i >= text.Length || text[i] != ')') throw Malformed(text, i < text.Length && text[i] == ',' ? "Too many columns." : "Unexpected end of input.");
        i++;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        if (i < text.Length) throw Malformed(text, "Junk after right parenthesis.");
        return new PgRecord(fields, type.FieldTypes);
    }

    private static TenonException Malformed(string text, string detail) =>
        new(SqlState.InvalidTextRepresentation, $"malformed record literal: \"{text}\"", detail);
}
