using Tenon.Types;

namespace Tenon.Execution;

/// <summary>Running state of one aggregate over one group.</summary>
public abstract class Accumulator
{
    /// <summary>Feeds one input; <paramref name="args"/> is reused for the next input, so keep its values, never the array.</summary>
    public abstract void Add(object?[] args, ExecContext ctx);
    public abstract object? Result(ExecContext ctx);
}

/// <summary>A built-in aggregate resolved for its argument types.</summary>
public sealed record AggregateFunction(string Name, SqlType ResultType, Func<Accumulator> CreateAccumulator)
{
    /// <summary>Which built-in this is, when <see cref="GroupStates"/> keeps its states in arrays; <see cref="AggregateShape.Other"/> otherwise.</summary>
    internal AggregateShape Shape { get; init; }
}

/// <summary>Built-in aggregates whose per-group states are plain numbers (<see cref="GroupStates"/>).</summary>
internal enum AggregateShape { Other, CountRows, CountValues, SumSmallIntegers }

/// <summary>
/// The built-in aggregates and their PostgreSQL result types: count → bigint; sum(int2|int4) →
/// bigint, sum(int8|numeric) → numeric, sum(float) → same float; avg(integer types|numeric) →
/// numeric, avg(float) → double precision; min/max → the argument type; bool_and/bool_or;
/// string_agg → text.
/// </summary>
public static class Aggregates
{
    public static readonly HashSet<string> Names = ["count", "sum", "avg", "min", "max", "bool_and", "bool_or", "every", "string_agg", "array_agg", .. JsonAggregates.Names];

    public static bool IsAggregate(string name) => Names.Contains(name);

    /// <summary>Resolves an aggregate; null when no variant accepts the argument types.</summary>
    public static AggregateFunction? Resolve(string name, IReadOnlyList<SqlType> args, bool star)
    {
        if (Array.IndexOf(JsonAggregates.Names, name) >= 0) return JsonAggregates.Resolve(name, args);
        if (name == "count")
            return star || args.Count == 1
                ? new AggregateFunction(name, SqlType.Int8, () => new CountAcc(star)) { Shape = star ? AggregateShape.CountRows : AggregateShape.CountValues }
                : null;
        if (name == "string_agg" && args.Count == 2)
            return new AggregateFunction(name, SqlType.Text, () => new StringAggAcc());
        if (args.Count != 1) return null;
        var t = args[0];
        switch (name)
        {
            case "sum":
                return t.Id switch
                {
                    TypeId.Int2 or TypeId.Int4 => new(name, SqlType.Int8, () => new SumIntAcc()) { Shape = AggregateShape.SumSmallIntegers },
                    TypeId.Int8 or TypeId.Numeric => new(name, SqlType.Numeric, () => new SumNumericAcc(false)),
                    TypeId.Float4 => new(name, SqlType.Float4, () => new SumFloatAcc(true)),
                    TypeId.Float8 => new(name, SqlType.Float8, () => new SumFloatAcc(false)),
                    TypeId.Unknown => new(name, SqlType.Float8, () => new SumFloatAcc(false)),
                    // time has no sum of its own: it takes interval's through the implicit cast.
                    TypeId.Interval or TypeId.Time => new(name, SqlType.Interval, () => new IntervalSumAcc(false)),
                    _ => null,
                };
            case "avg":
                return t.Id switch
                {
                    TypeId.Int2 or TypeId.Int4 or TypeId.Int8 or TypeId.Numeric => new(name, SqlType.Numeric, () => new SumNumericAcc(true)),
                    TypeId.Float4 or TypeId.Float8 or TypeId.Unknown => new(name, SqlType.Float8, () => new AvgFloatAcc()),
                    TypeId.Interval or TypeId.Time => new(name, SqlType.Interval, () => new IntervalSumAcc(true)),
                    _ => null,
                };
            case "min":
            case "max":
                if (t.Id is TypeId.Bool or TypeId.Unknown or TypeId.Json or TypeId.Jsonb) return null;
                // cidr has no min/max of its own: it takes inet's, and the result is inet.
                var rt = t.Id == TypeId.Cidr ? SqlType.Inet : t.WithoutModifier();
                return new(name, rt, () => new MinMaxAcc(rt.Id, name == "max"));
            case "array_agg":
            {
                if (t.Id is TypeId.Unknown or TypeId.Void) return null;
                var element = t.WithoutModifier();
                return new(name, SqlType.ArrayOf(element), () => new ArrayAggAcc(element));
            }
            case "bool_and":
            case "every":
            case "bool_or":
                return t.Id == TypeId.Bool ? new(name, SqlType.Bool, () => new BoolAcc(name != "bool_or")) : null;
        }
        return null;
    }

    private sealed class CountAcc(bool star) : Accumulator
    {
        private long _n;
        public override void Add(object?[] args, ExecContext ctx) { if (star || args[0] is not null) _n++; }
        public override object? Result(ExecContext ctx) => _n;
    }

    private sealed class SumIntAcc : Accumulator
    {
        private long _sum;
        private bool _any;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (args[0] is null) return;
            _any = true;
            _sum = checked(_sum + args[0] switch { int i => i, short h => h, var v => Convert.ToInt64(v) });
        }
        public override object? Result(ExecContext ctx) => _any ? _sum : null;
    }

    private sealed class SumNumericAcc(bool average) : Accumulator
    {
        private Numeric _sum = Numeric.FromLong(0);
        private long _n;
        public override void Add(object?[] args, ExecContext ctx)
        {
            var v = args[0];
            if (v is null) return;
            _n++;
            _sum = _sum.Add(v switch
            {
                Numeric n => n,
                long l => Numeric.FromLong(l),
                int i => Numeric.FromLong(i),
                short s => Numeric.FromLong(s),
                _ => Numeric.Parse(v.ToString()!),
            });
        }
        public override object? Result(ExecContext ctx)
        {
            if (_n == 0) return null;
            return average ? _sum.Divide(Numeric.FromLong(_n)) : _sum;
        }
    }

    /// <summary>sum and avg of intervals (and of times, read as intervals since midnight); avg divides the sum as interval / float8 does.</summary>
    private sealed class IntervalSumAcc(bool average) : Accumulator
    {
        private PgInterval _sum;
        private long _n;
        public override void Add(object?[] args, ExecContext ctx)
        {
            var v = args[0];
            if (v is null) return;
            _n++;
            _sum = _sum.Add(v is PgTime t ? new PgInterval(0, 0, t.Microseconds) : (PgInterval)v);
        }
        public override object? Result(ExecContext ctx) => _n == 0 ? null : average ? _sum.Divide(_n) : _sum;
    }

    private sealed class SumFloatAcc(bool single) : Accumulator
    {
        private double _sum;
        private float _sum4;
        private bool _any;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (args[0] is null) return;
            _any = true;
            // sum(real) adds in single precision, as PostgreSQL's float4pl does.
            if (single) _sum4 += Convert.ToSingle(args[0]);
            else _sum += Convert.ToDouble(args[0]);
        }
        public override object? Result(ExecContext ctx) => !_any ? null : single ? (object)_sum4 : _sum;
    }

    private sealed class AvgFloatAcc : Accumulator
    {
        private double _sum;
        private long _n;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (args[0] is null) return;
            _n++;
            _sum += Convert.ToDouble(args[0]);
        }
        public override object? Result(ExecContext ctx) => _n == 0 ? null : _sum / _n;
    }

    private sealed class MinMaxAcc(TypeId type, bool max) : Accumulator
    {
        private object? _best;
        public override void Add(object?[] args, ExecContext ctx)
        {
            var v = args[0];
            if (v is null) return;
            if (_best is null) { _best = v; return; }
            var c = ValueComparer.Compare(v, _best, type);
            if (max ? c > 0 : c < 0) _best = v;
        }
        public override object? Result(ExecContext ctx) => _best;
    }

    private sealed class BoolAcc(bool and) : Accumulator
    {
        private bool? _value;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (args[0] is not bool b) return;
            _value = _value is null ? b : and ? _value.Value && b : _value.Value || b;
        }
        public override object? Result(ExecContext ctx) => _value;
    }

    private sealed class StringAggAcc : Accumulator
    {
        private System.Text.StringBuilder? _sb;
        public override void Add(object?[] args, ExecContext ctx)
        {
            if (args[0] is not string s) return;
            if (_sb is null) _sb = new System.Text.StringBuilder(s);
            else _sb.Append(args[1] as string).Append(s);
        }
        public override object? Result(ExecContext ctx) => _sb?.ToString();
    }

    /// <summary>
    /// array_agg: the inputs in order, NULLs included; over array inputs, an array one dimension
    /// higher (every input must be a non-null, non-empty array of one shape). No rows gives NULL.
    /// </summary>
    private sealed class ArrayAggAcc(SqlType type) : Accumulator
    {
        private readonly List<object?> _values = new();

        public override void Add(object?[] args, ExecContext ctx)
        {
            var v = args[0];
            if (type.IsArray)
            {
                if (v is not PgArray a)
                    throw new Errors.TenonException(Errors.SqlState.NullValueNotAllowed, "cannot accumulate null arrays");
                if (a.IsEmpty)
                    throw new Errors.TenonException(Errors.SqlState.ArraySubscriptError, "cannot accumulate empty arrays");
                if (_values.Count > 0 && _values[0] is PgArray first
                    && (first.Rank != a.Rank || !first.Lengths.AsSpan().SequenceEqual(a.Lengths) || !first.LowerBounds.AsSpan().SequenceEqual(a.LowerBounds)))
                    throw new Errors.TenonException(Errors.SqlState.ArraySubscriptError, "cannot accumulate arrays of different dimensionality");
            }
            _values.Add(v);
        }

        public override object? Result(ExecContext ctx)
        {
            if (_values.Count == 0) return null;
            if (!type.IsArray) return PgArray.Of(type, _values.ToArray());
            var first = (PgArray)_values[0]!;
            if (first.Rank + 1 > PgArray.MaxDimensions)
                throw new Errors.TenonException(Errors.SqlState.ProgramLimitExceeded,
                    $"number of array dimensions ({first.Rank + 1}) exceeds the maximum allowed ({PgArray.MaxDimensions})");
            return new PgArray(type.Element!, _values.SelectMany(v => ((PgArray)v!).Items).ToArray(),
                [_values.Count, .. first.Lengths], [1, .. first.LowerBounds]);
        }
    }
}
