using Tenon.TextSearch;
using Tenon.Types;

namespace Tenon.Execution;

/// <summary>
/// The text search functions: to_tsvector, to_tsquery, plainto_tsquery, phraseto_tsquery and
/// websearch_to_tsquery, each with an optional leading regconfig (default_text_search_config
/// otherwise); setweight, strip, length and tsvector_to_array on tsvector; numnode and querytree
/// on tsquery; get_current_ts_config. The trigger function tsvector_update_trigger is in
/// Routines/TsVectorUpdateTrigger.cs.
/// </summary>
public static partial class Functions
{
    private static FunctionDef? ResolveTextSearch(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsStr(int i) => args[i].Id is TypeId.Text or TypeId.Varchar or TypeId.Bpchar or TypeId.Name or TypeId.Unknown;
        bool IsConfig(int i) => args[i].Id is TypeId.RegConfig or TypeId.Unknown;
        bool Is(int i, TypeId id) => args[i].Id == id || args[i].Id == TypeId.Unknown;
        static TextSearchConfig Config(object? oid, ExecContext ctx) =>
            TextSearchConfig.ByOid(oid is uint u ? u : ctx.Settings.TextSearchConfig)
            ?? throw new Errors.TenonException(Errors.SqlState.UndefinedObject, $"cache lookup failed for text search configuration {oid}");
        static Action<string> Notice(ExecContext ctx) => m => ctx.Session.RaiseNotice(new Notice("NOTICE", "00000", m));
        Func<TextSearchConfig, string, ExecContext, object>? builder = name switch
        {
            "to_tsvector" => (c, t, _) => c.ToTsVector(t),
            "to_tsquery" => (c, t, ctx) => TsQueryBuilder.ToTsQuery(c, t, Notice(ctx)),
            "plainto_tsquery" => (c, t, ctx) => TsQueryBuilder.Plain(c, t, TsOperator.And, Notice(ctx)),
            "phraseto_tsquery" => (c, t, ctx) => TsQueryBuilder.Plain(c, t, TsOperator.Phrase, Notice(ctx)),
            "websearch_to_tsquery" => (c, t, ctx) => TsQueryBuilder.WebSearch(c, t, Notice(ctx)),
            _ => null,
        };
        if (builder is not null)
        {
            var result = name == "to_tsvector" ? SqlType.TsVector : SqlType.TsQuery;
            if (n == 1 && IsStr(0))
                return new([SqlType.Text], result, (a, ctx) => builder(Config(null, ctx), (string)a[0]!, ctx));
            if (n == 2 && IsConfig(0) && IsStr(1))
                return new([SqlType.RegConfig, SqlType.Text], result, (a, ctx) => builder(Config(a[0], ctx), (string)a[1]!, ctx));
            return null;
        }
        switch (name)
        {
            case "get_current_ts_config" when n == 0:
                return new([], SqlType.RegConfig, (_, ctx) => ctx.Settings.TextSearchConfig);
            case "setweight" when n == 2 && args[0].Id == TypeId.TsVector && IsStr(1):
                return new([SqlType.TsVector, SqlType.Text], SqlType.TsVector, (a, _) => TsVectorFunctions.SetWeight((TsVector)a[0]!, (string)a[1]!));
            case "setweight" when n == 3 && args[0].Id == TypeId.TsVector && IsStr(1) && (args[2].IsArray || args[2].Id == TypeId.Unknown):
                return new([SqlType.TsVector, SqlType.Text, SqlType.ArrayOf(SqlType.Text)], SqlType.TsVector,
                    (a, _) => TsVectorFunctions.SetWeight((TsVector)a[0]!, (string)a[1]!, ((PgArray)a[2]!).Items.OfType<string>().ToHashSet()));
            case "strip" when n == 1 && Is(0, TypeId.TsVector):
                return new([SqlType.TsVector], SqlType.TsVector, (a, _) => TsVectorFunctions.Strip((TsVector)a[0]!));
            case "length" when n == 1 && args[0].Id == TypeId.TsVector:
                return new([SqlType.TsVector], SqlType.Int4, (a, _) => ((TsVector)a[0]!).Lexemes.Count);
            case "tsvector_to_array" when n == 1 && Is(0, TypeId.TsVector):
                return new([SqlType.TsVector], SqlType.ArrayOf(SqlType.Text),
                    (a, _) => PgArray.Of(SqlType.Text, ((TsVector)a[0]!).Lexemes.Select(l => (object?)l.Text).ToArray()));
            case "numnode" when n == 1 && Is(0, TypeId.TsQuery):
                return new([SqlType.TsQuery], SqlType.Int4, (a, _) => ((TsQuery)a[0]!).NodeCount);
            case "querytree" when n == 1 && Is(0, TypeId.TsQuery):
                return new([SqlType.TsQuery], SqlType.Text, (a, _) => TsQueryBuilder.QueryTree((TsQuery)a[0]!));
        }
        return null;
    }
}
