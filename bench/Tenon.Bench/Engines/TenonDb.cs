using Tenon.Errors;

namespace Tenon.Bench.Engines;

/// <summary>
/// Tenon in process through its <see cref="Session"/> API, with prepared statements
/// (<see cref="Session.Prepare"/>: parsed once, bound plan kept) like the other engines' clients.
/// </summary>
public sealed class TenonDb : IBenchDb
{
    private readonly Session _session;
    private readonly Database? _owned;
    private readonly string? _file;

    public TenonDb()
    {
        _session = Database.OpenInMemory().CreateSession();
    }

    private TenonDb(string name, string file)
    {
        Name = name;
        _file = file;
        _owned = Database.Open(file, new DatabaseOptions { Synchronous = SynchronousMode.Full });
        _session = _owned.CreateSession();
    }

    /// <summary>
    /// Tenon on a fresh file database in <paramref name="directory"/> with synchronous = full (every
    /// COMMIT is fsynced before it returns: durable, so it runs W9), removed on dispose.
    /// </summary>
    public static TenonDb File(string directory)
    {
        Directory.CreateDirectory(directory);
        return new TenonDb(FileName, Path.Combine(directory, $"bench-{Guid.NewGuid():N}.tenon"));
    }

    public const string FileName = "Tenon file";

    public string Name { get; } = "Tenon";
    public Dialect Dialect => Dialect.Postgres;
    public bool Durable => _file is not null;

    public void Exec(string sql)
    {
        foreach (var _ in _session.Execute(sql)) { }
    }

    public IBenchCommand Prepare(string sql) => new Command(_session, _session.Prepare(sql));

    public bool IsForeignKeyViolation(Exception e) => e is TenonException { SqlState: "23503" };

    public void Dispose()
    {
        _session.Dispose();
        if (_owned is null) return;
        _owned.Close(checkpoint: false);
        foreach (var f in new[] { _file!, _file + "-wal", _file + "-lock" })
            if (System.IO.File.Exists(f)) System.IO.File.Delete(f);
    }

    private sealed class Command(Session session, PreparedStatement statement) : IBenchCommand
    {
        public int Execute(params object?[] args) => RowCount(Last(args).CommandTag);

        public List<object?[]> Query(params object?[] args) => [.. Last(args).Rows ?? []];

        private StatementResult Last(object?[] args) => session.ExecuteSingle(statement, args);

        public void Dispose() { }

        /// <summary>The row count is the last number of the command tag (<c>INSERT 0 n</c>, <c>UPDATE n</c>, <c>DELETE n</c>).</summary>
        private static int RowCount(string tag)
        {
            var space = tag.LastIndexOf(' ');
            return space >= 0 && int.TryParse(tag.AsSpan(space + 1), out var n) ? n : 0;
        }
    }
}
