using System.Text;
using Tenon.Catalog;

namespace Tenon.Errors;

/// <summary>
/// Factories for the integrity errors, with PostgreSQL 15's exact texts (see PG-SEMANTICS.md),
/// kept in one place so they can be checked against PostgreSQL's together.
/// </summary>
public static class SqlErrors
{
    public static TenonException NotNullViolation(TableDef table, ColumnDef column, string failingRow) =>
        new(SqlState.NotNullViolation, $"null value in column \"{column.Name}\" of relation \"{table.Name}\" violates not-null constraint",
            $"Failing row contains {failingRow}.")
        { SchemaName = table.Schema, TableName = table.Name, ColumnName = column.Name };

    public static TenonException CheckViolation(TableDef table, CheckConstraintDef check, string failingRow) =>
        new(SqlState.CheckViolation, $"new row for relation \"{table.Name}\" violates check constraint \"{check.Name}\"",
            $"Failing row contains {failingRow}.")
        { SchemaName = table.Schema, TableName = table.Name, ConstraintName = check.Name };

    public static TenonException UniqueViolation(TableDef table, IndexDef index, string columns, string values) =>
        new(SqlState.UniqueViolation, $"duplicate key value violates unique constraint \"{index.Name}\"",
            $"Key ({columns})=({values}) already exists.")
        { SchemaName = table.Schema, TableName = table.Name, ConstraintName = index.Name };

    public static TenonException ExclusionViolation(TableDef table, IndexDef index, string columns, string values) =>
        new(SqlState.ExclusionViolation, $"conflicting key value violates exclusion constraint \"{index.Name}\"",
            $"Key ({columns})=({values}) conflicts with existing key ({columns})=({values}).")
        { SchemaName = table.Schema, TableName = table.Name, ConstraintName = index.Name };

    public static TenonException ExclusionBuildFailure(TableDef table, IndexDef index, string columns, string values) =>
        new(SqlState.ExclusionViolation, $"could not create exclusion constraint \"{index.Name}\"",
            $"Key ({columns})=({values}) conflicts with key ({columns})=({values}).")
        { SchemaName = table.Schema, TableName = table.Name, ConstraintName = index.Name };

    public static TenonException UniqueIndexBuildFailure(TableDef table, IndexDef index, string columns, string values) =>
        new(SqlState.UniqueViolation, $"could not create unique index \"{index.Name}\"",
            $"Key ({columns})=({values}) is duplicated.")
        { SchemaName = table.Schema, TableName = table.Name, ConstraintName = index.Name };

    public static TenonException ForeignKeyMissingParent(TableDef child, ForeignKeyDef fk, TableDef parent, string columns, string values) =>
        new(SqlState.ForeignKeyViolation, $"insert or update on table \"{child.Name}\" violates foreign key constraint \"{fk.Name}\"",
            $"Key ({columns})=({values}) is not present in table \"{parent.Name}\".")
        { SchemaName = child.Schema, TableName = child.Name, ConstraintName = fk.Name };

    public static TenonException ForeignKeyMatchFull(TableDef child, ForeignKeyDef fk) =>
        new(SqlState.ForeignKeyViolation, $"insert or update on table \"{child.Name}\" violates foreign key constraint \"{fk.Name}\"",
            "MATCH FULL does not allow mixing of null and nonnull key values.")
        { SchemaName = child.Schema, TableName = child.Name, ConstraintName = fk.Name };

    public static TenonException ForeignKeyStillReferenced(TableDef parent, ForeignKeyDef fk, TableDef child, string columns, string values) =>
        new(SqlState.ForeignKeyViolation, $"update or delete on table \"{parent.Name}\" violates foreign key constraint \"{fk.Name}\" on table \"{child.Name}\"",
            $"Key ({columns})=({values}) is still referenced from table \"{child.Name}\".")
        { SchemaName = child.Schema, TableName = child.Name, ConstraintName = fk.Name };

    public static TenonException RelationDoesNotExist(string name, int position = 0) =>
        new(SqlState.UndefinedTable, $"relation \"{name}\" does not exist") { Position = position };

    public static TenonException InFailedTransaction() =>
        new(SqlState.InFailedSqlTransaction, "current transaction is aborted, commands ignored until end of transaction block");

    private static readonly HashSet<string> ReservedWords =
    [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate",
        "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp",
        "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
        "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit",
        "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
        "returning", "select", "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique",
        "user", "using", "variadic", "when", "where", "window", "with",
        // type and column-name keywords that quote_identifier also quotes
        "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists", "extract", "float",
        "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national", "nchar", "none", "normalize", "nullif",
        "numeric", "out", "overlay", "position", "precision", "real", "row", "setof", "smallint", "substring", "time", "timestamp",
        "treat", "trim", "values", "varchar", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
        "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
        "authorization", "binary", "concurrently", "cross", "current_schema", "freeze", "full", "ilike", "inner", "is", "isnull",
        "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar", "tablesample", "verbose",
    ];

    /// <summary>PostgreSQL's quote_identifier: quotes names that are not plain lower-case identifiers or are keywords.</summary>
    public static string QuoteIdentifier(string name)
    {
        var plain = name.Length > 0 && (char.IsAsciiLetterLower(name[0]) || name[0] == '_');
        foreach (var ch in name)
            if (!(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_')) { plain = false; break; }
        if (plain && !ReservedWords.Contains(name)) return name;
        var sb = new StringBuilder("\"");
        foreach (var ch in name) sb.Append(ch == '"' ? "\"\"" : ch.ToString());
        return sb.Append('"').ToString();
    }
}
