namespace Tenon.Sql.Ast;

/// <summary>
/// The value of one CREATE AGGREGATE attribute: a (possibly qualified) name or type as
/// <see cref="Type"/> (SFUNC, STYPE, FINALFUNC …), or the text of a string, number or keyword as
/// <see cref="Text"/> (INITCOND, PARALLEL …); both null for a bare attribute (FINALFUNC_EXTRA).
/// </summary>
public sealed record AggregateOption(string Name, TypeName? Type, string? Text) : Node;

/// <summary>
/// <c>CREATE [OR REPLACE] AGGREGATE name ( args | * ) ( attribute = value [, …] )</c>, or the old
/// form <c>CREATE AGGREGATE name ( BASETYPE = type, SFUNC = …, STYPE = … )</c>, where
/// <see cref="Arguments"/> is null and BASETYPE is among the options.
/// </summary>
public sealed record CreateAggregateStatement(QualifiedName Name, IReadOnlyList<RoutineParameter>? Arguments, IReadOnlyList<AggregateOption> Options, bool OrReplace) : Statement;
