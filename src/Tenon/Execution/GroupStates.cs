namespace Tenon.Execution;

/// <summary>
/// The states of one aggregate call for a fixed number of groups, numbered from 0: what an
/// <see cref="Accumulator"/> per group would hold. count and sum over int2/int4 keep theirs in
/// arrays of plain numbers (with the accumulators' exact results, NULLs and overflow checks), so
/// feeding many groups touches no object per group; every other aggregate keeps an accumulator
/// per group, made when the group gets its first input.
/// </summary>
internal abstract class GroupStates
{
    public static GroupStates Create(AggregateFunction function, int groups) => function.Shape switch
    {
        AggregateShape.CountRows => new Counts(groups, rows: true),
        AggregateShape.CountValues => new Counts(groups, rows: false),
        AggregateShape.SumSmallIntegers => new SmallIntegerSums(groups),
        _ => new Accumulators(function, groups),
    };

    /// <summary>Feeds one input to a group; <paramref name="args"/> is reused, as for <see cref="Accumulator.Add"/>.</summary>
    public abstract void Add(int group, object?[] args, ExecContext ctx);

    /// <summary>The aggregate's value for a group: a fresh accumulator's when the group was fed nothing (its FILTER passed over every input).</summary>
    public abstract object? Result(int group, ExecContext ctx);

    private sealed class Counts(int groups, bool rows) : GroupStates
    {
        private readonly long[] _counts = new long[groups];

        public override void Add(int group, object?[] args, ExecContext ctx)
        {
            if (rows || args[0] is not null) _counts[group]++;
        }

        public override object? Result(int group, ExecContext ctx) => _counts[group];
    }

    private sealed class SmallIntegerSums(int groups) : GroupStates
    {
        private readonly long[] _sums = new long[groups];
        private readonly bool[] _any = new bool[groups];

        public override void Add(int group, object?[] args, ExecContext ctx)
        {
            var value = args[0];
            if (value is null) return;
            _any[group] = true;
            _sums[group] = checked(_sums[group] + value switch { int i => i, short h => h, var v => Convert.ToInt64(v) });
        }

        public override object? Result(int group, ExecContext ctx) => _any[group] ? _sums[group] : null;
    }

    private sealed class Accumulators(AggregateFunction function, int groups) : GroupStates
    {
        private readonly Accumulator?[] _states = new Accumulator?[groups];

        public override void Add(int group, object?[] args, ExecContext ctx) =>
            (_states[group] ??= function.CreateAccumulator()).Add(args, ctx);

        // A group whose inputs this aggregate's FILTER all skipped has a fresh state's result, as with an accumulator per group.
        public override object? Result(int group, ExecContext ctx) => (_states[group] ?? function.CreateAccumulator()).Result(ctx);
    }
}
