namespace Tenon;

/// <summary>
/// The named databases a session's front end serves, which CREATE DATABASE and DROP DATABASE act
/// on. The engine asks; whoever hosts the sessions (the wire server) answers, since only it knows
/// which sessions are connected to which database. A session without one refuses both statements.
/// </summary>
public interface IDatabaseCluster
{
    /// <summary>Whether a database of this exact name exists.</summary>
    bool Exists(string name);

    /// <summary>
    /// Adds a database: empty, or (with <paramref name="template"/>) a copy of that database's
    /// committed contents. Throws PostgreSQL's 42P04 when the name is taken, 3D000 when the
    /// template does not exist, and 55006 "source database … is being accessed by other users"
    /// when sessions other than the asking one (connected to <paramref name="askingDatabase"/>)
    /// use the template, after waiting briefly for them to leave as PostgreSQL does.
    /// </summary>
    void Create(string name, string? template, string askingDatabase);

    /// <summary>
    /// Removes a database that no session uses. False when it does not exist (any more). When
    /// other sessions use it, waits briefly for them to leave (as PostgreSQL does), then throws
    /// PostgreSQL's 55006 "is being accessed by other users"; with <paramref name="force"/> it
    /// first terminates them. The asking session is connected to another database (the engine
    /// refuses to drop its own).
    /// </summary>
    bool Drop(string name, bool force);
}
