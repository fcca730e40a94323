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

    /// <summary>Adds an empty database; throws PostgreSQL's 42P04 when the name is taken.</summary>
    void Create(string name);

    /// <summary>
    /// Removes a database that no session uses. False when it does not exist (any more). When
    /// other sessions use it, waits briefly for them to leave (as PostgreSQL does), then throws
    /// PostgreSQL's 55006 "is being accessed by other users". The asking
    /// session is connected to another database (the engine refuses to drop its own).
    /// </summary>
    bool Drop(string name);
}
