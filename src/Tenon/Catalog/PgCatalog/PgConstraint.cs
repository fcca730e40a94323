using Tenon.Sql.Ast;
using Tenon.Types;
using MatchType = Tenon.Sql.Ast.MatchType;

namespace Tenon.Catalog.PgCatalog;

/// <summary>
/// pg_constraint: PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY constraints of every table (NOT NULL
/// is a column property in PostgreSQL 15 and has no row). The "char" columns are shown as text;
/// conkey and confkey are int2[]; the other array columns (conpfeqop, conexclop, …) are left out.
/// conbin (pg_node_tree) holds a CHECK's expression as SQL text (Sql.ExprSource) for pg_get_expr.
/// </summary>
public static class PgConstraint
{
    public static SystemRelation Relation { get; } = new("pg_constraint", 2606,
        [
            new("oid", SqlType.Oid), new("conname", SqlType.Name), new("connamespace", SqlType.Oid), new("contype", SqlType.Text),
            new("condeferrable", SqlType.Bool), new("condeferred", SqlType.Bool), new("convalidated", SqlType.Bool),
            new("conrelid", SqlType.Oid), new("contypid", SqlType.Oid), new("conindid", SqlType.Oid), new("conparentid", SqlType.Oid),
            new("confrelid", SqlType.Oid), new("confupdtype", SqlType.Text), new("confdeltype", SqlType.Text),
            new("confmatchtype", SqlType.Text), new("conislocal", SqlType.Bool), new("coninhcount", SqlType.Int4),
            new("connoinherit", SqlType.Bool), new("conkey", SqlType.ArrayOf(SqlType.Int2)), new("confkey", SqlType.ArrayOf(SqlType.Int2)),
            new("conbin", SqlType.Text),
        ],
        Rows);

    private static IEnumerable<object?[]> Rows(SystemCatalog catalog)
    {
        var constraints = catalog.Tables.Values.SelectMany(t => t.Constraints).ToList();
        // A key's rows for the partitions of its referenced table (ForeignKeyDef.ReferencedPartitions).
        foreach (var fk in constraints.OfType<ForeignKeyDef>().Where(f => f.ReferencedPartitions.Count > 0).ToList())
            foreach (var r in fk.ReferencedPartitions)
                if (catalog.Tables.TryGetValue(r.PartitionOid, out var partition))
                {
                    var parent = catalog.Table(fk.ParentTableOid);
                    var columns = fk.ParentColumns.Select(n => partition.FindColumn(parent.Column(n).Name)?.Number ?? n).ToArray();
                    var index = partition.Indexes.FirstOrDefault(i => i.Unique && i.Predicate is null && !i.HasExpressions && i.Columns.Order().SequenceEqual(columns.Order()));
                    constraints.Add(fk with
                    {
                        Oid = r.Oid, Name = r.Name, ParentTableOid = partition.Oid, ParentColumns = columns, ParentIndexOid = index?.Oid ?? 0,
                        ParentConstraintOid = r.ParentOid, ReferencedPartitions = [],
                    });
                }
        foreach (var c in constraints.OrderBy(c => c.Oid))
        {
            var table = catalog.Table(c.TableOid);
            var fk = c as ForeignKeyDef;
            uint indexOid = c switch { KeyConstraintDef k => k.IndexOid, ForeignKeyDef f => f.ParentIndexOid, _ => 0u };
            yield return
            [
                c.Oid, c.Name, SchemaOids.Of(catalog, table.Schema), c.Kind.ToString(),
                c.Deferrable, c.InitiallyDeferred, c.Validated,
                c.TableOid, 0u, indexOid, c.ParentConstraintOid,
                fk?.ParentTableOid ?? 0u, fk is null ? " " : ActionCode(fk.OnUpdate), fk is null ? " " : ActionCode(fk.OnDelete),
                fk is null ? " " : fk.Match switch { MatchType.Full => "f", MatchType.Partial => "p", _ => "s" },
                // A partition's copy of its parent's constraint is inherited, not local (as is an
                // inheritance child's inherited CHECK); connoinherit is set on every constraint but
                // an inheritable CHECK.
                c.IsLocal && c.ParentConstraintOid == 0, c.ParentConstraintOid == 0 ? c.InheritCount : Math.Max(1, c.InheritCount),
                c is not CheckConstraintDef { NoInherit: false },
                Int2Array(c switch { KeyConstraintDef k => k.Columns, ForeignKeyDef f => f.Columns, CheckConstraintDef ch => ch.Columns, _ => null }),
                Int2Array(fk?.ParentColumns),
                c is CheckConstraintDef check ? Sql.ExprSource.Print(check.Condition) : null,
            ];
        }
        // Domain CHECKs: contypid names the domain, conrelid is 0.
        foreach (var d in catalog.UserTypes.Values.OfType<DomainDef>().OrderBy(d => d.Oid))
            foreach (var c in d.Constraints)
                yield return
                [
                    c.Oid, c.Name, SchemaOids.Of(catalog, d.Schema), "c",
                    false, false, c.Validated,
                    0u, d.Oid, 0u, 0u,
                    0u, " ", " ", " ",
                    true, 0, false,
                    null, null, null,
                ];
    }

    /// <summary>conkey/confkey: the constrained (referenced) columns' attribute numbers as int2[], null when there are none.</summary>
    private static PgArray? Int2Array(IReadOnlyList<short>? columns) =>
        columns is null || columns.Count == 0 ? null : PgArray.Of(SqlType.Int2, columns.Select(c => (object?)c).ToArray());

    private static string ActionCode(ReferentialAction action) => action switch
    {
        ReferentialAction.Restrict => "r",
        ReferentialAction.Cascade => "c",
        ReferentialAction.SetNull => "n",
        ReferentialAction.SetDefault => "d",
        _ => "a",
    };
}
