using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Tenon.Wal;

/// <summary>
/// The log's group flush. On Linux it is fdatasync(2): it writes the file's data and whatever
/// metadata reading it back needs (its size), but not its modification time, which every append
/// changes and which fsync(2) (RandomAccess.FlushToDisk there) would commit through the file
/// system's journal each time. With the log's preallocated tail (<see cref="LogFile"/>) the size
/// does not change either, so a commit costs one device flush. Elsewhere it is
/// <see cref="RandomAccess.FlushToDisk"/> (FlushFileBuffers on Windows, F_FULLFSYNC on macOS).
/// </summary>
internal static class DataSync
{
    private const int Interrupted = 4; // EINTR

    /// <summary>Makes every byte written to <paramref name="handle"/> durable; IOException when the flush fails.</summary>
    public static void Flush(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            while (FDataSync((int)handle.DangerousGetHandle()) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interrupted)
                    throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)}", errno);
            }
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    // Plain DllImport with a blittable argument: LibraryImport would need the project to allow unsafe code.
    [DllImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static extern int FDataSync(int fd);
}
