using System.Data.Common;

namespace Tenon.Data;

/// <summary>The provider factory (register it with <c>DbProviderFactories.RegisterFactory("Tenon", TenonFactory.Instance)</c>).</summary>
public sealed class TenonFactory : DbProviderFactory
{
    public static readonly TenonFactory Instance = new();

    private TenonFactory() { }

    public override bool CanCreateDataSourceEnumerator => false;
    public override bool CanCreateBatch => true;
    public override bool CanCreateCommandBuilder => false;
    public override bool CanCreateDataAdapter => false;

    public override DbConnection CreateConnection() => new TenonConnection();
    public override DbCommand CreateCommand() => new TenonCommand();
    public override DbBatch CreateBatch() => new TenonBatch();
    public override DbBatchCommand CreateBatchCommand() => new TenonBatchCommand();
    public override DbParameter CreateParameter() => new TenonParameter();
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new TenonConnectionStringBuilder();
}
