namespace Tenon.Tests.Clients;

/// <summary>
/// Python's psycopg2 and SQLAlchemy (Debian's python3-psycopg2 and python3-sqlalchemy, as the seed
/// documents' FastAPI examples use PostgreSQL) against <c>tenon serve</c>: tests/clients/python.
/// Debian's /usr/bin/python3 is used explicitly: another python3 on PATH (pyenv) lacks the packages.
/// </summary>
public sealed class PythonClientTests
{
    private const string Python = "/usr/bin/python3";
    private const string Install = "apt-get install -y python3-psycopg2 python3-sqlalchemy";

    private static string Directory => Path.Combine(ClientRunner.ClientsDirectory, "python");

    private static void RequireModules(params string[] modules)
    {
        ClientRunner.Require(File.Exists(Python), Python, Install);
        var probe = Differential.ProcessRunner.Run(Python, ["-c", $"import {string.Join(", ", modules)}"]);
        ClientRunner.Require(probe.ExitCode == 0, $"the Python modules {string.Join(" and ", modules)} (for {Python})", Install);
    }

    [Fact]
    public void Psycopg2WithParametersTransactionsAndErrors()
    {
        RequireModules("psycopg2");
        ClientRunner.Run(Python, ["psycopg2_posts.py"], Directory, minimumChecks: 13);
    }

    [Fact]
    public void SqlAlchemyCoreAndOrmWithForeignKeysAndRelationships()
    {
        RequireModules("psycopg2", "sqlalchemy");
        ClientRunner.Run(Python, ["sqlalchemy_blog.py"], Directory, minimumChecks: 10);
    }
}
