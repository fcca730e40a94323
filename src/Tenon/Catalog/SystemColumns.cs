using Tenon.Errors;

namespace Tenon.Catalog;

/// <summary>The names of PostgreSQL's system columns, which every table has and no user column may take.</summary>
public static class SystemColumns
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal) { "tableoid", "cmax", "xmax", "cmin", "xmin", "ctid" };

    public static bool IsSystemName(string name) => Names.Contains(name);

    /// <summary>42701 for a user column named like a system column (CREATE TABLE, ADD COLUMN, RENAME).</summary>
    public static void CheckUserColumnName(string name)
    {
        if (Names.Contains(name))
            throw new TenonException(SqlState.DuplicateColumn, $"column name \"{name}\" conflicts with a system column name");
    }
}
