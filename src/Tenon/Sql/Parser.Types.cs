using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Type names (Typename of gram.y), mapped to PostgreSQL's canonical internal names.</summary>
public sealed partial class Parser
{
    /// Typename: [SETOF] SimpleTypename [ '[' [Iconst] ']' … | ARRAY ['[' Iconst ']'] ]
    private TypeName ParseTypeName(bool allowArray = true)
    {
        var start = Cur;
        if (Cur.Is("setof")) throw SqlErrors.FeatureNotSupported("SETOF types are not supported", Cur.Position);
        var type = ParseSimpleTypeName();
        type = type with { Position = start.Position };
        if (!allowArray) return type;
        if (Cur.Kind == TokenKind.LBracket)
        {
            while (Accept(TokenKind.LBracket))
            {
                if (Cur.Kind == TokenKind.Integer) ParseIntConst();
                Expect(TokenKind.RBracket);
            }
            return type with { IsArray = true };
        }
        if (Cur.Is("array"))
        {
            Advance();
            if (Accept(TokenKind.LBracket))
            {
                ParseIntConst();
                Expect(TokenKind.RBracket);
            }
            return type with { IsArray = true };
        }
        return type;
    }

    /// SimpleTypename: GenericType | Numeric | Bit | Character | ConstDatetime | ConstInterval …
    private TypeName ParseSimpleTypeName()
    {
        var t = Cur;
        if (t.Kind != TokenKind.Identifier) throw Error();
        if (t.Keyword == KeywordCategory.ColName || t.Is("double"))
        {
            switch (t.Text)
            {
                case "int":
                case "integer": Advance(); return Simple("int4");
                case "smallint": Advance(); return Simple("int2");
                case "bigint": Advance(); return Simple("int8");
                case "real": Advance(); return Simple("float4");
                case "double":
                    if (!At(1).Is("precision")) break;
                    _pos += 2;
                    return Simple("float8");
                case "float":
                {
                    Advance();
                    if (Cur.Kind != TokenKind.LParen) return Simple("float8");
                    Advance();
                    var pt = Cur;
                    int p = ParseIntConst();
                    Expect(TokenKind.RParen);
                    if (p < 1) throw SqlErrors.InvalidParameter("precision for type float must be at least 1 bit", pt.Position);
                    if (p > 53) throw SqlErrors.InvalidParameter("precision for type float must be less than 54 bits", pt.Position);
                    return Simple(p <= 24 ? "float4" : "float8");
                }
                case "decimal":
                case "dec":
                case "numeric":
                    Advance();
                    return new TypeName("numeric", ParseOptTypeModifiers());
                case "boolean": Advance(); return Simple("bool");
                case "bit":
                {
                    Advance();
                    bool varying = AcceptKw("varying");
                    var mods = ParseOptTypeModifiers();
                    if (varying) return new TypeName("varbit", mods);
                    return new TypeName("bit", mods.Count == 0 ? new[] { 1 } : mods);
                }
                case "char":
                case "character":
                case "nchar":
                case "national":
                {
                    Advance();
                    if (t.Text == "national" && !AcceptKw("character") && !AcceptKw("char")) throw Error();
                    bool varying = AcceptKw("varying");
                    var mods = ParseOptTypeModifiers();
                    if (varying) return new TypeName("varchar", mods);
                    return new TypeName("bpchar", mods.Count == 0 ? new[] { 1 } : mods);
                }
                case "varchar":
                    Advance();
                    return new TypeName("varchar", ParseOptTypeModifiers());
                case "time":
                case "timestamp":
                {
                    Advance();
                    var mods = Array.Empty<int>();
                    if (Cur.Kind == TokenKind.LParen)
                    {
                        Advance();
                        mods = new[] { ParseIntConst() };
                        Expect(TokenKind.RParen);
                    }
                    bool tz = false;
                    if (Cur.Is("with") && At(1).Is("time"))
                    {
                        _pos += 2;
                        ExpectKw("zone");
                        tz = true;
                    }
                    else if (Cur.Is("without") && At(1).Is("time"))
                    {
                        _pos += 2;
                        ExpectKw("zone");
                    }
                    var name = t.Text == "time" ? (tz ? "timetz" : "time") : (tz ? "timestamptz" : "timestamp");
                    return new TypeName(name, mods);
                }
                case "interval":
                {
                    Advance();
                    if (Cur.Kind == TokenKind.LParen)
                    {
                        Advance();
                        int p = ParseIntConst();
                        Expect(TokenKind.RParen);
                        return new TypeName("interval", new[] { p });
                    }
                    var fields = ParseOptInterval(out var secPrecision);
                    return new TypeName("interval", secPrecision is int sp ? new[] { sp } : Array.Empty<int>()) { IntervalFields = fields };
                }
            }
        }
        if (!IsTypeFuncName(t)) throw Error();
        Advance();
        var parts = new List<string> { t.Text };
        while (Cur.Kind == TokenKind.Dot)
        {
            Advance();
            parts.Add(ParseColLabel());
        }
        var generic = CanonicalGenericType(parts, t);
        var modifiers = ParseOptTypeModifiers();
        return modifiers.Count == 0 ? generic : generic with { Modifiers = modifiers };
    }

    private static TypeName Simple(string name) => new(name, Array.Empty<int>());

    /// <summary>A GenericType name: kept as written, schema split off (the binder resolves it).</summary>
    private static TypeName CanonicalGenericType(List<string> parts, Token first)
    {
        string? schema = parts.Count >= 2 ? parts[^2] : null;
        return new TypeName(parts[^1], Array.Empty<int>()) { Schema = schema, Position = first.Position };
    }

    /// opt_type_modifiers: '(' Iconst [, Iconst …] ')'
    private IReadOnlyList<int> ParseOptTypeModifiers()
    {
        if (Cur.Kind != TokenKind.LParen) return Array.Empty<int>();
        Advance();
        var list = new List<int> { ParseSignedIntModifier() };
        while (Accept(TokenKind.Comma)) list.Add(ParseSignedIntModifier());
        Expect(TokenKind.RParen);
        return list;
    }

    private int ParseSignedIntModifier()
    {
        if (Cur.IsOp("-"))
        {
            Advance();
            return -ParseIntConst();
        }
        return ParseIntConst();
    }

    /// opt_interval: YEAR | MONTH | DAY | HOUR | MINUTE | SECOND [(p)] | YEAR TO MONTH | DAY TO {HOUR | MINUTE | SECOND [(p)]} | …
    private string? ParseOptInterval(out int? secondPrecision)
    {
        secondPrecision = null;
        var t = Cur;
        string? first = t.Text switch
        {
            "year" or "month" or "day" or "hour" or "minute" or "second" when t.Keyword != KeywordCategory.None => t.Text,
            _ => null,
        };
        if (first is null) return null;
        Advance();
        if (first == "second")
        {
            secondPrecision = ParseOptSecondPrecision();
            return first;
        }
        if (!Cur.Is("to")) return first;
        var allowed = first switch
        {
            "year" => new[] { "month" },
            "day" => new[] { "hour", "minute", "second" },
            "hour" => new[] { "minute", "second" },
            "minute" => new[] { "second" },
            _ => Array.Empty<string>(),
        };
        if (allowed.Length == 0) throw Error();
        Advance();
        var second = Cur;
        if (second.Keyword == KeywordCategory.None || !allowed.Contains(second.Text)) throw Error();
        Advance();
        if (second.Text == "second") secondPrecision = ParseOptSecondPrecision();
        return first + " to " + second.Text;
    }

    private int? ParseOptSecondPrecision()
    {
        if (Cur.Kind != TokenKind.LParen) return null;
        Advance();
        int p = ParseIntConst();
        Expect(TokenKind.RParen);
        return p;
    }
}
