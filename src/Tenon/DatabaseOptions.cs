namespace Tenon;

/// <summary>How far COMMIT waits for the log to reach the disk (see docs/DURABILITY.md).</summary>
public enum SynchronousMode
{
    /// <summary>
    /// The commit's log record is written and fsynced before COMMIT returns: an acknowledged
    /// transaction survives a process crash and a power failure. The default.
    /// </summary>
    Full,

    /// <summary>
    /// The record is handed to the operating system before COMMIT returns but fsynced only at
    /// checkpoints and close: a process crash loses nothing, a power failure or OS crash may lose
    /// the last transactions (the database stays consistent: a committed prefix survives).
    /// </summary>
    Normal,

    /// <summary>
    /// Records are buffered in the process and written when the buffer fills, at checkpoints and
    /// at close: even a process crash may lose the last transactions (again only a suffix; the
    /// database stays consistent). For bulk loads and tests.
    /// </summary>
    Off,
}

/// <summary>Options of <see cref="Database.Open(string, DatabaseOptions?)"/>.</summary>
public sealed record DatabaseOptions
{
    public static DatabaseOptions Default { get; } = new();

    public SynchronousMode Synchronous { get; init; } = SynchronousMode.Full;

    /// <summary>A checkpoint starts in the background once the log grows past this many bytes (0: never automatically).</summary>
    public long CheckpointLogBytes { get; init; } = 64L << 20;

    /// <summary>Whether closing the database writes a checkpoint (so the next open has no log to replay).</summary>
    public bool CheckpointOnClose { get; init; } = true;
}
