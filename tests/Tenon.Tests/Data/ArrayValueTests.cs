namespace Tenon.Tests.Data;

/// <summary>Arrays through the in-process ADO.NET provider: CLR arrays as parameters, T[] from the reader.</summary>
public class ArrayValueTests : DataTestBase
{
    [Fact]
    public void Clr_arrays_are_array_parameters_and_read_back_as_clr_arrays()
    {
        Exec("CREATE TABLE t (id int, nums int[], names text[], stamps timestamp[])");
        Exec("INSERT INTO t VALUES ($1, $2, $3, $4)", 1, new[] { 5, 6 }, new[] { "a", "b c" }, new[] { new DateTime(2024, 1, 2, 3, 4, 5) });
        Assert.Equal("{5,6}", Scalar("SELECT nums::text FROM t"));
        Assert.Equal(1, Scalar("SELECT id FROM t WHERE $1 = ANY (nums) AND names @> $2", 6, new[] { "b c" }));
        using var r = Command("SELECT nums, names, stamps, ARRAY[1, NULL]::bigint[] FROM t").ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(typeof(int[]), r.GetFieldType(0));
        Assert.Equal("integer[]", r.GetDataTypeName(0));
        Assert.Equal(new[] { 5, 6 }, (int[])r.GetValue(0));
        Assert.Equal(new[] { 5L, 6L }, r.GetFieldValue<long[]>(0));
        Assert.Equal(new[] { "a", "b c" }, r.GetFieldValue<string[]>(1));
        Assert.Equal(new[] { new DateTime(2024, 1, 2, 3, 4, 5) }, r.GetFieldValue<DateTime[]>(2));
        Assert.Equal(new long?[] { 1, null }, r.GetFieldValue<long?[]>(3));
        Assert.Throws<InvalidCastException>(() => r.GetFieldValue<long[]>(3));
    }
}
