using Tenon.Errors;

namespace Tenon.Wal;

/// <summary>
/// The errors of opening and writing database files. Each names the file and the problem, with
/// the SQLSTATE PostgreSQL gives the nearest condition (file access errors map as its
/// errcode_for_file_access does: permission → 42501, no space → 53100, others → 58030).
/// </summary>
internal static class StorageErrors
{
    private const string SystemError = "58000";
    private const string IoError = "58030";
    private const string DiskFull = "53100";
    private const string DataCorrupted = "XX001";

    public static TenonException NotATenonFile(string path, string what) =>
        new(SystemError, what == "snapshot" ? $"file \"{path}\" is not a Tenon database" : $"file \"{path}\" is not a Tenon database {what} file");

    public static TenonException NotAFile(string path) =>
        new(SystemError, $"could not open database \"{path}\": it is a directory, not a Tenon database file");

    public static TenonException Corrupt(string path, string problem) =>
        new(DataCorrupted, $"database file \"{path}\" is corrupt: {problem}",
            hint: "Restore the database from a backup; Tenon does not repair a damaged snapshot.");

    public static TenonException NewerVersion(string path, uint version) =>
        new(SqlState.ObjectNotInPrerequisiteState, $"database file \"{path}\" has format version {version}, but this Tenon reads format version {FileHeader.CurrentVersion} and older",
            hint: "Open it with a newer version of Tenon.");

    public static TenonException Locked(string path) =>
        new(SqlState.ObjectInUse, $"database \"{path}\" is already open in another process (or another Database object in this one)",
            hint: "Close the other process first; Tenon does not share a file database between processes.");

    public static TenonException MissingSnapshot(string path, string logPath) =>
        new(DataCorrupted, $"database file \"{path}\" is missing but its log \"{logPath}\" exists",
            hint: "Restore the database file, or delete the log to start an empty database.");

    public static TenonException Failed(string path) =>
        new(IoError, $"database \"{path}\" cannot be written after an earlier write error",
            hint: "Close and reopen the database; recovery will restore every committed transaction.");

    public static TenonException Closed(string path) =>
        new(SqlState.ObjectNotInPrerequisiteState, $"database \"{path}\" is closed");

    /// <summary>An operating-system failure on <paramref name="path"/> while doing <paramref name="action"/> ("write to", "open", ...).</summary>
    public static TenonException FromIo(Exception ex, string action, string path)
    {
        var reason = ex.Message;
        if (ex is UnauthorizedAccessException)
            return new TenonException(SqlState.InsufficientPrivilege, $"could not {action} file \"{path}\": Permission denied",
                hint: "Tenon needs to write to the database's directory (a read-only directory or file cannot hold a database).");
        // ENOSPC (28) on Unix, ERROR_DISK_FULL (112) / ERROR_HANDLE_DISK_FULL (39) on Windows.
        var code = ex.HResult & 0xFFFF;
        if (ex is IOException && (code is 28 or 112 or 39 || reason.Contains("No space left", StringComparison.OrdinalIgnoreCase)))
            return new TenonException(DiskFull, $"could not {action} file \"{path}\": No space left on device");
        return new TenonException(IoError, $"could not {action} file \"{path}\": {reason}");
    }
}
