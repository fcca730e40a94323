using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Declarative partitioning: PARTITION BY, PARTITION OF, partition bounds.</summary>
public sealed partial class Parser
{
    /// PARTITION BY ColId '(' part_elem [, …] ')'
    private PartitionBySpec ParsePartitionBy()
    {
        var start = Cur;
        _pos += 2;
        var strategyTok = Cur;
        var strategy = ParseColId() switch
        {
            "range" => PartitionStrategy.Range,
            "list" => PartitionStrategy.List,
            "hash" => PartitionStrategy.Hash,
            var other => throw new Errors.TenonException(Errors.SqlState.InvalidParameterValue, $"unrecognized partitioning strategy \"{other}\""),
        };
        var elements = ParseIndexParams();
        return new PartitionBySpec(strategy, elements) { Position = start.Position };
    }

    /// <summary>
    /// The optional list of a partition's or typed table's columns, whose types come from the
    /// parent or the composite type: '(' {col [WITH OPTIONS] ColQualList | TableConstraint} [, …] ')'.
    /// A column gets an empty type name, which marks "not written"; Order is the written order.
    /// </summary>
    private (List<ColumnDefinition> Columns, List<TableConstraint> Constraints, List<Node> Order) ParseColumnsWithoutTypes()
    {
        var columns = new List<ColumnDefinition>();
        var constraints = new List<TableConstraint>();
        var order = new List<Node>();
        if (!Accept(TokenKind.LParen)) return (columns, constraints, order);
        do
        {
            var t = Cur;
            if (t.Is("constraint") || t.Is("check") || t.Is("unique") || t.Is("primary") || t.Is("foreign") || t.Is("exclude"))
            {
                var c = ParseTableConstraint();
                constraints.Add(c);
                order.Add(c);
                continue;
            }
            var colName = ParseColId();
            if (Cur.Is("with") && At(1).Is("options")) _pos += 2;
            string? collation = null;
            var cc = ParseColumnConstraints(ref collation);
            var col = new ColumnDefinition(colName, new TypeName("", Array.Empty<int>()), cc) { Collation = collation, Position = t.Position };
            columns.Add(col);
            order.Add(col);
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        return (columns, constraints, order);
    }

    /// CREATE TABLE name PARTITION OF parent ['(' {col [WITH OPTIONS] ColQualList | TableConstraint} [, …] ')']
    ///   {FOR VALUES … | DEFAULT} [PARTITION BY …] [table options]
    private Statement ParseCreatePartition(Token create, QualifiedName name, bool temporary, bool unlogged, bool ifNotExists)
    {
        _pos += 2;
        var parent = ParseQualifiedName();
        var (columns, constraints, order) = ParseColumnsWithoutTypes();
        var bound = ParsePartitionBound();
        var stmt = new CreateTableStatement(name, columns, constraints)
        {
            IfNotExists = ifNotExists,
            Temporary = temporary,
            Unlogged = unlogged,
            ElementsInOrder = order,
            PartitionOf = new PartitionOfClause(parent, bound) { Position = parent.Position },
            Position = create.Position,
        };
        if (Cur.Is("partition") && At(1).Is("by")) stmt = stmt with { PartitionBy = ParsePartitionBy() };
        return ParseTableOptions(stmt);
    }

    /// FOR VALUES IN '(' expr, … ')' | FOR VALUES FROM '(' … ')' TO '(' … ')'
    /// | FOR VALUES WITH '(' MODULUS n ',' REMAINDER n ')' | DEFAULT
    private PartitionBoundSpec ParsePartitionBound()
    {
        var t = Cur;
        if (AcceptKw("default")) return new PartitionBoundSpec(PartitionBoundKind.Default) { Position = t.Position };
        ExpectKw("for");
        ExpectKw("values");
        // PostgreSQL locates the bound at the keyword after FOR VALUES.
        t = Cur;
        if (AcceptKw("in"))
        {
            Expect(TokenKind.LParen);
            var values = ParseExprList();
            Expect(TokenKind.RParen);
            return new PartitionBoundSpec(PartitionBoundKind.List) { Values = values, Position = t.Position };
        }
        if (AcceptKw("from"))
        {
            Expect(TokenKind.LParen);
            var from = ParseExprList();
            Expect(TokenKind.RParen);
            ExpectKw("to");
            Expect(TokenKind.LParen);
            var to = ParseExprList();
            Expect(TokenKind.RParen);
            return new PartitionBoundSpec(PartitionBoundKind.Range) { From = from, To = to, Position = t.Position };
        }
        ExpectKw("with");
        Expect(TokenKind.LParen);
        int? modulus = null, remainder = null;
        do
        {
            var optTok = Cur;
            var opt = ParseColId();
            var valueTok = Cur;
            if (valueTok.Kind != TokenKind.Integer) throw ErrorAt(valueTok);
            Advance();
            var value = int.Parse(valueTok.Text, System.Globalization.CultureInfo.InvariantCulture);
            if (opt == "modulus")
            {
                if (modulus is not null)
                    throw new Errors.TenonException(Errors.SqlState.DuplicateObject, "modulus for hash partition provided more than once") { Position = optTok.Position };
                modulus = value;
            }
            else if (opt == "remainder")
            {
                if (remainder is not null)
                    throw new Errors.TenonException(Errors.SqlState.DuplicateObject, "remainder for hash partition provided more than once") { Position = optTok.Position };
                remainder = value;
            }
            else
                throw new Errors.TenonException(Errors.SqlState.SyntaxError, $"unrecognized hash partition bound specification \"{opt}\"") { Position = optTok.Position };
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RParen);
        if (modulus is null)
            throw new Errors.TenonException(Errors.SqlState.InvalidObjectDefinition, "modulus for hash partition must be specified") { Position = t.Position };
        if (remainder is null)
            throw new Errors.TenonException(Errors.SqlState.InvalidObjectDefinition, "remainder for hash partition must be specified") { Position = t.Position };
        return new PartitionBoundSpec(PartitionBoundKind.Hash) { Modulus = modulus.Value, Remainder = remainder.Value, Position = t.Position };
    }
}
