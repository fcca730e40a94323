using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution.Explain;

/// <summary>EXPLAIN's options, checked as PostgreSQL checks them (in order, then the combinations).</summary>
public sealed record ExplainOptions(bool Analyze, bool Verbose, bool Costs, bool Timing, bool Summary, bool Buffers, bool Settings, bool Wal)
{
    public static ExplainOptions From(ExplainStatement stmt)
    {
        bool analyze = stmt.Analyze, verbose = stmt.Verbose, costs = true, buffers = false, settings = false, wal = false;
        bool? timing = null, summary = null;
        for (var i = 0; i < stmt.Options.Count; i++)
        {
            var (name, value) = stmt.Options[i];
            var position = i < stmt.OptionPositions.Count ? stmt.OptionPositions[i] : 0;
            switch (name)
            {
                case "analyze": analyze = Boolean(name, value); break;
                case "verbose": verbose = Boolean(name, value); break;
                case "costs": costs = Boolean(name, value); break;
                case "buffers": buffers = Boolean(name, value); break;
                case "settings": settings = Boolean(name, value); break;
                case "wal": wal = Boolean(name, value); break;
                case "timing": timing = Boolean(name, value); break;
                case "summary": summary = Boolean(name, value); break;
                case "format":
                    if (value is null) throw new TenonException(SqlState.SyntaxError, "format requires a parameter");
                    switch (value.ToLowerInvariant())
                    {
                        case "text": break;
                        case "xml" or "json" or "yaml":
                            throw new TenonException(SqlState.FeatureNotSupported, $"EXPLAIN (FORMAT {value.ToUpperInvariant()}) is not supported by Tenon yet") { Position = position };
                        default:
                            throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized value for EXPLAIN option \"format\": \"{value}\"") { Position = position };
                    }
                    break;
                default:
                    throw new TenonException(SqlState.SyntaxError, $"unrecognized EXPLAIN option \"{name}\"") { Position = position };
            }
        }
        if (wal && !analyze) throw new TenonException(SqlState.InvalidParameterValue, "EXPLAIN option WAL requires ANALYZE");
        var timed = timing ?? analyze;
        if (timed && !analyze) throw new TenonException(SqlState.InvalidParameterValue, "EXPLAIN option TIMING requires ANALYZE");
        return new ExplainOptions(analyze, verbose, costs, timed, summary ?? analyze, buffers, settings, wal);
    }

    /// <summary>PostgreSQL's defGetBoolean: no value is true; true/false/on/off in any case; the integers 0 and 1.</summary>
    internal static bool Boolean(string name, string? value)
    {
        if (value is null) return true;
        switch (value.ToLowerInvariant())
        {
            case "true" or "on" or "1": return true;
            case "false" or "off" or "0": return false;
        }
        throw new TenonException(SqlState.SyntaxError, $"{name} requires a Boolean value");
    }
}
