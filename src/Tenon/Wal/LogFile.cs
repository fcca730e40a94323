namespace Tenon.Wal;

/// <summary>
/// The write-ahead log ("app.tenon-wal"): the commits made since the snapshot it follows.
///
///   PART      CONTENT
///   header    <see cref="FileHeader"/>, magic "TENONWAL", sequence = the snapshot's last commit
///   records   frames (<see cref="RecordFrame"/>) whose payloads are <see cref="CommitRecord"/>s,
///             numbered consecutively from the header's sequence + 1, appended at COMMIT
///   zeros     under synchronous = full only: zero bytes up to the next multiple of
///             <see cref="PreallocationChunk"/>, the space the next records will be written into
///
/// Why the zeros: under synchronous = full every group of commits ends with an fdatasync of the
/// log. When the append made the file longer, the file system must also commit the new size (a
/// journal transaction: a second device flush); when it only overwrote bytes that were already
/// there, the data flush is all. So the log is extended a chunk at a time, zero-filled (written,
/// not just reserved: a reserved-but-unwritten extent needs a metadata update of its own when
/// written, and copy-on-write file systems cannot reserve at all), and one commit in a chunk pays
/// for the size change. Recovery reads eight zero bytes where a frame header belongs as the end of
/// the records (<see cref="RecordFrame.ReadResult.Zeros"/>) and cuts the file there, so bytes
/// after the last record are always zeros the log wrote itself, never the remains of an older
/// record. A clean close cuts the zeros off, and a checkpoint's new log starts without any, so
/// at most one chunk of zeros is ever on disk.
///
/// Not thread-safe: <see cref="DurableStore"/> serializes every call.
/// </summary>
internal sealed class LogFile : IDisposable
{
    /// <summary>
    /// The unit in which a log under synchronous = full grows (see the class comment): 1 MiB is
    /// ~15,000 single-row commits of W9's kind between size changes, costs one 1 MiB write per
    /// chunk, and bounds the zeros on disk (the log itself is replaced at each checkpoint,
    /// <see cref="DatabaseOptions.CheckpointLogBytes"/>).
    /// </summary>
    public const int PreallocationChunk = 1 << 20;

    private static readonly byte[] ZeroBlock = new byte[64 * 1024];

    private FileStream _stream;
    // The file's size: Length plus the zero-filled space after the last record.
    private long _allocated;

    private LogFile(string path, FileStream stream, long length)
    {
        Path = path;
        _stream = stream;
        Length = length;
        _allocated = length;
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
        // Preallocated zeros go too: under synchronous = full the next append zero-fills a new chunk,
        // so nothing but zeros the log wrote itself ever follows its last record.
        if (_stream.Length != goodLength) _stream.SetLength(goodLength);
        _stream.Position = goodLength;
        Length = goodLength;
        _allocated = goodLength;
    }

    /// <summary>
    /// Appends one framed record: written to the operating system under full and normal (full's
    /// fsync comes later, for a group of records: <see cref="GroupCommit"/>), kept in the stream's
    /// buffer under off. Under full, a record that does not fit in the preallocated space extends
    /// the file to the next multiple of <see cref="PreallocationChunk"/> after it, zero-filled.
    /// </summary>
    public void Append(byte[] frame, SynchronousMode mode)
    {
        // Setting the position writes out the stream's buffer, even to where it already is (off keeps records buffered).
        if (_stream.Position != Length) _stream.Position = Length;
        _stream.Write(frame);
        var end = Length + frame.Length;
        if (mode == SynchronousMode.Full && end > _allocated)
        {
            // Zeros only after the record: a record larger than a chunk is not written twice.
            var chunkEnd = (end + PreallocationChunk - 1) / PreallocationChunk * PreallocationChunk;
            for (var at = end; at < chunkEnd; at += ZeroBlock.Length)
                _stream.Write(ZeroBlock, 0, (int)Math.Min(ZeroBlock.Length, chunkEnd - at));
            _allocated = chunkEnd;
        }
        if (mode != SynchronousMode.Off) _stream.Flush(flushToDisk: false);
        Length = end;
        if (end > _allocated) _allocated = end;
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
        _allocated = length;
    }

    /// <summary>Flushes the log (to disk when <paramref name="toDisk"/>), for closing: preallocated zeros are cut off first.</summary>
    public void Close(bool toDisk)
    {
        if (_allocated > Length)
        {
            _stream.Flush(flushToDisk: false);
            _stream.SetLength(Length);
            _allocated = Length;
        }
        _stream.Flush(flushToDisk: toDisk);
    }

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
