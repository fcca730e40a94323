using Tenon.Sql.Ast;
using Tenon.Types;

namespace Tenon.Catalog;

/// <summary>
/// An index (pg_index + its pg_class entry). A key is a column (its 1-based attribute number in
/// <see cref="Columns"/>) or an expression (attribute number 0, as pg_index.indkey has it, and an
/// entry in <see cref="Expressions"/>). A partial index has a <see cref="Predicate"/>: only rows
/// for which it is true are in the index.
/// </summary>
public sealed record IndexDef(string Name, uint Oid, uint TableOid, IReadOnlyList<short> Columns, bool Unique)
{
    public bool IsPrimary { get; init; }
    /// <summary>Name of the constraint this index implements, or null for a plain CREATE INDEX.</summary>
    public string? ConstraintName { get; init; }
    public bool NullsNotDistinct { get; init; }
    /// <summary>Backs an equality EXCLUDE constraint: not unique, but a second row with the same non-null key is rejected (23P01).</summary>
    public bool Exclusion { get; init; }
    /// <summary>Deferrable unique indexes are checked at end of statement or commit, not per row.</summary>
    public bool Deferrable { get; init; }
    public bool InitiallyDeferred { get; init; }
    public IReadOnlyList<bool> Descending { get; init; } = Array.Empty<bool>();
    /// <summary>
    /// Per key, whether NULLs come first: as written (NULLS FIRST/LAST), else the default of its
    /// direction (first for DESC). Empty for an index made before this was kept: the defaults then.
    /// Kept for the catalog (pg_get_indexdef, \d); Tenon's index order itself is its key comparer's.
    /// </summary>
    public IReadOnlyList<bool> NullsFirst { get; init; } = Array.Empty<bool>();

    /// <summary>The NULLS option to print after key <paramref name="i"/>: only one that differs from its direction's default.</summary>
    public string NullsOption(int i)
    {
        if (i >= NullsFirst.Count) return "";
        var descending = i < Descending.Count && Descending[i];
        return NullsFirst[i] == descending ? "" : NullsFirst[i] ? " NULLS FIRST" : " NULLS LAST";
    }
    public Expr? Predicate { get; init; }

    /// <summary>Per key, the collation written for it (COLLATE "C"), else null; empty when no key names one.</summary>
    public IReadOnlyList<string?> KeyCollations { get; init; } = Array.Empty<string?>();
    /// <summary>Per key, the operator class written for it (text_pattern_ops), else null; empty when no key names one.</summary>
    public IReadOnlyList<string?> KeyOpClasses { get; init; } = Array.Empty<string?>();

    public string? KeyCollation(int i) => i < KeyCollations.Count ? KeyCollations[i] : null;
    public string? KeyOpClass(int i) => i < KeyOpClasses.Count ? KeyOpClasses[i] : null;
    /// <summary>Per key: its expression when <see cref="Columns"/> has 0 there, else null. Empty when every key is a column.</summary>
    public IReadOnlyList<IndexExpression?> Expressions { get; init; } = Array.Empty<IndexExpression?>();

    public bool HasExpressions => Expressions.Count > 0;

    /// <summary>
    /// INCLUDE (…): columns an index carries after its key (pg_index.indkey past indnkeyatts). They
    /// take no part in ordering or uniqueness; Tenon's index entries point at the row, so they are
    /// recorded for the catalog, names and dependencies only.
    /// </summary>
    public IReadOnlyList<short> IncludeColumns { get; init; } = Array.Empty<short>();

    /// <summary>Key columns then INCLUDE columns, as pg_index.indkey lists them.</summary>
    public IEnumerable<short> AllColumns => Columns.Concat(IncludeColumns);

    /// <summary>
    /// The access method when it is not btree: "hash", "gist" or "gin" (Tenon stores every index
    /// as a btree; brin and spgist indexes are plain btrees). The planner uses a hash index for
    /// equality on its key only, and a gist or gin index not at all.
    /// </summary>
    public string? Method { get; init; }

    /// <summary>
    /// pg_class.relfilenode when it is not the oid: REINDEX gives the index new storage, which
    /// PostgreSQL shows as a new relfilenode (0 = the oid, as at creation).
    /// </summary>
    public uint FileNode { get; init; }

    /// <summary>pg_class.relfilenode as PostgreSQL shows it.</summary>
    public uint RelFileNode => FileNode != 0 ? FileNode : Oid;

    /// <summary>
    /// pg_index.indisvalid: false only for an index of a partitioned table made with CREATE INDEX
    /// ON ONLY while the table has partitions, until an index of each partition is attached to it.
    /// </summary>
    public bool Valid { get; init; } = true;

    /// <summary>
    /// The partitioned table's index this one is a partition of (pg_inherits for indexes), 0 for
    /// none: set when a partition's index is cloned from or attached to its parent's.
    /// </summary>
    public uint ParentIndexOid { get; init; }

    /// <summary>Storage parameters as pg_class.reloptions lists them ("name=value", in the order set); empty for none.</summary>
    public IReadOnlyList<string> Options { get; init; } = Array.Empty<string>();

    /// <summary>pg_attribute.attstattarget per index attribute (ALTER INDEX … SET STATISTICS), -1 for the default; empty when none was set.</summary>
    public IReadOnlyList<int> StatisticsTargets { get; init; } = Array.Empty<int>();

    /// <summary>The statistics target of attribute <paramref name="i"/> (0-based): -1 unless set.</summary>
    public int StatisticsTarget(int i) => i < StatisticsTargets.Count ? StatisticsTargets[i] : -1;

    /// <summary>pg_am's name of the index's access method.</summary>
    public string AccessMethod => Method ?? "btree";

    /// <summary>The type of key <paramref name="i"/>.</summary>
    public SqlType KeyType(TableDef table, int i) => Columns[i] != 0 ? table.Column(Columns[i]).Type : Expressions[i]!.Type;

    /// <summary>The type of attribute <paramref name="i"/> of the index: a key, or past the keys an INCLUDE column.</summary>
    public SqlType AttributeType(TableDef table, int i) => i < Columns.Count ? KeyType(table, i) : table.Column(IncludeColumns[i - Columns.Count]).Type;
}

/// <summary>An expression key of an index: the expression, its result type, and how PostgreSQL shows it (pg_get_indexdef_columns).</summary>
public sealed record IndexExpression(Expr Expr, SqlType Type, string Text);
