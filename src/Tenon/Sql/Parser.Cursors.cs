using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>Cursors: DECLARE, FETCH and MOVE (CLOSE is in Parser.Discard.cs).</summary>
public sealed partial class Parser
{
    /// DECLARE cursor_name cursor_options CURSOR opt_hold FOR SelectStmt
    /// cursor_options: {NO SCROLL | SCROLL | BINARY | ASENSITIVE | INSENSITIVE}*
    private Statement ParseDeclareCursor()
    {
        var declare = ExpectKw("declare");
        var name = ParseColId();
        bool binary = false;
        bool? scroll = null;
        while (true)
        {
            if (AcceptKw("binary")) binary = true;
            else if (AcceptKw("scroll")) scroll = true;
            else if (Cur.Is("no") && At(1).Is("scroll")) { _pos += 2; scroll = false; }
            else if (AcceptKw("asensitive") || AcceptKw("insensitive")) { }
            else break;
        }
        ExpectKw("cursor");
        var hold = false;
        if (AcceptKw("with")) { ExpectKw("hold"); hold = true; }
        else if (AcceptKw("without")) ExpectKw("hold");
        ExpectKw("for");
        if (!(Cur.Is("select") || Cur.Is("values") || Cur.Is("table") || Cur.Is("with") || Cur.Kind == TokenKind.LParen)) throw Error();
        var query = ParseQuery();
        return new DeclareCursorStatement(name, query) { Binary = binary, Scroll = scroll, Hold = hold, Position = declare.Position };
    }

    /// FETCH fetch_args | MOVE fetch_args
    /// fetch_args: cursor_name | from_in cursor_name | NEXT … | PRIOR … | FIRST … | LAST … | ABSOLUTE n … | RELATIVE n …
    ///   | n … | ALL … | FORWARD [n | ALL] … | BACKWARD [n | ALL] …  (each followed by [FROM | IN] cursor_name)
    private Statement ParseFetch()
    {
        var start = Advance();
        var move = start.Text == "move";
        var direction = FetchDirection.Forward;
        long? count = 1;
        if (AcceptKw("next")) { }
        else if (AcceptKw("prior")) direction = FetchDirection.Backward;
        else if (AcceptKw("first")) { direction = FetchDirection.Absolute; count = 1; }
        else if (AcceptKw("last")) { direction = FetchDirection.Absolute; count = -1; }
        else if (AcceptKw("absolute")) { direction = FetchDirection.Absolute; count = ParseSignedCount(); }
        else if (AcceptKw("relative")) { direction = FetchDirection.Relative; count = ParseSignedCount(); }
        else if (AcceptKw("all")) count = null;
        else if (AcceptKw("forward") || AcceptKw("backward"))
        {
            if (Prev.Text == "backward") direction = FetchDirection.Backward;
            if (AcceptKw("all")) count = null;
            else if (Cur.Kind == TokenKind.Integer || Cur.IsOp("-") || Cur.IsOp("+")) count = ParseSignedCount();
        }
        else if (Cur.Kind == TokenKind.Integer || Cur.IsOp("-") || Cur.IsOp("+")) count = ParseSignedCount();
        if (!AcceptKw("from")) AcceptKw("in");
        var name = ParseColId();
        return new FetchStatement(name, direction, count, move) { Position = start.Position };
    }

    /// SignedIconst
    private long ParseSignedCount()
    {
        var negative = false;
        if (AcceptOp("-")) negative = true;
        else AcceptOp("+");
        if (Cur.Kind != TokenKind.Integer) throw Error();
        var t = Advance();
        if (!long.TryParse(t.Text, out var v) || v > int.MaxValue) throw ErrorAt(t);
        return negative ? -v : v;
    }
}
