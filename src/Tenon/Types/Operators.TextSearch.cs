using Tenon.TextSearch;

namespace Tenon.Types;

public static partial class Operators
{
    /// <summary>
    /// The text search operators: @@ (tsvector with tsquery either way round; text @@ tsquery
    /// and text @@ text, which parse the text with default_text_search_config, the right text as
    /// plainto_tsquery), tsvector || tsvector, and tsquery &amp;&amp;, || and &lt;-&gt;. An unknown
    /// literal takes the type the other side's operator needs; beside a tsquery an unknown left
    /// operand is text, as PostgreSQL prefers the string category's preferred type.
    /// </summary>
    private static BinaryOperator? ResolveTextSearch(string op, SqlType l, SqlType r, FormatSettings settings)
    {
        static bool Is(SqlType t, TypeId id) => t.Id == id || t.Id == TypeId.Unknown;
        var config = TextSearchConfig.ByOid(settings.TextSearchConfig) ?? TextSearchConfig.English;
        switch (op)
        {
            case "@@" when l.Id == TypeId.TsVector && Is(r, TypeId.TsQuery):
                return MakeTs(op, SqlType.TsVector, SqlType.TsQuery, SqlType.Bool, (a, b) => TsMatch.Matches((TsVector)a, (TsQuery)b));
            case "@@" when l.Id == TypeId.TsQuery && Is(r, TypeId.TsVector):
                return MakeTs(op, SqlType.TsQuery, SqlType.TsVector, SqlType.Bool, (a, b) => TsMatch.Matches((TsVector)b, (TsQuery)a));
            case "@@" when l.Id == TypeId.Unknown && r.Id == TypeId.TsVector:
                return MakeTs(op, SqlType.TsQuery, SqlType.TsVector, SqlType.Bool, (a, b) => TsMatch.Matches((TsVector)b, (TsQuery)a));
            case "@@" when IsString(l.Id) && r.Id == TypeId.TsQuery:
                return MakeTs(op, SqlType.Text, SqlType.TsQuery, SqlType.Bool, (a, b) => TsMatch.Matches(config.ToTsVector((string)a), (TsQuery)b));
            case "@@" when IsString(l.Id) && IsString(r.Id):
                return MakeTs(op, SqlType.Text, SqlType.Text, SqlType.Bool,
                    (a, b) => TsMatch.Matches(config.ToTsVector((string)a), TsQueryBuilder.Plain(config, (string)b, TsOperator.And, notice: null)));
            case "||" when l.Id == TypeId.TsVector && Is(r, TypeId.TsVector) || r.Id == TypeId.TsVector && l.Id == TypeId.Unknown:
                return MakeTs(op, SqlType.TsVector, SqlType.TsVector, SqlType.TsVector, (a, b) => TsVectorFunctions.Concat((TsVector)a, (TsVector)b));
            case "||" or "&&" or "<->" when l.Id == TypeId.TsQuery && Is(r, TypeId.TsQuery) || r.Id == TypeId.TsQuery && l.Id == TypeId.Unknown:
            {
                var oper = op switch { "||" => TsOperator.Or, "&&" => TsOperator.And, _ => TsOperator.Phrase };
                return MakeTs(op, SqlType.TsQuery, SqlType.TsQuery, SqlType.TsQuery, (a, b) => TsQueryBuilder.Combine((TsQuery)a, (TsQuery)b, oper, 1));
            }
        }
        return null;
    }

    private static bool IsTextSearch(SqlType t) => t.Id is TypeId.TsVector or TypeId.TsQuery;

    private static BinaryOperator MakeTs(string op, SqlType l, SqlType r, SqlType result, Func<object, object, object?> invoke) =>
        new() { Name = op, LeftType = l, RightType = r, ResultType = result, Invoke = invoke };
}
