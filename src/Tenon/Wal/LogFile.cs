namespace Tenon.Wal;

/// <summary>
/// The write-ahead log ("app.tenon-wal"): the commits made since the snapshot it follows.
///
///   PART      CONTENT
///   header    <see cref="FileHeader"/>, magic "TENONWAL", sequence = the snapshot's last commit
///   records   frames (<see cref="RecordFrame"/>) whose payloads are <see cref="CommitRecord"/>s,
///             numbered consecutively from the header's sequence + 1, appended at COMMIT
///
/// Not thread-safe: <see cref="DurableStore"/> serializes every call.
/// </summary>
internal sealed class LogFile : IDisposable
{
    private FileStream _stream;

    private LogFile(string path, FileStream stream, long length)
    {
        Path = path;
        _stream = stream;
        Length = length;
        Handle = stream.SafeFileHandle;
    }

    /// <summary>The file's handle, for the group fsync (which runs while other commits append).</summary>
    public Microsoft.Win32.SafeHandles.SafeFileHandle Handle { get; private set; }

    public string Path { get; }

    /// <summary>Bytes of whole records written (the end of the last good record).</summary>
    public long Length { get; private set; }

    public bool HasRecords => Length > FileHeader.Size;

    private static FileStream OpenStream(string path, FileMode mode) =>
        new(path, mode, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, bufferSize: 1 << 16);

    /// <summary>Creates a log that follows commit <paramref name="baseSequence"/> with <paramref name="tail"/> (whole records) after the header, and puts it at <paramref name="path"/> atomically.</summary>
    public static LogFile Create(string path, long baseSequence, ReadOnlySpan<byte> tail)
    {
        var tmp = path + ".tmp";
        var stream = OpenStream(tmp, FileMode.Create);
        try
        {
            stream.Write(new FileHeader(FileHeader.LogMagic, FileHeader.CurrentVersion, baseSequence).ToBytes());
            stream.Write(tail);
            stream.Flush(flushToDisk: true);
            File.Move(tmp, path, overwrite: true);
            DirectorySync.Sync(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            return new LogFile(path, stream, FileHeader.Size + tail.Length);
        }
        catch
        {
            stream.Dispose();
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    /// <summary>Opens an existing log for recovery and appending; the caller reads it with <see cref="Stream"/> first.</summary>
    public static LogFile Open(string path) => new(path, OpenStream(path, FileMode.Open), 0);

    /// <summary>The underlying stream, for recovery to read from the start.</summary>
    public Stream Stream => _stream;

    /// <summary>After recovery read up to <paramref name="goodLength"/>: cuts off anything after it (a torn or damaged tail).</summary>
    public void TruncateTo(long goodLength)
    {
        // No fsync of its own: the next synchronous append's fsync also makes the new length durable,
        // and until then a crash leaves the same damaged tail, which the next recovery cuts off again.
        if (_stream.Length != goodLength) _stream.SetLength(goodLength);
        _stream.Position = goodLength;
        Length = goodLength;
    }

    /// <summary>
    /// Appends one framed record: written to the operating system under full and normal (full's
    /// fsync comes later, for a group of records: <see cref="GroupCommit"/>), kept in the stream's
    /// buffer under off.
    /// </summary>
    public void Append(byte[] frame, SynchronousMode mode)
    {
        _stream.Position = Length;
        _stream.Write(frame);
        if (mode != SynchronousMode.Off) _stream.Flush(flushToDisk: false);
        Length += frame.Length;
    }

    /// <summary>Undoes a failed <see cref="Append"/>: drops buffered bytes and cuts the file back.</summary>
    public void Rollback(long length)
    {
        // A FileStream that failed to write may still hold the bytes in its buffer: reopen.
        var path = Path;
        try { _stream.Dispose(); } catch (IOException) { }
        _stream = OpenStream(path, FileMode.Open);
        Handle = _stream.SafeFileHandle;
        _stream.SetLength(length);
        _stream.Flush(flushToDisk: true);
        Length = length;
    }

    public void Sync(bool toDisk) => _stream.Flush(flushToDisk: toDisk);

    /// <summary>The bytes of whole records from <paramref name="offset"/> to the end.</summary>
    public byte[] ReadTail(long offset)
    {
        _stream.Flush(flushToDisk: false);
        var tail = new byte[Length - offset];
        _stream.Position = offset;
        _stream.ReadExactly(tail);
        _stream.Position = Length;
        return tail;
    }

    public void Dispose() => _stream.Dispose();
}
