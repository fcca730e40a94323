using Tenon.Binding;
using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Execution;

/// <summary>
/// <c>CREATE TABLE t (…, LIKE source [INCLUDING | EXCLUDING option]…, …)</c>. The source's columns
/// take the LIKE clause's place among the new table's columns, with their types and NOT NULL;
/// the options add, as PostgreSQL does:
///
///   DEFAULTS      column defaults (a serial column's default still calls the source's sequence)
///   GENERATED     generation expressions of stored generated columns
///   IDENTITY      identity columns, each with a new sequence of the same options
///   CONSTRAINTS   CHECK constraints, under their own names
///   INDEXES       primary key, unique and exclusion constraints and plain indexes, under names
///                 chosen for the new table as if they had been written without names
///   COMMENTS      comments on the copied columns, CHECK constraints and indexes
///   STORAGE       the columns' SET STORAGE choices (pg_attribute.attstorage)
///   COMPRESSION   the columns' compression methods (pg_attribute.attcompression)
///   STATISTICS: accepted; Tenon has no extended statistics to copy
///
/// Foreign keys are never copied. A view's (or materialized view's) columns can be copied too.
/// </summary>
public sealed partial class DdlExecutor
{
    [Flags]
    private enum LikeOptions
    {
        None = 0,
        Comments = 1,
        Constraints = 2,
        Defaults = 4,
        Generated = 8,
        Identity = 16,
        Indexes = 32,
        Ignored = 64,
        Storage = 128,
        Compression = 256,
        Statistics = 512,
        All = Comments | Constraints | Defaults | Generated | Identity | Indexes | Ignored | Storage | Compression | Statistics,
    }

    /// <summary>A LIKE clause's source table and what it copies, for the work done once the table exists (a view's LIKE copies columns only).</summary>
    private sealed record LikeCopy(TableDef Source, LikeOptions Options);

    /// <summary>
    /// The statement with every LIKE clause replaced by column definitions (and, for CONSTRAINTS
    /// and INDEXES, table constraints); <paramref name="copies"/> gets what is left to do after
    /// the table is made (plain indexes, comments).
    /// </summary>
    private CreateTableStatement ExpandLikeClauses(CreateTableStatement stmt, List<LikeCopy> copies)
    {
        var columns = new List<ColumnDefinition>();
        var constraints = new List<TableConstraint>();
        // As in PostgreSQL, what LIKE copies comes after the constraints written in the statement.
        var copied = new List<TableConstraint>();
        foreach (var element in stmt.ElementsInOrder)
        {
            switch (element)
            {
                case ColumnDefinition c:
                    columns.Add(c);
                    break;
                case TableConstraint tc:
                    constraints.Add(tc);
                    break;
                case LikeTableElement like:
                {
                    var options = LikeOptionsOf(like);
                    var oid = Lookup(like.Source, like.Source.Position);
                    if (oid == 0) throw SqlErrors.RelationDoesNotExist(like.Source.ToString(), like.Source.Position);
                    if (Catalog.Tables.TryGetValue(oid, out var source))
                    {
                        columns.AddRange(source.Columns.Where(c => !c.IsDropped).Select(c => LikeColumn(source, c, options)));
                        copied.AddRange(LikeConstraints(source, options));
                        copies.Add(new LikeCopy(source, options));
                    }
                    else if (Catalog.Views.TryGetValue(oid, out var view))
                    {
                        columns.AddRange(view.Columns.Select(c => new ColumnDefinition(c.Name, ResolvedTypeName(c.Type), []) { Position = like.Position }));
                    }
                    else
                    {
                        var kind = Catalog.Sequences.ContainsKey(oid) ? "sequences" : "indexes";
                        throw new TenonException(SqlState.WrongObjectType, $"relation \"{like.Source.Name}\" is invalid in LIKE clause",
                            detail: $"This operation is not supported for {kind}.") { Position = like.Source.Position };
                    }
                    break;
                }
            }
        }
        return stmt with { Columns = columns, Constraints = [.. constraints, .. copied], Likes = [], ElementsInOrder = [] };
    }

    private static LikeOptions LikeOptionsOf(LikeTableElement like)
    {
        var options = LikeOptions.None;
        foreach (var written in like.Options)
        {
            var parts = written.Split(' ');
            var option = parts[1] switch
            {
                "comments" => LikeOptions.Comments,
                "constraints" => LikeOptions.Constraints,
                "defaults" => LikeOptions.Defaults,
                "generated" => LikeOptions.Generated,
                "identity" => LikeOptions.Identity,
                "indexes" => LikeOptions.Indexes,
                "storage" => LikeOptions.Storage,
                "compression" => LikeOptions.Compression,
                "statistics" => LikeOptions.Statistics,
                "all" => LikeOptions.All,
                _ => LikeOptions.Ignored,
            };
            options = parts[0] == "including" ? options | option : options & ~option;
        }
        return options;
    }

    private static TypeName ResolvedTypeName(Types.SqlType type) => new(type.DisplayName, []) { Resolved = type };

    /// <summary>A source column as the column definition LIKE writes for it.</summary>
    private ColumnDefinition LikeColumn(TableDef source, ColumnDef c, LikeOptions options)
    {
        var constraints = new List<ColumnConstraint>();
        if (c.NotNull) constraints.Add(new NotNullColumnConstraint());
        if (c.Identity != IdentityKind.None)
        {
            if (options.HasFlag(LikeOptions.Identity)) constraints.Add(new IdentityColumnConstraint(c.Identity == IdentityKind.Always, IdentityOptionsOf(source, c)));
        }
        else if (c.Generated is not null)
        {
            if (options.HasFlag(LikeOptions.Generated)) constraints.Add(new GeneratedColumnConstraint(c.Generated));
        }
        else if (c.Default is not null && options.HasFlag(LikeOptions.Defaults))
        {
            constraints.Add(new DefaultColumnConstraint(c.Default));
        }
        return new ColumnDefinition(c.Name, ResolvedTypeName(c.Type), constraints)
        {
            Storage = options.HasFlag(LikeOptions.Storage) ? c.Storage ?? DefaultStorage(c.Type) : null,
        };
    }

    /// <summary>The options of an identity column's sequence, for the copy's own sequence.</summary>
    private List<SequenceOption> IdentityOptionsOf(TableDef source, ColumnDef c)
    {
        var seq = c.OwnedSequence is { } owned ? Catalog.FindSequence(source.Schema, owned) : null;
        if (seq is null) return [];
        return
        [
            new SequenceOption("start", seq.Start), new SequenceOption("increment", seq.Increment),
            new SequenceOption("minvalue", seq.MinValue), new SequenceOption("maxvalue", seq.MaxValue),
            new SequenceOption("cache", seq.Cache), new SequenceOption("cycle", null, seq.Cycle),
        ];
    }

    /// <summary>CHECK constraints (CONSTRAINTS) and the constraints behind indexes (INDEXES), as table constraints of the new table.</summary>
    private static IEnumerable<TableConstraint> LikeConstraints(TableDef source, LikeOptions options)
    {
        if (options.HasFlag(LikeOptions.Constraints))
        {
            foreach (var check in source.Checks)
                yield return new CheckTableConstraint(check.Condition, check.NoInherit) { Name = check.Name, SourceText = check.SourceText };
        }
        if (!options.HasFlag(LikeOptions.Indexes)) yield break;
        foreach (var key in source.Constraints.OfType<KeyConstraintDef>())
        {
            var names = key.Columns.Select(n => source.Column(n).Name).ToList();
            var include = source.Indexes.FirstOrDefault(i => i.Oid == key.IndexOid)?.IncludeColumns.Select(n => source.Column(n).Name).ToList();
            if (include is { Count: 0 }) include = null;
            var timing = new ConstraintTiming(key.Deferrable, key.InitiallyDeferred);
            if (key.IsExclusion)
                yield return new ExcludeTableConstraint(null, names.Select(n => (n, "=")).ToList()) { Timing = timing };
            else if (key.IsPrimary)
                yield return new PrimaryKeyTableConstraint(names) { Timing = timing, Include = include };
            else
                yield return new UniqueTableConstraint(names, key.NullsNotDistinct) { Timing = timing, Include = include };
        }
    }

    /// <summary>What LIKE copies once the table exists: plain indexes, then comments.</summary>
    private void CompleteLikeCopies(uint tableOid, List<LikeCopy> copies)
    {
        foreach (var (source, options) in copies)
        {
            var indexNames = new Dictionary<uint, string>();
            if (options.HasFlag(LikeOptions.Indexes))
            {
                foreach (var index in source.Indexes.Where(i => i.ConstraintName is null))
                    indexNames[index.Oid] = CopyIndex(tableOid, source, index);
            }
            if (options.HasFlag(LikeOptions.Comments)) CopyComments(tableOid, source, options, indexNames);
            if (options.HasFlag(LikeOptions.Statistics)) CopyStatistics(tableOid, source, options.HasFlag(LikeOptions.Comments));
            if (options.HasFlag(LikeOptions.Storage) || options.HasFlag(LikeOptions.Compression)) CopyStorage(tableOid, source, options);
        }
    }

    /// <summary>STORAGE copies the columns' SET STORAGE choices, COMPRESSION their compression methods.</summary>
    private void CopyStorage(uint tableOid, TableDef source, LikeOptions options)
    {
        var table = Catalog.Table(tableOid);
        var cols = table.Columns.Select(c => source.FindColumn(c.Name) is not { } from || c.IsDropped ? c : c with
        {
            Storage = options.HasFlag(LikeOptions.Storage) ? from.Storage : c.Storage,
            Compression = options.HasFlag(LikeOptions.Compression) ? from.Compression : c.Compression,
        }).ToList();
        Catalog = Catalog.PutTable(table with { Columns = cols });
    }

    /// <summary>Makes the new table's copy of a plain index (named as CREATE INDEX without a name would name it); returns its name.</summary>
    private string CopyIndex(uint tableOid, TableDef source, IndexDef index)
    {
        var table = Catalog.Table(tableOid);
        var elements = index.Columns.Select((n, i) => new IndexElement(n != 0 ? source.Column(n).Name : null, n != 0 ? null : index.Expressions[i]!.Expr)
        {
            Descending = i < index.Descending.Count && index.Descending[i],
            NullsFirst = i < index.NullsFirst.Count ? index.NullsFirst[i] : null,
            Collation = index.KeyCollation(i),
            OpClass = index.KeyOpClass(i),
        }).ToList();
        var before = table.Indexes.Select(i => i.Oid).ToHashSet();
        CreateIndex(new CreateIndexStatement(null, new QualifiedName(table.Schema, table.Name), elements)
        {
            Unique = index.Unique, Method = index.Method, NullsNotDistinct = index.NullsNotDistinct, Where = index.Predicate,
            Include = index.IncludeColumns.Count == 0 ? null : index.IncludeColumns.Select(n => source.Column(n).Name).ToList(),
        });
        return Catalog.Table(tableOid).Indexes.First(i => !before.Contains(i.Oid)).Name;
    }

    /// <summary>COMMENTS: the source's comments on the copied columns, CHECK constraints, key constraints and indexes.</summary>
    private void CopyComments(uint tableOid, TableDef source, LikeOptions options, Dictionary<uint, string> indexNames)
    {
        var table = Catalog.Table(tableOid);
        foreach (var column in source.Columns.Where(c => !c.IsDropped))
        {
            if (Catalog.Comments.TryGetValue(new CommentKey(CommentKey.RelationClass, source.Oid, column.Number), out var text)
                && table.FindColumn(column.Name) is { } copy)
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.RelationClass, tableOid, copy.Number), text);
        }
        foreach (var check in options.HasFlag(LikeOptions.Constraints) ? source.Checks : [])
        {
            if (Catalog.Comments.TryGetValue(new CommentKey(CommentKey.ConstraintClass, check.Oid, 0), out var text)
                && table.Checks.FirstOrDefault(c => c.Name == check.Name) is { } copy)
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.ConstraintClass, copy.Oid, 0), text);
        }
        foreach (var key in options.HasFlag(LikeOptions.Indexes) ? source.Constraints.OfType<KeyConstraintDef>() : [])
        {
            // The copy is the new table's key constraint of the same kind on the same column names.
            var names = key.Columns.Select(n => source.Column(n).Name).ToList();
            var copy = table.Constraints.OfType<KeyConstraintDef>().FirstOrDefault(k => k.Kind == key.Kind
                && k.Columns.Select(n => table.Column(n).Name).SequenceEqual(names));
            if (copy is null) continue;
            if (Catalog.Comments.TryGetValue(new CommentKey(CommentKey.ConstraintClass, key.Oid, 0), out var text))
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.ConstraintClass, copy.Oid, 0), text);
            if (Catalog.Comments.TryGetValue(new CommentKey(CommentKey.RelationClass, key.IndexOid, 0), out var indexText))
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.RelationClass, copy.IndexOid, 0), indexText);
        }
        foreach (var (sourceIndex, name) in indexNames)
        {
            if (Catalog.Comments.TryGetValue(new CommentKey(CommentKey.RelationClass, sourceIndex, 0), out var text)
                && table.Indexes.FirstOrDefault(i => i.Name == name) is { } copy)
                Catalog = Catalog.SetComment(new CommentKey(CommentKey.RelationClass, copy.Oid, 0), text);
        }
    }
}
