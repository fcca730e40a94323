using Tenon.Tests.Differential;

namespace Tenon.Tests.Clients;

/// <summary>
/// node-postgres (the <c>pg</c> package, as the seed documents' ShopFlow examples use it with
/// Node.js) against <c>tenon serve</c>: tests/clients/node/shopflow.js.
/// </summary>
public sealed class NodePostgresTests
{
    private static string Directory => Path.Combine(ClientRunner.ClientsDirectory, "node");

    [Fact]
    public void ShopFlowWithPoolsTransactionsAndConstraintErrors()
    {
        var node = ProcessRunner.Which("node");
        ClientRunner.Require(node is not null, "Node.js (node)", "apt-get install -y nodejs npm");
        ClientRunner.Require(File.Exists(Path.Combine(Directory, "node_modules", "pg", "package.json")),
            "the pg package (tests/clients/node/node_modules)", "npm ci --prefix tests/clients/node");
        ClientRunner.Run(node!, ["shopflow.js"], Directory, minimumChecks: 17);
    }
}
