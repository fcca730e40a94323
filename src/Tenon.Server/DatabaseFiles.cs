using System.Text;
using Tenon.Errors;

namespace Tenon.Server;

/// <summary>
/// The data directory of <c>tenon serve --data DIR</c>: one file database per database
/// (<c>NAME.tenon</c> with its <c>-wal</c> and <c>-lock</c> files, see docs/DURABILITY.md), and
/// <c>tenon-serve.lock</c>, held while a server uses the directory.
/// </summary>
internal sealed class DatabaseFiles : IDisposable
{
    private const string Extension = ".tenon";
    private const string DroppedSuffix = "-dropped";
    public const string LockFileName = "tenon-serve.lock";

    private readonly FileStream _lock;

    private DatabaseFiles(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
    }

    public string Directory { get; }

    /// <summary>Takes the directory (creating it when missing); refused while another process serves it.</summary>
    public static DatabaseFiles Open(string directory)
    {
        directory = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TenonException("58030", $"could not create data directory \"{directory}\": {ex.Message}");
        }
        var lockPath = Path.Combine(directory, LockFileName);
        FileStream lockFile;
        try
        {
            // An OS lock (flock on Unix), so a killed server leaves nothing locked behind.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TenonException(SqlState.InsufficientPrivilege, $"could not create lock file \"{lockPath}\": {ex.Message}");
        }
        catch (IOException) when (File.Exists(lockPath))
        {
            throw new TenonException(SqlState.ObjectInUse, $"data directory \"{directory}\" is in use by another process",
                hint: $"Is another tenon serve running with --data \"{directory}\"? It holds \"{lockPath}\".");
        }
        var files = new DatabaseFiles(directory, lockFile);
        files.RemoveLeftovers();
        return files;
    }

    /// <summary>The names of the databases in the directory.</summary>
    public IEnumerable<string> Names() =>
        System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
            .Select(Path.GetFileName)
            .Where(f => f!.EndsWith(Extension, StringComparison.Ordinal))
            .Select(f => Decode(f![..^Extension.Length]))
            .OfType<string>();

    public string PathOf(string name) => Path.Combine(Directory, Encode(name) + Extension);

    /// <summary>
    /// Removes a closed database's files. The snapshot is first renamed out of the way, so that
    /// a crash halfway leaves either the whole database or no database (the rest goes at the next start).
    /// </summary>
    public void Delete(string name)
    {
        var path = PathOf(name);
        File.Move(path, path + DroppedSuffix, overwrite: true);
        File.Delete(path + "-wal");
        File.Delete(path + DroppedSuffix);
        File.Delete(path + "-lock");
    }

    /// <summary>What an interrupted DROP DATABASE left: a renamed snapshot, and a log without its snapshot.</summary>
    private void RemoveLeftovers()
    {
        foreach (var f in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension + DroppedSuffix))
            File.Delete(f);
        foreach (var wal in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension + "-wal"))
            if (!File.Exists(wal[..^"-wal".Length]))
                File.Delete(wal);
    }

    /// <summary>
    /// A database name as a file name: lower-case letters, digits and '_' as they are, every other
    /// byte of its UTF-8 as %XX, so that any name works on any file system (case-insensitive ones too).
    /// </summary>
    internal static string Encode(string name)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'_') sb.Append((char)b);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>The name <see cref="Encode"/> made a file name of, or null for a file that is not one of ours.</summary>
    internal static string? Decode(string fileName)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < fileName.Length; i++)
        {
            var c = fileName[i];
            if (c == '%')
            {
                if (i + 2 >= fileName.Length || !byte.TryParse(fileName.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier,
                        System.Globalization.CultureInfo.InvariantCulture, out var b)) return null;
                bytes.Add(b);
                i += 2;
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_') bytes.Add((byte)c);
            else return null;
        }
        return bytes.Count == 0 ? null : Encoding.UTF8.GetString(bytes.ToArray());
    }

    public void Dispose() => _lock.Dispose();
}
