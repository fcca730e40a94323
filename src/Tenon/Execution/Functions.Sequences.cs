using Tenon.Catalog;
using Tenon.Errors;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    /// <summary>
    /// nextval/currval/setval(regclass, …), lastval() and pg_get_serial_sequence(text, text).
    /// The regclass argument is bound by the binder (a constant name is resolved to the oid then).
    /// </summary>
    private static FunctionDef? ResolveSequenceFunction(string name, IReadOnlyList<SqlType> args)
    {
        var n = args.Count;
        bool IsRelation(int i) => args[i].IsString || args[i].Id is TypeId.RegClass or TypeId.Oid or TypeId.Int2 or TypeId.Int4 or TypeId.Int8;
        bool IsInteger(int i) => args[i].Id is TypeId.Unknown or TypeId.Int2 or TypeId.Int4 or TypeId.Int8;
        switch (name)
        {
            case "nextval" when n == 1 && IsRelation(0):
                return new([SqlType.RegClass], SqlType.Int8, NextValImpl, Volatile: true);
            case "currval" when n == 1 && IsRelation(0):
                return new([SqlType.RegClass], SqlType.Int8, (a, ctx) => ctx.Session.CurrVal((uint)a[0]!), Volatile: true);
            case "lastval" when n == 0:
                return new([], SqlType.Int8, (_, ctx) => ctx.Session.LastVal(), Volatile: true);
            case "setval" when n == 2 && IsRelation(0) && IsInteger(1):
                return new([SqlType.RegClass, SqlType.Int8], SqlType.Int8,
                    (a, ctx) => ctx.Session.SetVal((uint)a[0]!, (long)a[1]!, true), Volatile: true);
            case "setval" when n == 3 && IsRelation(0) && IsInteger(1) && args[2].Id is TypeId.Bool or TypeId.Unknown:
                return new([SqlType.RegClass, SqlType.Int8, SqlType.Bool], SqlType.Int8,
                    (a, ctx) => ctx.Session.SetVal((uint)a[0]!, (long)a[1]!, (bool)a[2]!), Volatile: true);
            case "pg_get_serial_sequence" when n == 2 && args[0].IsString && args[1].IsString:
                return new([SqlType.Text, SqlType.Text], SqlType.Text,
                    (a, ctx) => SerialSequence(ctx.Transaction.Catalog, ctx.Session.SearchPath, (string)a[0]!, (string)a[1]!), Volatile: false);
        }
        return null;
    }

    private static readonly Func<object?[], ExecContext, object?> NextValImpl = (a, ctx) => ctx.Session.NextVal((uint)a[0]!);

    /// <summary>Whether a bound call is the built-in nextval(regclass).</summary>
    internal static bool IsNextVal(Expressions.FunctionExpr call) => ReferenceEquals(call.Impl, NextValImpl);

    /// <summary>
    /// The quoted, schema-qualified name of the sequence a serial or identity column owns, or null.
    /// The table name is parsed as SQL would (case-folded unless quoted); the column name is taken literally.
    /// </summary>
    private static string? SerialSequence(SystemCatalog catalog, SearchPath path, string tableName, string columnName)
    {
        var oid = RegClassName.Resolve(tableName, catalog, path);
        if (!catalog.Tables.TryGetValue(oid, out var table)) return null;
        var column = table.FindColumn(columnName)
            ?? throw new TenonException(SqlState.UndefinedColumn, $"column \"{columnName}\" of relation \"{table.Name}\" does not exist");
        var seq = catalog.OwnedSequence(table.Oid, column.Number);
        return seq is null ? null : SqlErrors.QuoteIdentifier(seq.Schema) + "." + SqlErrors.QuoteIdentifier(seq.Name);
    }
}
