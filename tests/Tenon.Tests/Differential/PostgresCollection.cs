namespace Tenon.Tests.Differential;

/// <summary>Test classes in this collection share one <see cref="PostgresServer"/> for the whole run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL 15 oracle";
}
