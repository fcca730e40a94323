using Tenon.Catalog;
using Tenon.Types;

namespace Tenon.Execution;

public static partial class Functions
{
    private static readonly HashSet<string> UuidOsspFunctions =
    [
        "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v3", "uuid_generate_v4", "uuid_generate_v5",
        "uuid_nil", "uuid_ns_dns", "uuid_ns_url", "uuid_ns_oid", "uuid_ns_x500",
    ];

    /// <summary>The functions an installed extension adds (the ones Tenon implements), by name.</summary>
    public static IReadOnlySet<string> ExtensionFunctionNames(string extension) =>
        extension == "uuid-ossp" ? UuidOsspFunctions : new HashSet<string>();

    /// <summary>Functions that exist only while their extension is installed.</summary>
    private static FunctionDef? ResolveExtensionFunction(string name, IReadOnlyList<SqlType> args, SystemCatalog catalog)
    {
        if (!UuidOsspFunctions.Contains(name) || !catalog.Extensions.ContainsKey("uuid-ossp")) return null;
        var n = args.Count;
        FunctionDef Constant(Guid value) => new([], SqlType.Uuid, (_, _) => value);
        switch (name)
        {
            case "uuid_nil" when n == 0: return Constant(UuidOssp.Nil);
            case "uuid_ns_dns" when n == 0: return Constant(UuidOssp.NamespaceDns);
            case "uuid_ns_url" when n == 0: return Constant(UuidOssp.NamespaceUrl);
            case "uuid_ns_oid" when n == 0: return Constant(UuidOssp.NamespaceOid);
            case "uuid_ns_x500" when n == 0: return Constant(UuidOssp.NamespaceX500);
            case "uuid_generate_v1" when n == 0:
                return new([], SqlType.Uuid, (_, _) => UuidOssp.TimeBased(), Volatile: true);
            case "uuid_generate_v1mc" when n == 0:
                return new([], SqlType.Uuid, (_, _) => UuidOssp.TimeBasedRandomNode(), Volatile: true);
            case "uuid_generate_v4" when n == 0:
                return new([], SqlType.Uuid, (_, _) => UuidOssp.Random(), Volatile: true);
            case "uuid_generate_v3" or "uuid_generate_v5" when n == 2 && args[0].Id is TypeId.Uuid or TypeId.Unknown && args[1].IsString:
            {
                var version = name == "uuid_generate_v3" ? 3 : 5;
                return new([SqlType.Uuid, SqlType.Text], SqlType.Uuid, (a, _) => UuidOssp.NameBased((Guid)a[0]!, (string)a[1]!, version));
            }
        }
        return null;
    }
}
