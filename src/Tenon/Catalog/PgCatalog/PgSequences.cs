using Tenon.Types;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_sequences: every sequence with its parameters and its last value (null until nextval or
/// setval has given it one). The owner is the bootstrap superuser, which owns every relation.
/// </summary>
public static class PgSequences
{
    public static SystemRelation Relation { get; } = new("pg_sequences", 12030,
        [
            new("schemaname", SqlType.Name), new("sequencename", SqlType.Name), new("sequenceowner", SqlType.Name),
            new("data_type", SqlType.RegType), new("start_value", SqlType.Int8), new("min_value", SqlType.Int8),
            new("max_value", SqlType.Int8), new("increment_by", SqlType.Int8), new("cycle", SqlType.Bool),
            new("cache_size", SqlType.Int8), new("last_value", SqlType.Int8),
        ],
        catalog => catalog.Sequences.Values.OrderBy(s => s.Oid).Select(s =>
        {
            long last;
            bool called;
            lock (s.State.Gate)
            {
                last = s.State.LastValue;
                called = s.State.IsCalled;
            }
            return new object?[]
            {
                s.Schema, s.Name, Execution.Functions.BootstrapSuperuserName, s.DataType.TypeOid, s.Start, s.MinValue,
                s.MaxValue, s.Increment, s.Cycle, s.Cache, called ? last : null,
            };
        }));
}
