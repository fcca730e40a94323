namespace Tenon.Tests.Durability;

/// <summary>A fresh directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tenon-durable-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

internal static class DbText
{
    /// <summary>The rows of a query as text lines "a|b|c", as the session formats them.</summary>
    public static List<string> Query(Session s, string sql)
    {
        var r = s.ExecuteSingle(sql);
        return r.Rows.Select(row => string.Join("|", row.Select((v, i) => v is null ? "" : s.FormatValue(v, r.Columns![i].Type)))).ToList();
    }

    public static List<string> Query(Database db, string sql)
    {
        using var s = db.CreateSession();
        return Query(s, sql);
    }

    public static void Run(Database db, string sql)
    {
        using var s = db.CreateSession();
        foreach (var _ in s.Execute(sql)) { }
    }
}
