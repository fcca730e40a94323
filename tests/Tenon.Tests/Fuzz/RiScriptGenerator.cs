using System.Globalization;
using System.Text;

namespace Tenon.Tests.Fuzz;

/// <summary>
/// Generates one random referential-integrity case from a seed: a schema of 3–6 tables with int keys
/// (single and composite), foreign keys forming chains and cycles (cycles and self-references are
/// added with ALTER TABLE after the tables exist) under random ON DELETE / ON UPDATE actions, MATCH
/// FULL and DEFERRABLE options, then a random workload of INSERT / UPDATE / DELETE / TRUNCATE in
/// autocommit statements and transactions with savepoints and SET CONSTRAINTS. Every statement is
/// one line, so psql's and tenon's error prefixes (file:line) name the same statement.
/// </summary>
/// <remarks>
/// Values come from tiny domains (1–3) so keys collide, parents go missing and cascades fire often.
/// After every COMMIT (and at the end) an orphan query per foreign key lists the rows whose key
/// has no parent: it must return no rows, on both sides.
/// </remarks>
internal sealed class RiScriptGenerator
{
    public const string OrphanMarker = "orphan_fk";

    private static readonly string[] Actions = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];

    private readonly Random _rng;
    private readonly List<Table> _tables = [];
    private readonly List<ForeignKey> _fks = [];

    private sealed class Table
    {
        public required string Name;
        public required string[] Key;
        public bool HasUnique;
        public readonly List<Column> FkColumns = [];
    }

    private sealed record Column(string Name, bool NotNull, int? Default);

    private sealed class ForeignKey
    {
        public required string Name;
        public required bool ExplicitName;
        public required Table From;
        public required Table To;
        public required string[] Columns;
        public required string[] Target;
        public bool MatchFull;
        public string? OnDelete, OnUpdate;
        public string Deferral = "";
        public bool Inline;
        public bool OmitTarget;
        public string? OnDeleteColumn;
    }

    private RiScriptGenerator(int seed) => _rng = new Random(seed);

    /// <summary>The script's statements: the schema part first, then the workload, each one line.</summary>
    public sealed record Script(IReadOnlyList<string> Schema, IReadOnlyList<string> Workload)
    {
        public string Text(IReadOnlyList<string>? workload = null) =>
            string.Concat(Schema.Concat(workload ?? Workload).Select(s => s + "\n"));
    }

    public static Script Generate(int seed) => new RiScriptGenerator(seed).Build();

    private Script Build()
    {
        var schema = new List<string>();
        var workload = new List<string>();
        PlanSchema();
        foreach (var t in _tables) schema.Add(CreateTable(t));
        var late = _fks.Where(f => !f.Inline).ToList();
        // Sometimes the cycle-closing keys are added after the first rows, so ADD FOREIGN KEY validates.
        // Only one-column keys then: which bad row PostgreSQL reports for a composite key depends on
        // the join its planner picks for the check (merge or hash, by the tables' widths), which
        // tenon only approximates.
        var afterData = Chance(0.3) ? late.Where(f => f.Columns.Length == 1).ToList() : [];
        schema.AddRange(late.Except(afterData).Select(AlterAdd));
        for (var i = 0; i < 4 + _rng.Next(6); i++) schema.Add(Insert(Pick(_tables)));
        schema.AddRange(afterData.Select(AlterAdd));
        schema.Add(OrphanQuery());

        var units = 6 + _rng.Next(10);
        for (var u = 0; u < units; u++)
        {
            if (Chance(0.45)) Transaction(workload);
            else
            {
                workload.Add(Statement());
                if (Chance(0.3)) workload.Add(OrphanQuery());
            }
        }
        workload.Add(OrphanQuery());
        foreach (var t in _tables)
            workload.Add($"SELECT * FROM {t.Name} ORDER BY {string.Join(", ", Enumerable.Range(1, ColumnCount(t)))};");
        return new Script(schema, workload);
    }

    // ---- schema -------------------------------------------------------------------------------

    private void PlanSchema()
    {
        var n = 3 + _rng.Next(4);
        for (var i = 1; i <= n; i++)
            _tables.Add(new Table
            {
                Name = "t" + i,
                Key = Chance(0.35) ? ["a", "b"] : ["a"],
                HasUnique = Chance(0.4),
            });
        // A chain (each table but the first references an earlier one), plus extra edges that may
        // point forwards or to the table itself: those close cycles.
        for (var i = 1; i < n; i++)
            if (Chance(0.85)) AddForeignKey(_tables[i], _tables[_rng.Next(i)]);
        var extra = 1 + _rng.Next(3);
        for (var e = 0; e < extra; e++) AddForeignKey(Pick(_tables), Pick(_tables));
    }

    private void AddForeignKey(Table from, Table to)
    {
        var useUnique = to.HasUnique && Chance(0.35);
        var target = useUnique ? new[] { "u" } : to.Key;
        var k = from.FkColumns.Count;
        var notNull = Chance(0.25);
        int? def = Chance(0.5) ? 1 + _rng.Next(3) : null;
        var cols = target.Select(c => $"r{k}{c}").ToArray();
        foreach (var c in cols) from.FkColumns.Add(new Column(c, notNull, def));
        var fk = new ForeignKey
        {
            Name = $"fk{_fks.Count + 1}",
            ExplicitName = Chance(0.7),
            From = from,
            To = to,
            Columns = cols,
            Target = target,
            MatchFull = cols.Length > 1 && Chance(0.3),
            OnDelete = Chance(0.85) ? Pick(Actions) : null,
            OnUpdate = Chance(0.7) ? Pick(Actions) : null,
            Deferral = _rng.Next(5) switch
            {
                0 => " DEFERRABLE INITIALLY DEFERRED",
                1 => " DEFERRABLE INITIALLY IMMEDIATE",
                2 => " DEFERRABLE",
                3 => " NOT DEFERRABLE",
                _ => "",
            },
        };
        // Keys to an earlier table go into CREATE TABLE; the rest (forwards, self) are added later.
        fk.OmitTarget = !useUnique && Chance(0.3);
        // ON DELETE SET NULL / SET DEFAULT (column): only part of a composite key is reset.
        if (cols.Length > 1 && fk.OnDelete is "SET NULL" or "SET DEFAULT" && Chance(0.4)) fk.OnDeleteColumn = Pick(cols);
        fk.Inline = _tables.IndexOf(to) < _tables.IndexOf(from);
        if (!fk.ExplicitName) fk.Name = $"{from.Name}_{string.Join("_", cols)}_fkey";
        _fks.Add(fk);
    }

    private static int ColumnCount(Table t) => t.Key.Length + (t.HasUnique ? 1 : 0) + 1 + t.FkColumns.Count;

    private string CreateTable(Table t)
    {
        var parts = new List<string>();
        parts.AddRange(t.Key.Select(k => $"{k} int NOT NULL"));
        if (t.HasUnique) parts.Add("u int UNIQUE");
        parts.Add("v int");
        parts.AddRange(t.FkColumns.Select(c =>
            $"{c.Name} int{(c.NotNull ? " NOT NULL" : "")}{(c.Default is int d ? $" DEFAULT {d}" : "")}"));
        parts.Add($"PRIMARY KEY ({string.Join(", ", t.Key)})");
        parts.AddRange(_fks.Where(f => f.From == t && f.Inline).Select(FkClause));
        return $"CREATE TABLE {t.Name} ({string.Join(", ", parts)});";
    }

    private string AlterAdd(ForeignKey fk) => $"ALTER TABLE {fk.From.Name} ADD {FkClause(fk)};";

    private static string FkClause(ForeignKey fk)
    {
        var sb = new StringBuilder();
        if (fk.ExplicitName) sb.Append("CONSTRAINT ").Append(fk.Name).Append(' ');
        sb.Append($"FOREIGN KEY ({string.Join(", ", fk.Columns)}) REFERENCES {fk.To.Name}");
        // Referencing the primary key may leave out the column list.
        if (!fk.OmitTarget) sb.Append($" ({string.Join(", ", fk.Target)})");
        if (fk.MatchFull) sb.Append(" MATCH FULL");
        if (fk.OnDelete is not null) sb.Append(" ON DELETE ").Append(fk.OnDelete);
        if (fk.OnDeleteColumn is not null) sb.Append($" ({fk.OnDeleteColumn})");
        if (fk.OnUpdate is not null) sb.Append(" ON UPDATE ").Append(fk.OnUpdate);
        sb.Append(fk.Deferral);
        return sb.ToString();
    }

    // ---- workload -----------------------------------------------------------------------------

    private void Transaction(List<string> output)
    {
        output.Add(Chance(0.2) ? "START TRANSACTION;" : "BEGIN;");
        var savepoints = new List<string>();
        var n = 1 + _rng.Next(6);
        for (var i = 0; i < n; i++)
        {
            var r = _rng.NextDouble();
            if (r < 0.12) output.Add(SetConstraints());
            else if (r < 0.22)
            {
                var sp = "s" + (savepoints.Count + 1);
                savepoints.Add(sp);
                output.Add($"SAVEPOINT {sp};");
            }
            else if (r < 0.30 && savepoints.Count > 0)
            {
                var sp = Pick(savepoints);
                output.Add(Chance(0.6) ? $"ROLLBACK TO SAVEPOINT {sp};" : $"RELEASE SAVEPOINT {sp};");
                if (!output[^1].StartsWith("ROLLBACK", StringComparison.Ordinal))
                    savepoints.RemoveRange(savepoints.IndexOf(sp), savepoints.Count - savepoints.IndexOf(sp));
            }
            else output.Add(Statement());
        }
        if (Chance(0.2)) output.Add(SetConstraints());
        output.Add(Chance(0.75) ? (Chance(0.8) ? "COMMIT;" : "END;") : "ROLLBACK;");
        output.Add(OrphanQuery());
    }

    private string SetConstraints()
    {
        var mode = Chance(0.5) ? "DEFERRED" : "IMMEDIATE";
        if (Chance(0.5) || _fks.Count == 0) return $"SET CONSTRAINTS ALL {mode};";
        var names = Enumerable.Range(0, 1 + _rng.Next(2)).Select(_ => Pick(_fks).Name).Distinct();
        return $"SET CONSTRAINTS {string.Join(", ", names)} {mode};";
    }

    private string Statement()
    {
        var t = Pick(_tables);
        return _rng.Next(20) switch
        {
            < 7 => Insert(t),
            < 13 => Update(t),
            < 18 => Delete(t),
            _ => Truncate(t),
        };
    }

    private string Val() => (1 + _rng.Next(3)).ToString(CultureInfo.InvariantCulture);

    private string FkVal(Column c) => !c.NotNull && Chance(0.15) ? "NULL" : Val();

    private string Insert(Table t)
    {
        var cols = new List<string>(t.Key);
        if (t.HasUnique) cols.Add("u");
        cols.Add("v");
        // Sometimes leave the foreign-key columns to their defaults.
        var withFks = t.FkColumns.Count > 0 && !Chance(0.15);
        if (withFks) cols.AddRange(t.FkColumns.Select(c => c.Name));
        string Row()
        {
            var vals = new List<string>(t.Key.Select(_ => Val()));
            if (t.HasUnique) vals.Add(Chance(0.2) ? "NULL" : Val());
            vals.Add(_rng.Next(10).ToString(CultureInfo.InvariantCulture));
            if (withFks) vals.AddRange(t.FkColumns.Select(FkVal));
            return "(" + string.Join(", ", vals) + ")";
        }
        var rows = Chance(0.25) ? $"{Row()}, {Row()}" : Row();
        return $"INSERT INTO {t.Name} ({string.Join(", ", cols)}) VALUES {rows};";
    }

    private string KeyWhere(Table t) =>
        Chance(0.25) ? $"v < {_rng.Next(10)}" :
        string.Join(" AND ", t.Key.Take(1 + _rng.Next(t.Key.Length)).Select(k => $"{k} = {Val()}"));

    private string Update(Table t)
    {
        string set;
        var r = _rng.Next(10);
        if (r < 4) set = string.Join(", ", t.Key.Take(1 + _rng.Next(t.Key.Length)).Select(k => $"{k} = {Val()}"));
        else if (r < 5) set = $"{t.Key[0]} = {t.Key[0]} + {1 + _rng.Next(2)}";
        else if (r < 6 && t.HasUnique) set = $"u = {(Chance(0.2) ? "NULL" : Val())}";
        else if (r < 9 && t.FkColumns.Count > 0)
        {
            var c = Pick(t.FkColumns);
            set = Chance(0.1) ? $"{c.Name} = DEFAULT" : $"{c.Name} = {FkVal(c)}";
            if (Chance(0.4)) { var d = Pick(t.FkColumns); if (d != c) set += $", {d.Name} = {FkVal(d)}"; }
        }
        else set = $"v = v + 1";
        return $"UPDATE {t.Name} SET {set} WHERE {KeyWhere(t)};";
    }

    private string Delete(Table t) =>
        Chance(0.1) ? $"DELETE FROM {t.Name};" : $"DELETE FROM {t.Name} WHERE {KeyWhere(t)};";

    private string Truncate(Table t)
    {
        var names = new List<string> { t.Name };
        if (Chance(0.3)) { var o = Pick(_tables); if (o != t) names.Add(o.Name); }
        return $"TRUNCATE {string.Join(", ", names)}{(Chance(0.5) ? " CASCADE" : "")};";
    }

    /// <summary>One query listing every foreign key's orphans; each must be absent after a commit.</summary>
    private string OrphanQuery()
    {
        if (_fks.Count == 0) return "SELECT 1;";
        var parts = _fks.Select(fk =>
        {
            var join = string.Join(" AND ", fk.Columns.Zip(fk.Target, (c, p) => $"p.{p} = c.{c}"));
            var notNull = string.Join(" AND ", fk.Columns.Select(c => $"c.{c} IS NOT NULL"));
            return $"SELECT '{fk.Name}' AS {OrphanMarker}, count(*) AS n FROM {fk.From.Name} c WHERE {notNull} " +
                   $"AND NOT EXISTS (SELECT 1 FROM {fk.To.Name} p WHERE {join}) " +
                   // Only keys that exist: adding one may have failed.
                   $"AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = '{fk.Name}' AND k.contype = 'f')";
        });
        return $"SELECT * FROM ({string.Join(" UNION ALL ", parts)}) o WHERE n > 0;";
    }

    // ---- randomness ---------------------------------------------------------------------------

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];
}
