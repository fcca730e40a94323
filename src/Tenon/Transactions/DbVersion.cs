using System.Collections.Immutable;
using Tenon.Catalog;

namespace Tenon.Transactions;

/// <summary>
/// One consistent version of a whole database: the catalog and every table's data. Versions are
/// immutable values (copy-on-write all the way down to B+tree nodes), so a committed version can
/// be read by any number of sessions while a writer builds the next one, and a savepoint is just a
/// reference to a version.
/// </summary>
public sealed record DbVersion(SystemCatalog Catalog, ImmutableDictionary<uint, TableData> Data)
{
    public static DbVersion Empty { get; } = new(SystemCatalog.Empty, ImmutableDictionary<uint, TableData>.Empty);
}
