namespace Tenon.Cli;

/// <summary>Fixed texts: usage, the interactive greeting and the meta-command list.</summary>
internal static class HelpText
{
    public const string Version = "tenon (Tenon) 0.1.0, PostgreSQL 15 compatible";

    public const string Usage = """
        tenon is the interactive terminal for Tenon, an embedded PostgreSQL-compatible database.

        Usage:
          tenon [OPTION]... [DATABASE]
          tenon serve [--listen HOST:PORT] [--data DIR]   run a PostgreSQL wire-protocol server
          tenon backup SOURCE.tenon DEST.tenon            copy a file database, also while it is in use

        DATABASE is :memory: (the default) or a database file such as app.tenon (created if missing;
        see docs/DURABILITY.md; TENON_SYNCHRONOUS=full|normal|off sets how COMMIT waits for the disk).

        General options:
          -c, --command=COMMAND    run only single command (SQL or internal) and exit
          -f, --file=FILENAME      execute commands from file, then exit
          -v, --set=, --variable=NAME=VALUE
                                   set psql-style variable NAME to VALUE
          -X, --no-psqlrc          do not read startup file (accepted; none is read)
          -V, --version            output version information, then exit
          -?, --help               show this help, then exit

        Input and output options:
          -a, --echo-all           echo all input from script
          -b, --echo-errors        echo failed commands
          -e, --echo-queries       echo commands sent to server
          -q, --quiet              run quietly (no messages, only query output)

        Output format options:
          -A, --no-align           unaligned table output mode
              --csv                CSV (Comma-Separated Values) table output mode
          -F, --field-separator=STRING
                                   field separator for unaligned output (default: "|")
          -P, --pset=VAR[=ARG]     set printing option VAR to ARG (see \pset command)
          -t, --tuples-only        print rows only
          -x, --expanded           turn on expanded table output

        """;

    public const string Greeting = """
        You are using tenon, the command-line interface to Tenon.
        Type:  \h for help with SQL commands (not available yet)
               \? for help with tenon commands
               \g or terminate with semicolon to execute query
               \q to quit

        """;

    public const string MetaCommands = """
        General
          \q                     quit tenon

        Query Buffer
          \g                     execute query (and send results to the screen)
          \gset [PREFIX]         execute query and store result in variables
          \p                     show the contents of the query buffer
          \r                     reset (clear) the query buffer

        Input/Output
          \echo [-n] [STRING]    write string to standard output (-n for no newline)
          \i FILE                execute commands from file
          \ir FILE               as \i, but relative to location of current script
          \qecho [-n] [STRING]   write string to \o output stream
          \warn [-n] [STRING]    write string to standard error

        Informational
          (options: S = show system objects, + = additional detail)
          \d[S+]                 list tables, views, and sequences
          \d[S+]  NAME           describe table, view, sequence, or index
          \dE[S+] [PATTERN]      list foreign tables
          \di[S+] [PATTERN]      list indexes
          \dm[S+] [PATTERN]      list materialized views
          \dn[S+] [PATTERN]      list schemas
          \ds[S+] [PATTERN]      list sequences
          \dt[S+] [PATTERN]      list tables
          \dT[S+] [PATTERN]      list data types
          \dv[S+] [PATTERN]      list views

        Formatting
          \a                     toggle between unaligned and aligned output mode
          \pset [NAME [VALUE]]   set table output option
                                 (border|csv_fieldsep|expanded|fieldsep|footer|format|null|title|tuples_only)
          \t [on|off]            show only rows
          \x [on|off]            toggle expanded output

        Variables
          \set [NAME [VALUE]]    set internal variable, or list all if no parameters
          \unset NAME            unset (delete) internal variable

        Other
          \timing [on|off]       toggle timing of commands
          \encoding              show client encoding
          \conninfo              display information about current connection

        """;
}
