using Tenon.Sql.Ast;

namespace Tenon.Sql;

public sealed partial class Parser
{
    /// LOCK [TABLE] relation_expr [, …] [IN lock_type MODE] [NOWAIT]
    /// lock_type: ACCESS SHARE | ROW SHARE | ROW EXCLUSIVE | SHARE UPDATE EXCLUSIVE | SHARE
    ///          | SHARE ROW EXCLUSIVE | EXCLUSIVE | ACCESS EXCLUSIVE
    private LockStatement ParseLock()
    {
        var t = ExpectKw("lock");
        AcceptKw("table");
        var names = new List<QualifiedName>();
        do names.Add(ParseRelationExpr(out _));
        while (Accept(TokenKind.Comma));
        var mode = TableLockMode.AccessExclusive;
        if (AcceptKw("in"))
        {
            if (AcceptKw("access"))
            {
                if (AcceptKw("share")) mode = TableLockMode.AccessShare;
                else { ExpectKw("exclusive"); mode = TableLockMode.AccessExclusive; }
            }
            else if (AcceptKw("row"))
            {
                if (AcceptKw("share")) mode = TableLockMode.RowShare;
                else { ExpectKw("exclusive"); mode = TableLockMode.RowExclusive; }
            }
            else if (AcceptKw("share"))
            {
                if (AcceptKw("update")) { ExpectKw("exclusive"); mode = TableLockMode.ShareUpdateExclusive; }
                else if (AcceptKw("row")) { ExpectKw("exclusive"); mode = TableLockMode.ShareRowExclusive; }
                else mode = TableLockMode.Share;
            }
            else { ExpectKw("exclusive"); mode = TableLockMode.Exclusive; }
            ExpectKw("mode");
        }
        var noWait = AcceptKw("nowait");
        return new LockStatement(names, mode, noWait) { Position = t.Position };
    }
}
