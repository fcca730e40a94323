namespace Tenon.Types;

public static partial class Operators
{
    /// <summary>
    /// The inet containment operators, all on (inet, inet) → boolean, so cidr operands convert
    /// implicitly and an unknown literal is read as inet (not cidr, whose input is stricter):
    /// &lt;&lt; is contained by, &lt;&lt;= contained by or equal, &gt;&gt; contains, &gt;&gt;= contains or
    /// equals, &amp;&amp; contains or is contained by. Addresses of different families never relate.
    /// </summary>
    private static BinaryOperator? ResolveNetwork(string op, SqlType l, SqlType r)
    {
        static bool IsNet(TypeId id) => id is TypeId.Inet or TypeId.Cidr;
        if (!(IsNet(l.Id) && (IsNet(r.Id) || r.Id == TypeId.Unknown)) && !(IsNet(r.Id) && l.Id == TypeId.Unknown)) return null;
        Func<PgInet, PgInet, bool> test = op switch
        {
            "<<" => (a, b) => PgInet.IsContainedBy(a, b, orEqual: false),
            "<<=" => (a, b) => PgInet.IsContainedBy(a, b, orEqual: true),
            ">>" => (a, b) => PgInet.IsContainedBy(b, a, orEqual: false),
            ">>=" => (a, b) => PgInet.IsContainedBy(b, a, orEqual: true),
            _ => PgInet.Overlaps,
        };
        return new BinaryOperator
        {
            Name = op, LeftType = SqlType.Inet, RightType = SqlType.Inet, ResultType = SqlType.Bool,
            Invoke = (a, b) => test((PgInet)a, (PgInet)b),
        };
    }
}
