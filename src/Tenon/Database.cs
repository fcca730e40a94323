namespace Tenon;

/// <summary>
/// A Tenon database: catalog, stored tables and indexes, sequences and the transaction manager.
/// Sessions are opened over it with <see cref="CreateSession"/>.
/// </summary>
public sealed partial class Database
{
    /// <summary>Opens a new, empty in-memory database.</summary>
    public static Database OpenInMemory() => new();

    public Session CreateSession() => new(this);

    /// <summary>The session-level advisory locks held by this database's sessions.</summary>
    internal AdvisoryLocks AdvisoryLocks { get; } = new();
}
