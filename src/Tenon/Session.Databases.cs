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
            CheckCreateDatabaseOptions(create, cluster);
            cluster.Create(create.Name);
            return new StatementResult("CREATE DATABASE");
        }
        var drop = (DropStatement)stmt;
        var name = drop.Names[0].Name;
        var exists = cluster.Exists(name);
        if (exists && name == DatabaseName) throw new TenonException(SqlState.ObjectInUse, "cannot drop the currently open database");
        if (exists && cluster.Drop(name)) return new StatementResult("DROP DATABASE");
        if (!drop.IfExists) throw new TenonException(SqlState.InvalidCatalogName, $"database \"{name}\" does not exist");
        RaiseNotice(new Notice("NOTICE", SqlState.SuccessfulCompletion, $"database \"{name}\" does not exist, skipping"));
        return new StatementResult("DROP DATABASE");
    }

    private static readonly HashSet<string> CreateDatabaseOptionNames = new(StringComparer.Ordinal)
    {
        "allow_connections", "collation_version", "connection_limit", "encoding", "icu_locale", "is_template", "lc_collate",
        "lc_ctype", "locale", "locale_provider", "location", "oid", "owner", "strategy", "tablespace", "template",
    };

    /// <summary>
    /// Every new database is empty and UTF8, owned by whoever creates it: so TEMPLATE template0 or
    /// template1, ENCODING UTF8 and OWNER of the current user are what Tenon does anyway; any other
    /// setting would be ignored, so it is refused.
    /// </summary>
    private void CheckCreateDatabaseOptions(CreateDatabaseStatement create, IDatabaseCluster cluster)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
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
                case "template" when value is "template0" or "template1":
                case "encoding" when value.ToUpperInvariant() is "UTF8" or "UTF-8" or "UNICODE" || value == "6":
                    continue;
                case "owner" when value == UserName:
                    continue;
                case "template" when !cluster.Exists(value):
                    throw new TenonException(SqlState.InvalidCatalogName, $"template database \"{value}\" does not exist");
            }
            throw new TenonException(SqlState.FeatureNotSupported,
                $"CREATE DATABASE with {o.Name.ToUpperInvariant()} {value} is not supported by Tenon yet")
            { Position = o.Position };
        }
    }
}
