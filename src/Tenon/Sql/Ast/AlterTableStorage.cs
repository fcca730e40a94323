namespace Tenon.Sql.Ast;

/// <summary>
/// One storage parameter of <c>WITH (…)</c>, <c>SET (…)</c> or <c>RESET (…)</c>: <c>[namespace.]name [= value]</c>.
/// <see cref="Value"/> is the value's text as PostgreSQL keeps it (identifiers folded, numbers as
/// written, strings as given), or null when none was written.
/// </summary>
public sealed record RelOption(string? Namespace, string Name, string? Value) : Node;

/// <summary><c>SET (option [= value], …)</c> or <c>RESET (option, …)</c> on a table.</summary>
public sealed record RelOptionsAction(IReadOnlyList<RelOption> Options, bool Reset) : AlterTableAction;

/// <summary><c>CLUSTER ON index</c>.</summary>
public sealed record ClusterOnAction(string Index) : AlterTableAction;

/// <summary><c>SET WITHOUT CLUSTER</c>.</summary>
public sealed record SetWithoutClusterAction : AlterTableAction;

/// <summary><c>SET WITHOUT OIDS</c>: accepted and does nothing, as in PostgreSQL 12 and later.</summary>
public sealed record SetWithoutOidsAction : AlterTableAction;

/// <summary><c>SET LOGGED</c> or <c>SET UNLOGGED</c>.</summary>
public sealed record SetPersistenceAction(bool Logged) : AlterTableAction;

/// <summary><c>OF type</c>: makes the table a typed table of a composite type.</summary>
public sealed record OfTypeAction(QualifiedName Type) : AlterTableAction;

/// <summary><c>NOT OF</c>: unlinks a typed table from its type.</summary>
public sealed record NotOfAction : AlterTableAction;

/// <summary><c>REPLICA IDENTITY {DEFAULT | FULL | NOTHING | USING INDEX name}</c>; Kind is pg_class.relreplident's letter.</summary>
public sealed record ReplicaIdentityAction(char Kind, string? Index) : AlterTableAction;
