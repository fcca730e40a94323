using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;
using Xunit;

namespace Tenon.Tests.Catalog;

/// <summary>Storage parameters: how SET / RESET lists merge with existing options, and PostgreSQL's checks of names and values.</summary>
public sealed class StorageParametersTests
{
    private static RelOption Opt(string name, string? value = null, string? ns = null) => new(ns, name, value);

    private static TenonException Fails(Action a) => Assert.Throws<TenonException>(a);

    [Fact]
    public void Set_replaces_named_options_and_appends_new_ones_in_order()
    {
        var merged = StorageParameters.Merge(["fillfactor=100", "autovacuum_enabled=off"],
            [Opt("fillfactor", "80"), Opt("parallel_workers", "2")], null, ["toast"], reset: false);
        Assert.Equal(["autovacuum_enabled=off", "fillfactor=80", "parallel_workers=2"], merged);
        Assert.Equal(["autovacuum_enabled=true"], StorageParameters.Merge([], [Opt("autovacuum_enabled")], null, ["toast"], reset: false));
    }

    [Fact]
    public void Reset_removes_options_and_refuses_values()
    {
        Assert.Equal(["b=1"], StorageParameters.Merge(["a=1", "b=1"], [Opt("a"), Opt("unknown")], null, ["toast"], reset: true));
        Assert.Equal(SqlState.SyntaxError, Fails(() => StorageParameters.Merge([], [Opt("a", "1")], null, ["toast"], reset: true)).SqlState);
    }

    [Fact]
    public void Namespaces_split_toast_options_from_the_tables_and_unknown_ones_fail()
    {
        var given = new[] { Opt("autovacuum_enabled", "off", "toast"), Opt("fillfactor", "70") };
        Assert.Equal(["fillfactor=70"], StorageParameters.Merge([], given, null, ["toast"], reset: false));
        Assert.Equal(["autovacuum_enabled=off"], StorageParameters.Merge([], given, "toast", ["toast"], reset: false));
        Assert.Equal("unrecognized parameter namespace \"foo\"",
            Fails(() => StorageParameters.Merge([], [Opt("x", "1", "foo")], null, ["toast"], reset: false)).Message);
    }

    [Fact]
    public void With_oids_false_is_dropped_and_true_refused()
    {
        Assert.Empty(StorageParameters.Merge([], [Opt("oids", "false")], null, ["toast"], reset: false, ignoreOids: true));
        Assert.Equal(SqlState.FeatureNotSupported,
            Fails(() => StorageParameters.Merge([], [Opt("oids", "true")], null, ["toast"], reset: false, ignoreOids: true)).SqlState);
    }

    [Theory]
    [InlineData("fillfactor=5", "value 5 out of bounds for option \"fillfactor\"")]
    [InlineData("fillfactor=abc", "invalid value for integer option \"fillfactor\": abc")]
    [InlineData("autovacuum_enabled=maybe", "invalid value for boolean option \"autovacuum_enabled\": maybe")]
    [InlineData("vacuum_index_cleanup=xyz", "invalid value for enum option \"vacuum_index_cleanup\": xyz")]
    [InlineData("autovacuum_vacuum_scale_factor=x", "invalid value for floating point option \"autovacuum_vacuum_scale_factor\": x")]
    [InlineData("foo=1", "unrecognized parameter \"foo\"")]
    public void Heap_values_are_checked_as_PostgreSQL_does(string option, string message)
    {
        var e = Fails(() => StorageParameters.ValidateHeap([option], partitioned: false));
        Assert.Equal(SqlState.InvalidParameterValue, e.SqlState);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Integer_options_take_hex_and_rounded_fractions_and_duplicates_fail()
    {
        StorageParameters.ValidateHeap(["fillfactor=0x20", "parallel_workers=2.4", "autovacuum_enabled=of"], partitioned: false);
        Assert.Equal("parameter \"fillfactor\" specified more than once",
            Fails(() => StorageParameters.ValidateHeap(["fillfactor=50", "fillfactor=60"], partitioned: false)).Message);
    }

    [Fact]
    public void Toast_partitioned_and_column_options_have_their_own_lists()
    {
        StorageParameters.ValidateToast(["autovacuum_enabled=off", "vacuum_truncate=true"]);
        Assert.Equal("unrecognized parameter \"fillfactor\"", Fails(() => StorageParameters.ValidateToast(["fillfactor=50"])).Message);
        Assert.Equal("unrecognized parameter \"fillfactor\"", Fails(() => StorageParameters.ValidateHeap(["fillfactor=50"], partitioned: true)).Message);
        StorageParameters.ValidateAttribute(["n_distinct=-1", "n_distinct_inherited=1e6"]);
        var e = Fails(() => StorageParameters.ValidateAttribute(["n_distinct=-2"]));
        Assert.StartsWith("Valid values are between \"-1.000000\" and \"179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000\"", e.Detail);
    }
}
