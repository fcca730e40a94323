using System.Numerics;
using Tenon.Cli;
using Tenon.Types;
using Tenon.Wal;

namespace Tenon.Tests.Durability;

public sealed class CodecTests
{
    public static TheoryData<object?> Values() => new()
    {
        null, true, false, (short)-32768, (short)7, int.MinValue, 42, long.MaxValue, -1L,
        Numeric.Zero, Numeric.Create(BigInteger.Parse("-123456789012345678901234567890"), 12), Numeric.Create(150, 2),
        Numeric.NaN, Numeric.PositiveInfinity, Numeric.NegativeInfinity,
        1.5f, float.NaN, float.NegativeInfinity, -0.0, double.Epsilon, double.PositiveInfinity,
        "", "héllo, wörld ☃ \u0001", new string('x', 100_000),
        Guid.Parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
        new PgDate(-1), PgDate.Infinity, PgDate.NegativeInfinity,
        new PgTimestamp(-123456789), new PgTimestamp(long.MaxValue), new PgTimestampTz(987654321012),
        new PgInterval(-14, 3, 86_400_000_001), new PgTime(0), new PgTime(PgTime.DayMicroseconds), new PgTime(45_296_789_012),
        Array.Empty<byte>(), new byte[] { 0, 1, 255, 128 },
        0u, uint.MaxValue,
        InetText.Parse("192.168.1.5/24", isCidr: false), InetText.Parse("10.0.0.0/8", isCidr: true),
        InetText.Parse("2001:db8::ff00:42:8329/64", isCidr: false), InetText.Parse("::/0", isCidr: true),
        PgArray.Empty(SqlType.Int4), ArrayText.Parse("[0:1][2:3]={{1,NULL},{3,4}}", SqlType.Int4, FormatSettings.Default),
        ArrayText.Parse("{a,\"b c\",NULL}", SqlType.VarcharOf(5), FormatSettings.Default),
        new PgEnumValue(16400, 16402, 1.5f, "happy ☃"),
        TsVectorText.Parse("a:1A fat:2B,4C 'it''s':5 back\\\\slash"), TsVector.Empty,
        TsQueryText.ParseLiteral("!fat:ab & (rat | cat:*) <2> 'it''s'"), TsQuery.Empty,
        JsonParser.ParseJsonb("{\"b\": [1.50, \"x\\\"\\u0001\", null, true], \"a\": {}, \"a\": -0.5e3}"), JsonParser.ParseJsonb("[]"),
        new PgPoint(1.5, double.NaN), new PgLseg(new PgPoint(0, -0.0), new PgPoint(double.PositiveInfinity, 2)),
        new PgBox(new PgPoint(3, 4), new PgPoint(1, 2)), new PgPath(false, [new PgPoint(0, 0), new PgPoint(1e300, -1e-300)]),
        new PgPath(true, [new PgPoint(1, 1)]), new PgPolygon([new PgPoint(0, 0), new PgPoint(1, 1), new PgPoint(1, 0)]),
        new PgLine(1, -1, 0.5), new PgCircle(new PgPoint(2, 3), 0.25),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void EveryValueRoundTrips(object? value)
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
            ValueCodec.WriteRow(w, [value, value]);
        ms.Position = 0;
        using var r = new BinaryReader(ms);
        var row = ValueCodec.ReadRow(r);
        Assert.Equal(ms.Length, ms.Position);
        Assert.Equal(2, row.Length);
        Assert.Equal(value?.GetType(), row[0]?.GetType());
        if (value is Numeric n)
        {
            var back = (Numeric)row[0]!;
            Assert.Equal(n.ToString(), back.ToString());
            Assert.Equal(n.Scale, back.Scale);
        }
        else Assert.Equal(value, row[0]);
    }

    [Fact]
    public void EveryTypeIdHasAValueInTheTest()
    {
        // A new TypeId needs a codec tag and a line above; this fails until it has both.
        // Unknown, void and record are never stored: no column can have those types.
        var covered = new HashSet<TypeId> { TypeId.Unknown, TypeId.Void, TypeId.Record };
        foreach (var v in ((IEnumerable<object?[]>)Values()).Select(d => d[0]))
            switch (v)
            {
                case bool: covered.Add(TypeId.Bool); break;
                case short: covered.Add(TypeId.Int2); break;
                case int: covered.Add(TypeId.Int4); break;
                case long: covered.Add(TypeId.Int8); break;
                case Numeric: covered.Add(TypeId.Numeric); break;
                case float: covered.Add(TypeId.Float4); break;
                case double: covered.Add(TypeId.Float8); break;
                case string: covered.UnionWith([TypeId.Text, TypeId.Varchar, TypeId.Bpchar, TypeId.Name, TypeId.Json]); break;
                case Guid: covered.Add(TypeId.Uuid); break;
                case PgDate: covered.Add(TypeId.Date); break;
                case PgTimestamp: covered.Add(TypeId.Timestamp); break;
                case PgTimestampTz: covered.Add(TypeId.Timestamptz); break;
                case PgInterval: covered.Add(TypeId.Interval); break;
                case PgTime: covered.Add(TypeId.Time); break;
                case byte[]: covered.Add(TypeId.Bytea); break;
                case PgArray: covered.Add(TypeId.Array); break;
                case uint: covered.UnionWith([TypeId.Oid, TypeId.RegClass, TypeId.RegType, TypeId.RegNamespace, TypeId.RegRole, TypeId.RegProc, TypeId.RegProcedure, TypeId.Xid, TypeId.RegConfig]); break;
                case PgInet: covered.UnionWith([TypeId.Inet, TypeId.Cidr]); break;
                case PgEnumValue: covered.Add(TypeId.Enum); break;
                case TsVector: covered.Add(TypeId.TsVector); break;
                case JsonValue: covered.Add(TypeId.Jsonb); break;
                case TsQuery: covered.Add(TypeId.TsQuery); break;
                case PgPoint: covered.Add(TypeId.Point); break;
                case PgLseg: covered.Add(TypeId.Lseg); break;
                case PgBox: covered.Add(TypeId.Box); break;
                case PgPath: covered.Add(TypeId.Path); break;
                case PgPolygon: covered.Add(TypeId.Polygon); break;
                case PgLine: covered.Add(TypeId.Line); break;
                case PgCircle: covered.Add(TypeId.Circle); break;
            }
        Assert.Equal(Enum.GetValues<TypeId>().ToHashSet(), covered);
    }

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(SqlDir(), "*.sql").OrderBy(f => f)) data.Add(Path.GetFileName(f));
        return data;
    }

    private static string SqlDir()
    {
        var dir = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(dir, "tests", "sql"))) dir = Path.GetDirectoryName(dir)!;
        return Path.Combine(dir, "tests", "sql");
    }

    /// <summary>
    /// Each differential script's DDL, run on a file database, gives a catalog that the catalog
    /// codec writes, reads back and writes again to the same bytes; and reopening the file gives
    /// the same table contents the live database had.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void ScriptsSurviveReopen(string script)
    {
        using var dir = new TempDir();
        var path = dir.File("s.tenon");
        List<string> before;
        byte[] catalogBytes;
        using (var db = Database.Open(path, new DatabaseOptions { CheckpointOnClose = script.GetHashCode() % 2 == 0, Synchronous = SynchronousMode.Off }))
        {
            var sw = new StringWriter();
            CliMain.Run(["-X", "-q", "-f", Path.Combine(SqlDir(), script)], TextReader.Null, sw, sw, null,
                () => SessionExecutor.Open(db, _ => null));
            catalogBytes = WriteCatalog(db.Committed.Catalog);
            using var r = new BinaryReader(new MemoryStream(catalogBytes));
            var again = CatalogCodec.Read(r, out _);
            Assert.Equal(catalogBytes, WriteCatalog(again));
            before = Dump(db);
        }
        using (var db = Database.Open(path))
        {
            Assert.Equal(before, Dump(db));
        }
    }

    private static byte[] WriteCatalog(Tenon.Catalog.SystemCatalog catalog)
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms)) CatalogCodec.Write(w, catalog, 0);
        return ms.ToArray();
    }

    /// <summary>Every permanent table's rows (by row id) and every index's entry count.</summary>
    private static List<string> Dump(Database db)
    {
        var v = db.Committed;
        var lines = new List<string>();
        foreach (var (oid, data) in v.Data.OrderBy(p => p.Key))
        {
            var t = v.Catalog.Tables[oid];
            if (t.Temporary) continue;
            lines.Add($"{t.QualifiedName} next={data.Rows.NextRowId} indexes={string.Join(",", data.Indexes.Select(i => i.Count))}");
            foreach (var (id, row) in data.Rows.Scan())
                lines.Add($"  {id}: {string.Join("|", row.Select(x => x is null ? "NULL" : x is byte[] b ? Convert.ToHexString(b) : x.ToString()))}");
        }
        foreach (var s in v.Catalog.Sequences.Values.Where(s => !Tenon.Catalog.SearchPath.IsTempSchema(s.Schema)).OrderBy(s => s.Oid))
            lines.Add($"seq {s.Name} {s.State.LastValue} {s.State.IsCalled}");
        return lines;
    }
}
