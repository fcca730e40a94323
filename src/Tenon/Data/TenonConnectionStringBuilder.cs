using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Tenon.Data;

/// <summary>
/// Builds and parses Tenon connection strings. The one keyword is <c>Data Source</c>
/// (synonym <c>DataSource</c>):
/// <list type="bullet">
/// <item><c>:memory:</c> — a private in-memory database, created when the connection opens and
/// discarded when it closes;</item>
/// <item>a plain name (letters, digits, <c>_</c>, <c>-</c>) — a named in-memory database shared by
/// every open connection with the same name in this process; it is discarded when the last of
/// them closes.</item>
/// <item>anything else is a file path (e.g. <c>app.tenon</c>, <c>./data/app.tenon</c>) — a file
/// database (docs/DURABILITY.md), created if missing, shared by every open connection to it in
/// this process and closed when the last of them closes.</item>
/// </list>
/// </summary>
public sealed class TenonConnectionStringBuilder : DbConnectionStringBuilder
{
    private const string DataSourceKey = "Data Source";

    public TenonConnectionStringBuilder() { }

    public TenonConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString ?? "";

    /// <summary><c>:memory:</c>, the name of a shared in-memory database, or a database file path.</summary>
    public string DataSource
    {
        get => TryGetValue(DataSourceKey, out var v) ? (string)v : "";
        set => this[DataSourceKey] = value;
    }

    [AllowNull]
    public override object this[string keyword]
    {
        get => base[Canonical(keyword)];
        set
        {
            var key = Canonical(keyword);
            if (value is null) Remove(key);
            else base[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        }
    }

    public override bool ContainsKey(string keyword) => TryCanonical(keyword, out var k) && base.ContainsKey(k);

    public override bool Remove(string keyword) => TryCanonical(keyword, out var k) && base.Remove(k);

    public override bool TryGetValue(string keyword, [NotNullWhen(true)] out object? value)
    {
        value = null;
        return TryCanonical(keyword, out var k) && base.TryGetValue(k, out value);
    }

    private static string Canonical(string keyword) =>
        TryCanonical(keyword, out var k) ? k : throw new ArgumentException($"Keyword not supported: '{keyword}'.", nameof(keyword));

    private static bool TryCanonical(string keyword, out string canonical)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        switch (keyword.Trim().ToLowerInvariant())
        {
            case "data source":
            case "datasource":
                canonical = DataSourceKey;
                return true;
        }
        canonical = "";
        return false;
    }
}
