using Tenon.Sql;
using Tenon.Sql.Ast;

namespace Tenon;

public sealed partial class Session
{
    // Texts run again and again (an application's statements with $n parameters) are parsed once.
    // Parsing depends on nothing but the text, and the syntax tree is immutable, so a cached tree
    // runs exactly as a fresh one; binding still happens on every run, against the catalog of the
    // moment. A text whose parse raised a notice is not cached, so the notice is never lost.
    private const int ParseCacheCapacity = 256;
    private const int ParseCacheMaxLength = 8192;
    private readonly Dictionary<string, IReadOnlyList<Statement>> _parseCache = new(StringComparer.Ordinal);

    private IReadOnlyList<Statement> ParseCached(string sql)
    {
        if (_parseCache.TryGetValue(sql, out var cached))
        {
            PlanCounters.ParseReuses++;
            return cached;
        }
        var noticed = false;
        var statements = Parser.ParseScript(sql, (original, truncated) =>
        {
            noticed = true;
            RaiseNotice(new Notice("NOTICE", "42622", $"identifier \"{original}\" will be truncated to \"{truncated}\""));
        });
        if (!noticed && sql.Length <= ParseCacheMaxLength)
        {
            if (_parseCache.Count >= ParseCacheCapacity) _parseCache.Clear();
            _parseCache[sql] = statements;
        }
        return statements;
    }
}
