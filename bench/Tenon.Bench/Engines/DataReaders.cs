using System.Data.Common;

namespace Tenon.Bench.Engines;

internal static class DataReaders
{
    /// <summary>Every row of <paramref name="reader"/>, SQL NULL as null.</summary>
    public static List<object?[]> ReadAll(DbDataReader reader)
    {
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
