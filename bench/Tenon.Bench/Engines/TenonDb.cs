using Tenon.Errors;

namespace Tenon.Bench.Engines;

/// <summary>
/// Tenon in process through its <see cref="Session"/> API, with prepared statements
/// (<see cref="Session.Prepare"/>: parsed once, bound plan kept) like the other engines' clients.
/// </summary>
public sealed class TenonDb : IBenchDb
{
    private readonly Session _session;

    public TenonDb()
    {
        _session = Database.OpenInMemory().CreateSession();
    }

    public string Name => "Tenon";
    public Dialect Dialect => Dialect.Postgres;
    public bool Durable => false;

    public void Exec(string sql)
    {
        foreach (var _ in _session.Execute(sql)) { }
    }

    public IBenchCommand Prepare(string sql) => new Command(_session, _session.Prepare(sql));

    public bool IsForeignKeyViolation(Exception e) => e is TenonException { SqlState: "23503" };

    public void Dispose() => _session.Dispose();

    private sealed class Command(Session session, PreparedStatement statement) : IBenchCommand
    {
        public int Execute(params object?[] args) => RowCount(Last(args).CommandTag);

        public List<object?[]> Query(params object?[] args) => [.. Last(args).Rows ?? []];

        private StatementResult Last(object?[] args)
        {
            StatementResult? last = null;
            foreach (var r in session.Execute(statement, args)) last = r;
            return last ?? new StatementResult("");
        }

        public void Dispose() { }

        /// <summary>The row count is the last number of the command tag (<c>INSERT 0 n</c>, <c>UPDATE n</c>, <c>DELETE n</c>).</summary>
        private static int RowCount(string tag)
        {
            var space = tag.LastIndexOf(' ');
            return space >= 0 && int.TryParse(tag.AsSpan(space + 1), out var n) ? n : 0;
        }
    }
}
