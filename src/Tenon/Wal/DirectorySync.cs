using System.Runtime.InteropServices;

namespace Tenon.Wal;

/// <summary>
/// Makes a rename durable. On Unix a rename is recorded in the directory, which must itself be
/// fsynced; .NET has no API for that, so this opens the directory and calls fsync(2). Windows
/// commits a MoveFileEx rename with the file system's journal, so there is nothing to do there.
/// </summary>
internal static class DirectorySync
{
    private const int ReadOnlyDirectory = 0x10000; // O_DIRECTORY on Linux; O_RDONLY is 0

    public static void Sync(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        var flags = OperatingSystem.IsLinux() ? ReadOnlyDirectory : 0;
        var fd = Open(directory, flags);
        if (fd < 0) throw new IOException($"could not open directory \"{directory}\" to fsync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (FSync(fd) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                // Some file systems cannot fsync a directory (EINVAL); their renames are then as durable as they get.
                if (errno != 22) throw new IOException($"could not fsync directory \"{directory}\" (errno {errno})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static int Open(string path, int flags)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        return OpenBytes(bytes, flags);
    }

    // Plain DllImport with blittable arguments: LibraryImport would need the project to allow unsafe code.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int OpenBytes(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int FSync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
