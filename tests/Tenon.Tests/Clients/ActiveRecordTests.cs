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

    [Fact]
    public void MigrationsAssociationsAndConstraintErrors()
    {
        ClientRunner.Require(File.Exists(Ruby), Ruby, "apt-get install -y ruby ruby-pg ruby-activerecord");
        var probe = Differential.ProcessRunner.Run(Ruby, ["-e", "require 'pg'; require 'active_record'"]);
        ClientRunner.Require(probe.ExitCode == 0, "the pg and activerecord gems (for /usr/bin/ruby)",
            "apt-get install -y ruby ruby-pg ruby-activerecord");
        ClientRunner.Run(Ruby, ["shop.rb"], Path.Combine(ClientRunner.ClientsDirectory, "ruby"), minimumChecks: 13);
    }
}
