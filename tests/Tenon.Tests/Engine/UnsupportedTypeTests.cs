using Tenon.Errors;
using Xunit;

namespace Tenon.Tests.Engine;

/// <summary>A built-in PostgreSQL type Tenon lacks is a missing feature (0A000), an unknown name is 42704.</summary>
public sealed class UnsupportedTypeTests
{
    private readonly Session _s = Database.OpenInMemory().CreateSession();

    [Theory]
    [InlineData("CREATE TABLE t (p jsonpath)", "jsonpath")]
    [InlineData("CREATE TABLE t (f pg_catalog.xml NOT NULL)", "xml")]
    [InlineData("SELECT '[1,2)'::int4range", "int4range")]
    public void BuiltInTypesTenonLacksAreFeatureNotSupported(string sql, string type)
    {
        var ex = Assert.Throws<TenonException>(() => _s.ExecuteSingle(sql));
        Assert.Equal(SqlState.FeatureNotSupported, ex.SqlState);
        Assert.Equal($"type \"{type}\" is not supported by Tenon yet", ex.Message);
    }

    [Fact]
    public void UnknownAndSchemaQualifiedNamesStayUndefined()
    {
        Assert.Equal(SqlState.UndefinedObject, Assert.Throws<TenonException>(() => _s.ExecuteSingle("CREATE TABLE t (a nosuchtype)")).SqlState);
        // public.json is not the built-in type: it is simply not there.
        var ex = Assert.Throws<TenonException>(() => _s.ExecuteSingle("CREATE TABLE t (a public.json)"));
        Assert.Equal("type \"public.json\" does not exist", ex.Message);
    }
}
