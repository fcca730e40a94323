namespace Tenon.Sql.Ast;

/// <summary>PostgreSQL's table lock modes, weakest first (the order of its lock-mode numbers).</summary>
public enum TableLockMode
{
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
}

/// <summary><c>LOCK [TABLE] [ONLY] name [*] [, …] [IN mode MODE] [NOWAIT]</c>.</summary>
public sealed record LockStatement(IReadOnlyList<QualifiedName> Tables, TableLockMode Mode, bool NoWait) : Statement;
