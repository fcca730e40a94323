namespace Tenon.Sql.Ast;

/// <summary><c>OWNER TO role</c> in ALTER TABLE (which pg_dump also uses for sequences and views).</summary>
public sealed record OwnerToAction(string Role) : AlterTableAction;
