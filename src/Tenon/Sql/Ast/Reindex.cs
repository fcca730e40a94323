namespace Tenon.Sql.Ast;

/// <summary>What a REINDEX rebuilds: one index, one table's indexes, or every table of a schema, of the system catalogs or of the database.</summary>
public enum ReindexTarget { Index, Table, Schema, System, Database }

/// <summary>
/// <c>REINDEX [(option [value], …)] {INDEX | TABLE | SCHEMA | SYSTEM | DATABASE} [CONCURRENTLY] name</c>.
/// <see cref="Options"/> are the parenthesized ones as written (lower-case names); a CONCURRENTLY
/// keyword after the target is one more option "concurrently", as in PostgreSQL's grammar.
/// <see cref="Relation"/> names the index or table; <see cref="Name"/> the schema or database.
/// </summary>
public sealed record ReindexStatement(ReindexTarget Target, QualifiedName? Relation, string? Name,
    IReadOnlyList<(string Name, string? Value, int Position)> Options) : Statement;
