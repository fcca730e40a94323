namespace Tenon.Tests.Clients;

/// <summary>
/// Ruby on Rails' ActiveRecord with the pg gem (Debian's ruby-activerecord 6.1 and ruby-pg, as the
/// seed documents' Rails examples use PostgreSQL) against <c>tenon serve</c>: migrations
/// (tests/clients/ruby/db/migrate) and the models and associations of tests/clients/ruby/shop.rb.
/// The script passes against PostgreSQL 15.
/// </summary>
public sealed class ActiveRecordTests
{
    private const string Ruby = "/usr/bin/ruby";

    /// <summary>
    /// What ActiveRecord's PostgreSQL adapter asks first and Tenon cannot answer yet, in the order
    /// it asks (see docs/CLIENTS.md for the queries).
    /// </summary>
    private const string Missing =
        "Tenon cannot answer ActiveRecord's catalog queries yet: the regproc/regprocedure types " +
        "(pg_type.typinput = 'array_in(cstring,oid,integer)'::regprocedure at connect), " +
        "= ANY (current_schemas(false)), format_type/pg_get_expr/pg_attrdef/pg_collation, 'character varying'::regtype, " +
        "pg_index with generate_subscripts(indkey, 1) and indkey[i], pg_constraint.conkey[1]";

    [Fact(Skip = Missing)]
    public void MigrationsAssociationsAndConstraintErrors()
    {
        ClientRunner.Require(File.Exists(Ruby), Ruby, "apt-get install -y ruby ruby-pg ruby-activerecord");
        var probe = Differential.ProcessRunner.Run(Ruby, ["-e", "require 'pg'; require 'active_record'"]);
        ClientRunner.Require(probe.ExitCode == 0, "the pg and activerecord gems (for /usr/bin/ruby)",
            "apt-get install -y ruby ruby-pg ruby-activerecord");
        ClientRunner.Run(Ruby, ["shop.rb"], Path.Combine(ClientRunner.ClientsDirectory, "ruby"), minimumChecks: 13);
    }
}
