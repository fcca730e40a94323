namespace Tenon.Cli;

/// <summary>The ECHO variable: none, errors (-b), queries (-e) or all (-a).</summary>
internal enum EchoMode
{
    None,
    Errors,
    Queries,
    All,
}
