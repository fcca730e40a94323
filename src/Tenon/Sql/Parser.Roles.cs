using Tenon.Errors;
using Tenon.Sql.Ast;

namespace Tenon.Sql;

/// <summary>CREATE/ALTER/DROP ROLE, GRANT and REVOKE (privileges and role membership), SET ROLE.</summary>
public sealed partial class Parser
{
    /// CREATE {ROLE | USER | GROUP} name [[WITH] option …]; Cur is ROLE/USER/GROUP.
    private Statement ParseCreateRole(Token create)
    {
        var kind = Advance().Text switch { "user" => RoleStatementKind.User, "group" => RoleStatementKind.Group, _ => RoleStatementKind.Role };
        var name = ParseRoleName();
        AcceptKw("with");
        return new CreateRoleStatement(kind, name, ParseRoleOptions(create: true)) { Position = create.Position };
    }

    /// A role name being created, renamed or dropped: NonReservedWord; PUBLIC, NONE and the CURRENT_* words are refused as PostgreSQL does.
    private string ParseRoleName()
    {
        var t = Cur;
        if (t.Is("current_role") || t.Is("current_user") || t.Is("session_user"))
            throw new TenonException(SqlState.ReservedName, $"{t.Text.ToUpperInvariant()} cannot be used as a role name here") { Position = t.Position };
        var name = ParseNonReservedWord();
        if (t.Kind == TokenKind.Identifier && !t.Quoted && name is "public" or "none")
            throw new TenonException(SqlState.ReservedName, $"role name \"{name}\" is reserved") { Position = t.Position };
        return name;
    }

    /// CreateOptRoleElem / AlterOptRoleElem …
    private List<RoleOption> ParseRoleOptions(bool create)
    {
        var list = new List<RoleOption>();
        while (Cur.Kind is not (TokenKind.Semicolon or TokenKind.EndOfInput))
        {
            var t = Cur;
            if (AcceptKw("password"))
            {
                if (AcceptKw("null")) list.Add(new RoleOption("password", null, t.Position));
                else list.Add(new RoleOption("password", ParseStringConst(), t.Position));
            }
            else if (AcceptKw("encrypted"))
            {
                ExpectKw("password");
                list.Add(new RoleOption("password", ParseStringConst(), t.Position));
            }
            else if (Cur.Is("unencrypted") && At(1).Is("password"))
                throw new TenonException(SqlState.FeatureNotSupported, "UNENCRYPTED PASSWORD is no longer supported",
                    hint: "Remove UNENCRYPTED to store the password in encrypted form instead.") { Position = t.Position };
            else if (AcceptKw("inherit")) list.Add(new RoleOption("inherit", true, t.Position));
            else if (Cur.Is("connection") && At(1).Is("limit"))
            {
                _pos += 2;
                var neg = AcceptOp("-");
                var n = Cur;
                if (n.Kind != TokenKind.Integer) throw Error();
                Advance();
                list.Add(new RoleOption("connectionlimit", (neg ? -1 : 1) * int.Parse(n.Text, System.Globalization.CultureInfo.InvariantCulture), t.Position));
            }
            else if (Cur.Is("valid") && At(1).Is("until"))
            {
                _pos += 2;
                list.Add(new RoleOption("validUntil", ParseStringConst(), t.Position));
            }
            else if (AcceptKw("user")) list.Add(new RoleOption("rolemembers", ParseRoleList(), t.Position));
            else if (create && AcceptKw("sysid"))
            {
                if (Cur.Kind != TokenKind.Integer) throw Error();
                Advance();
                list.Add(new RoleOption("sysid", null, t.Position));
            }
            else if (create && AcceptKw("admin")) list.Add(new RoleOption("adminmembers", ParseRoleList(), t.Position));
            else if (create && AcceptKw("role")) list.Add(new RoleOption("rolemembers", ParseRoleList(), t.Position));
            else if (create && Cur.Is("in") && (At(1).Is("role") || At(1).Is("group")))
            {
                _pos += 2;
                list.Add(new RoleOption("addroleto", ParseRoleList(), t.Position));
            }
            else if (t.Kind == TokenKind.Identifier && !t.Quoted && t.Keyword == KeywordCategory.None)
            {
                Advance();
                (string Name, bool Value) opt = t.Text switch
                {
                    "superuser" => ("superuser", true), "nosuperuser" => ("superuser", false),
                    "createrole" => ("createrole", true), "nocreaterole" => ("createrole", false),
                    "replication" => ("isreplication", true), "noreplication" => ("isreplication", false),
                    "createdb" => ("createdb", true), "nocreatedb" => ("createdb", false),
                    "login" => ("canlogin", true), "nologin" => ("canlogin", false),
                    "bypassrls" => ("bypassrls", true), "nobypassrls" => ("bypassrls", false),
                    "noinherit" => ("inherit", false),
                    _ => throw new TenonException(SqlState.SyntaxError, $"unrecognized role option \"{t.Text}\"") { Position = t.Position },
                };
                list.Add(new RoleOption(opt.Name, opt.Value, t.Position));
            }
            else throw Error();
        }
        return list;
    }

    /// role_list: RoleSpec [, …]
    private List<string> ParseRoleList()
    {
        var list = new List<string> { ParseRoleSpecOrPublic() };
        while (Accept(TokenKind.Comma)) list.Add(ParseRoleSpecOrPublic());
        return list;
    }

    /// RoleSpec, where an unquoted PUBLIC is kept as "public" for the caller to judge (a quoted one is a role named public).
    private string ParseRoleSpecOrPublic()
    {
        if (Cur.Is("current_role") || Cur.Is("current_user") || Cur.Is("session_user")) return Advance().Text.ToUpperInvariant();
        var t = Cur;
        var name = ParseNonReservedWord();
        return t.Quoted ? "\"" + name : name;
    }

    /// ALTER {ROLE | USER | GROUP} name {[WITH] option … | RENAME TO new | ADD USER … | DROP USER …}; Cur is ROLE/USER/GROUP.
    private Statement ParseAlterRole(Token alter)
    {
        var kind = Advance();
        var name = ParseRoleSpecOrPublic();
        if (AcceptKw("rename"))
        {
            ExpectKw("to");
            return new RenameRoleStatement(name, ParseRoleName()) { Position = alter.Position };
        }
        if (kind.Is("group") && (Cur.Is("add") || Cur.Is("drop")))
        {
            var add = Advance().Is("add");
            ExpectKw("user");
            var users = ParseRoleList();
            return new GrantRoleStatement(add, [name], users, false) { Position = alter.Position };
        }
        if (Cur.Is("set") || Cur.Is("reset") || Cur.Is("in")) return Unsupported("ALTER ROLE … SET");
        AcceptKw("with");
        return new AlterRoleStatement(name, ParseRoleOptions(create: false)) { Position = alter.Position };
    }

    /// DROP {ROLE | USER | GROUP} [IF EXISTS] name [, …]; Cur is ROLE/USER/GROUP.
    private Statement ParseDropRole(Token drop)
    {
        Advance();
        var ifExists = false;
        if (Cur.Is("if") && At(1).Is("exists"))
        {
            _pos += 2;
            ifExists = true;
        }
        var names = ParseRoleList();
        return new DropRoleStatement(names, ifExists) { Position = drop.Position };
    }

    /// GRANT … / REVOKE …
    private Statement ParseGrant()
    {
        var start = Advance();
        var isGrant = start.Is("grant");
        bool optionFor = false, adminFor = false;
        if (!isGrant && Cur.Is("grant") && At(1).Is("option") && At(2).Is("for")) { _pos += 3; optionFor = true; }
        else if (!isGrant && Cur.Is("admin") && At(1).Is("option") && At(2).Is("for")) { _pos += 3; adminFor = true; }
        List<PrivilegeSpec>? privileges = null;
        if (AcceptKw("all"))
        {
            AcceptKw("privileges");
            if (Cur.Kind == TokenKind.LParen) privileges = [new PrivilegeSpec("all", ParseParenNameList(), start.Position)];
        }
        else
        {
            privileges = new List<PrivilegeSpec>();
            do
            {
                var t = Cur;
                string name;
                if (t.Is("select") || t.Is("references") || t.Is("create")) name = Advance().Text;
                else name = ParseColId();
                List<string>? columns = Cur.Kind == TokenKind.LParen ? ParseParenNameList() : null;
                privileges.Add(new PrivilegeSpec(name, columns, t.Position));
            }
            while (Accept(TokenKind.Comma));
        }
        if (!Cur.Is("on"))
        {
            // GRANT role, … TO … / REVOKE role, … FROM …: privileges are role names (no column lists).
            if (privileges is null || privileges.Any(p => p.Columns is not null) || optionFor) throw Error();
            ExpectKw(isGrant ? "to" : "from");
            var grantees = ParseGranteeList();
            var admin = false;
            if (isGrant && Cur.Is("with"))
            {
                Advance();
                ExpectKw("admin");
                ExpectKw("option");
                admin = true;
            }
            SkipGrantedBy();
            if (!isGrant) AcceptCascade();
            return new GrantRoleStatement(isGrant, privileges.Select(p => p.Name).ToList(), grantees, isGrant ? admin : adminFor) { Position = start.Position };
        }
        if (adminFor) throw Error();
        ExpectKw("on");
        var kind = GrantObjectKind.Table;
        var kindWritten = true;
        List<QualifiedName> objects = new();
        List<RoutineSignature>? routines = null;
        List<string>? inSchemas = null;
        if (Cur.Is("all") && (At(1).Is("tables") || At(1).Is("sequences") || At(1).Is("functions") || At(1).Is("procedures") || At(1).Is("routines")))
        {
            Advance();
            kind = Advance().Text switch
            {
                "tables" => GrantObjectKind.Table, "sequences" => GrantObjectKind.Sequence, "functions" => GrantObjectKind.Function,
                "procedures" => GrantObjectKind.Procedure, _ => GrantObjectKind.Routine,
            };
            ExpectKw("in");
            ExpectKw("schema");
            inSchemas = ParseNameList();
        }
        else if (AcceptKw("table")) objects = ParseQualifiedNameList();
        else if (AcceptKw("sequence")) { kind = GrantObjectKind.Sequence; objects = ParseQualifiedNameList(); }
        else if (Cur.Is("function") || Cur.Is("procedure") || Cur.Is("routine"))
        {
            kind = Advance().Text switch { "function" => GrantObjectKind.Function, "procedure" => GrantObjectKind.Procedure, _ => GrantObjectKind.Routine };
            routines = new List<RoutineSignature> { ParseRoutineSignature() };
            while (Accept(TokenKind.Comma)) routines.Add(ParseRoutineSignature());
        }
        else if (AcceptKw("schema")) { kind = GrantObjectKind.Schema; objects = ParseNameList().Select(n => new QualifiedName(null, n)).ToList(); }
        else if (AcceptKw("database")) { kind = GrantObjectKind.Database; objects = ParseNameList().Select(n => new QualifiedName(null, n)).ToList(); }
        else if (Cur.Is("language") || Cur.Is("type") || Cur.Is("domain") || Cur.Is("large") || Cur.Is("foreign") || Cur.Is("tablespace") || Cur.Is("parameter"))
            return Unsupported((isGrant ? "GRANT" : "REVOKE") + " ON " + Cur.Text.ToUpperInvariant());
        else { kindWritten = false; objects = ParseQualifiedNameList(); }
        ExpectKw(isGrant ? "to" : "from");
        var who = ParseGranteeList();
        var grantOption = false;
        if (isGrant && Cur.Is("with") && At(1).Is("grant"))
        {
            _pos += 2;
            ExpectKw("option");
            grantOption = true;
        }
        SkipGrantedBy();
        var cascade = !isGrant && AcceptCascade();
        return new GrantStatement(isGrant, privileges, kind, objects, who)
        {
            Routines = routines, InSchemas = inSchemas, GrantOption = isGrant ? grantOption : optionFor, Cascade = cascade,
            KindWritten = kindWritten, Position = start.Position,
        };
    }

    private List<string> ParseGranteeList()
    {
        var list = new List<string>();
        do
        {
            AcceptKw("group");
            list.Add(ParseRoleSpecOrPublic());
        }
        while (Accept(TokenKind.Comma));
        return list;
    }

    private void SkipGrantedBy()
    {
        if (Cur.Is("granted") && At(1).Is("by"))
        {
            _pos += 2;
            ParseRoleSpecOrPublic();
        }
    }

    private bool AcceptCascade()
    {
        if (AcceptKw("cascade")) return true;
        AcceptKw("restrict");
        return false;
    }

    private List<QualifiedName> ParseQualifiedNameList()
    {
        var list = new List<QualifiedName> { ParseQualifiedName() };
        while (Accept(TokenKind.Comma)) list.Add(ParseQualifiedName());
        return list;
    }

    /// ALTER DEFAULT PRIVILEGES [FOR {ROLE | USER} r, …] [IN SCHEMA s, …] {GRANT … ON kinds TO … | REVOKE … ON kinds FROM …}; Cur is DEFAULT.
    private Statement ParseAlterDefaultPrivileges(Token alter)
    {
        ExpectKw("default");
        ExpectKw("privileges");
        List<string>? roles = null, schemas = null;
        while (true)
        {
            if (Cur.Is("for") && (At(1).Is("role") || At(1).Is("user")))
            {
                _pos += 2;
                roles = ParseRoleList();
            }
            else if (Cur.Is("in") && At(1).Is("schema"))
            {
                _pos += 2;
                schemas = ParseNameList();
            }
            else break;
        }
        if (!Cur.Is("grant") && !Cur.Is("revoke")) throw Error();
        var start = Advance();
        var isGrant = start.Is("grant");
        var optionFor = false;
        if (!isGrant && Cur.Is("grant") && At(1).Is("option") && At(2).Is("for")) { _pos += 3; optionFor = true; }
        List<PrivilegeSpec>? privileges = null;
        if (AcceptKw("all")) AcceptKw("privileges");
        else
        {
            privileges = new List<PrivilegeSpec>();
            do
            {
                var t = Cur;
                var name = t.Is("select") || t.Is("references") || t.Is("create") ? Advance().Text : ParseColId();
                privileges.Add(new PrivilegeSpec(name, null, t.Position));
            }
            while (Accept(TokenKind.Comma));
        }
        ExpectKw("on");
        var kindToken = Cur;
        var (objectType, kind) = Advance().Text switch
        {
            "tables" => ('r', GrantObjectKind.Table),
            "sequences" => ('S', GrantObjectKind.Sequence),
            "functions" => ('f', GrantObjectKind.Function),
            "routines" => ('f', GrantObjectKind.Routine),
            "types" => ('T', GrantObjectKind.Type),
            "schemas" => ('n', GrantObjectKind.Schema),
            _ => throw ErrorAt(kindToken),
        };
        ExpectKw(isGrant ? "to" : "from");
        var grantees = ParseGranteeList();
        var grantOption = false;
        if (isGrant && Cur.Is("with") && At(1).Is("grant"))
        {
            _pos += 2;
            ExpectKw("option");
            grantOption = true;
        }
        var cascade = !isGrant && AcceptCascade();
        var grant = new GrantStatement(isGrant, privileges, kind, [], grantees)
        {
            GrantOption = isGrant ? grantOption : optionFor, Cascade = cascade, KindWritten = true, Position = start.Position,
        };
        return new AlterDefaultPrivilegesStatement(roles, schemas, objectType, grant) { Position = alter.Position };
    }

    /// SET [LOCAL | SESSION] ROLE {name | NONE}; Cur is ROLE.
    private Statement ParseSetRole(Token set, bool local)
    {
        Advance();
        var t = Cur;
        string? role;
        if (t.Kind == TokenKind.String) role = Advance().Text;
        else
        {
            role = ParseNonReservedWord();
            if (!t.Quoted && role == "none") role = null;
        }
        return new SetRoleStatement(role, local) { Position = set.Position };
    }
}
