using Tenon.Data;

namespace Tenon.Tests.Data;

/// <summary>Each test gets its own open connection to a private in-memory database.</summary>
public abstract class DataTestBase : IDisposable
{
    protected DataTestBase()
    {
        Connection = new TenonConnection("Data Source=:memory:");
        Connection.Open();
    }

    protected TenonConnection Connection { get; }

    protected int Exec(string sql, params object?[] positional)
    {
        using var cmd = Command(sql, positional);
        return cmd.ExecuteNonQuery();
    }

    protected object? Scalar(string sql, params object?[] positional)
    {
        using var cmd = Command(sql, positional);
        return cmd.ExecuteScalar();
    }

    protected TenonCommand Command(string sql, params object?[] positional)
    {
        var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in positional) cmd.Parameters.AddWithValue(p);
        return cmd;
    }

    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }
}
