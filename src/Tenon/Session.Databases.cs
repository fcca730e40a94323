using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon;

/// <summary>
/// CREATE DATABASE and DROP DATABASE. They act outside any transaction (as in PostgreSQL, they
/// cannot run inside a block, nor in a multi-statement simple query, which is one implicit block),
/// on the <see cref="Cluster"/> the front end provides.
/// </summary>
public sealed partial class Session
{
    /// <summary>The databases this session's front end serves; null when it serves only this one (the in-process shell, ADO.NET).</summary>
    public IDatabaseCluster? Cluster { get; set; }

    /// <summary>The name this session connected to: current_database(), and the database DROP DATABASE must not drop.</summary>
    public string DatabaseName { get; set; } = "postgres";

    private static bool IsDatabaseStatement(Statement stmt) => stmt is CreateDatabaseStatement or DropStatement { Kind: ObjectKind.Database };

    private StatementResult ExecuteDatabaseStatement(Statement stmt, bool inBatch)
    {
        var create = stmt as CreateDatabaseStatement;
        var command = create is null ? "DROP DATABASE" : "CREATE DATABASE";
        if (_tx is { IsExplicit: true } || inBatch)
            throw new TenonException(SqlState.ActiveSqlTransaction, $"{command} cannot run inside a transaction block");
        var cluster = Cluster ?? throw new TenonException(SqlState.FeatureNotSupported,
            $"{command} is only available through tenon serve: this session serves a single database") { Position = stmt.Position };
        if (create is not null)
        {
            var template = CheckCreateDatabaseOptions(create, cluster);
            if (IsTemplateName(create.Name)) throw new TenonException(SqlState.DuplicateDatabase, $"database \"{create.Name}\" already exists");
            cluster.Create(create.Name, template, DatabaseName);
            return new StatementResult("CREATE DATABASE");
        }
        var drop = (DropStatement)stmt;
        var name = drop.Names[0].Name;
        if (IsTemplateName(name)) throw new TenonException(SqlState.WrongObjectType, "cannot drop a template database");
        var exists = cluster.Exists(name);
        if (exists && name == DatabaseName) throw new TenonException(SqlState.ObjectInUse, "cannot drop the currently open database");
        if (exists && cluster.Drop(name, drop.Force)) return new StatementResult("DROP DATABASE");
        if (!drop.IfExists) throw new TenonException(SqlState.InvalidCatalogName, $"database \"{name}\" does not exist");
        RaiseNotice(new Notice("NOTICE", SqlState.SuccessfulCompletion, $"database \"{name}\" does not exist, skipping"));
        return new StatementResult("DROP DATABASE");
    }

    /// <summary>
    /// PostgreSQL's template0 and template1 are not databases in Tenon: as templates they give an
    /// empty database (which is what they hold in a fresh PostgreSQL cluster), and their names
    /// cannot be created or dropped, as there.
    /// </summary>
    private static bool IsTemplateName(string name) => name is "template0" or "template1";

    private static readonly HashSet<string> CreateDatabaseOptionNames = new(StringComparer.Ordinal)
    {
        "allow_connections", "collation_version", "connection_limit", "encoding", "icu_locale", "is_template", "lc_collate",
        "lc_ctype", "locale", "locale_provider", "location", "oid", "owner", "strategy", "tablespace", "template",
    };

    /// <summary>
    /// Checks the options of CREATE DATABASE and returns the database to copy (null: an empty one).
    /// A new database is UTF8 and owned by whoever creates it, and TEMPLATE template0/template1
    /// give an empty one: so those settings are what Tenon does anyway; any other setting would
    /// be ignored, so it is refused.
    /// </summary>
    private string? CheckCreateDatabaseOptions(CreateDatabaseStatement create, IDatabaseCluster cluster)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? template = null;
        foreach (var o in create.Options)
        {
            if (!CreateDatabaseOptionNames.Contains(o.Name))
                throw new TenonException(SqlState.SyntaxError, $"option \"{o.Name}\" not recognized") { Position = o.Position };
            if (!seen.Add(o.Name))
                throw new TenonException(SqlState.SyntaxError, "conflicting or redundant options") { Position = o.Position };
            var value = o.Value;
            if (value is null) continue;
            switch (o.Name)
            {
                case "template" when IsTemplateName(value):
                case "encoding" when value.ToUpperInvariant() is "UTF8" or "UTF-8" or "UNICODE" || value == "6":
                    continue;
                case "owner" when value == UserName:
                    continue;
                case "template" when !cluster.Exists(value):
                    throw new TenonException(SqlState.InvalidCatalogName, $"template database \"{value}\" does not exist");
                case "template":
                    template = value;
                    continue;
            }
            throw new TenonException(SqlState.FeatureNotSupported,
                $"CREATE DATABASE with {o.Name.ToUpperInvariant()} {value} is not supported by Tenon yet")
            { Position = o.Position };
        }
        return template;
    }
}
