using Tenon.Errors;
using Tenon.Types;

namespace Tenon.TextSearch;

/// <summary>tsvector ||, setweight, strip.</summary>
public static class TsVectorFunctions
{
    /// <summary>tsvector_concat: the right vector's positions move past the left's largest position; equal lexemes merge.</summary>
    public static TsVector Concat(TsVector a, TsVector b)
    {
        var shift = 0;
        foreach (var l in a.Lexemes)
            foreach (var p in l.Positions) shift = Math.Max(shift, TsVector.PositionOf(p));
        var words = a.Lexemes.Select(l => (l.Text, (IEnumerable<ushort>)l.Positions)).ToList();
        foreach (var l in b.Lexemes)
        {
            var moved = l.Positions.Select(p => TsVector.MakePosition(Math.Min(TsVector.PositionOf(p) + shift, TsVector.MaxPosition), TsVector.WeightOf(p))).ToArray();
            words.Add((l.Text, moved));
        }
        return TsVector.Build(words);
    }

    /// <summary>setweight: every position (of the listed lexemes only, when given) gets the weight.</summary>
    public static TsVector SetWeight(TsVector v, string weight, IReadOnlyCollection<string>? only = null)
    {
        var w = weight.Length == 1 ? char.ToLowerInvariant(weight[0]) switch { 'a' => 3, 'b' => 2, 'c' => 1, 'd' => 0, _ => -1 } : -1;
        if (w < 0) throw new TenonException(SqlState.InvalidParameterValue, $"unrecognized weight: {(weight.Length > 0 ? (int)weight[0] : 0)}");
        return new TsVector(v.Lexemes.Select(l => only is not null && !only.Contains(l.Text) ? l
            : l with { Positions = l.Positions.Select(p => TsVector.MakePosition(TsVector.PositionOf(p), w)).ToArray() }).ToArray());
    }

    public static TsVector Strip(TsVector v) => new(v.Lexemes.Select(l => l with { Positions = [] }).ToArray());
}
