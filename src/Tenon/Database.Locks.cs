namespace Tenon;

public sealed partial class Database
{
    /// <summary>Takes the write lock only if it is free now (LOCK … NOWAIT); false when another transaction holds it.</summary>
    internal bool TryAcquireWriteLock()
    {
        if (!_writeLock.Wait(0)) return false;
        NoteWriterStart();
        return true;
    }
}
