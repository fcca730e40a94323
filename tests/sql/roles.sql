-- Roles: CREATE ROLE / USER / GROUP with their options, ALTER ROLE (options, RENAME TO),
-- DROP ROLE [IF EXISTS] and its errors, GRANT / REVOKE of role membership, pg_roles,
-- pg_authid, pg_user, pg_auth_members, SET ROLE / RESET ROLE, SET [LOCAL] SESSION
-- AUTHORIZATION, current_user / current_role / session_user / user.
CREATE ROLE regress_r1;
CREATE USER regress_u1 PASSWORD 'secret' CONNECTION LIMIT 3;
CREATE GROUP regress_g1;
CREATE ROLE regress_r2 WITH LOGIN CREATEDB CREATEROLE NOINHERIT VALID UNTIL '2030-01-01 00:00:00+00';
CREATE ROLE regress_su SUPERUSER IN ROLE regress_g1;
CREATE ROLE regress_r3 ROLE regress_u1 ADMIN regress_r1;
SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, rolconnlimit, rolpassword, rolvaliduntil = '2030-01-01 00:00:00+00' AS valid_until, rolbypassrls
  FROM pg_roles WHERE rolname LIKE 'regress%' ORDER BY rolname;
SELECT usename, usecreatedb, usesuper, passwd FROM pg_user WHERE usename LIKE 'regress%' ORDER BY 1;
SELECT rolname, rolpassword IS NOT NULL AS has_password FROM pg_authid WHERE rolname LIKE 'regress%' ORDER BY 1;
-- errors
CREATE ROLE regress_r1;
CREATE ROLE pg_regress_bad;
CREATE ROLE regress_bad LOGIN NOLOGIN;
CREATE ROLE regress_bad WITH FOO;
CREATE ROLE public;
CREATE ROLE regress_bad IN ROLE regress_nosuch;
-- membership
GRANT regress_g1 TO regress_u1, regress_r1;
GRANT regress_g1 TO regress_u1;
GRANT regress_u1 TO regress_g1;
GRANT regress_g1 TO regress_g1;
SELECT r.rolname AS role, m.rolname AS member, admin_option
  FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
  WHERE r.rolname LIKE 'regress%' ORDER BY 1, 2;
REVOKE regress_g1 FROM regress_r1;
REVOKE regress_g1 FROM regress_r1;
SELECT pg_has_role('regress_u1', 'regress_g1', 'MEMBER') AS u1_in_g1, pg_has_role('regress_r1', 'regress_g1', 'USAGE') AS r1_in_g1;
-- ALTER ROLE
ALTER ROLE regress_r1 WITH LOGIN CONNECTION LIMIT 10;
ALTER USER regress_u1 NOLOGIN PASSWORD NULL;
ALTER ROLE regress_r1 RENAME TO regress_r1_new;
ALTER ROLE regress_r1_new RENAME TO regress_u1;
ALTER ROLE regress_nosuch NOLOGIN;
SELECT rolname, rolcanlogin, rolconnlimit FROM pg_roles WHERE rolname LIKE 'regress%' ORDER BY 1;
-- regrole
SELECT 'regress_r2'::regrole, 'regress_r2'::regrole::oid = (SELECT oid FROM pg_roles WHERE rolname = 'regress_r2') AS same_oid, 10::regrole, 99999::regrole;
SELECT 'regress_nosuch'::regrole;
-- who am I
SELECT current_user, current_role, session_user, user;
SET ROLE regress_u1;
SELECT current_user, session_user;
SHOW role;
SET ROLE regress_su;
RESET ROLE;
SELECT current_user;
SET ROLE NONE;
SET ROLE regress_nosuch;
BEGIN;
SET LOCAL ROLE regress_r2;
SELECT current_user;
COMMIT;
SELECT current_user;
BEGIN;
SET SESSION AUTHORIZATION regress_u1;
SELECT current_user, session_user;
ROLLBACK;
SELECT current_user, session_user;
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_r2;
SELECT current_user, session_user;
SET ROLE regress_g1;
SET SESSION AUTHORIZATION regress_u1;
COMMIT;
SELECT current_user, session_user;
SET SESSION AUTHORIZATION regress_u1;
SELECT current_user, session_user;
CREATE ROLE regress_bad;
SET ROLE regress_g1;
SELECT current_user, session_user;
DROP ROLE regress_u1;
RESET SESSION AUTHORIZATION;
SELECT current_user, session_user;
-- DROP ROLE
DROP ROLE regress_nosuch;
DROP ROLE IF EXISTS regress_nosuch, regress_r3;
DROP ROLE postgres;
DROP USER regress_u1;
DROP GROUP regress_g1;
DROP ROLE regress_r1_new, regress_r2, regress_su;
SELECT count(*) FROM pg_roles WHERE rolname LIKE 'regress%';
SELECT count(*) FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid WHERE r.rolname LIKE 'regress%';
-- psql's \du and \dg
CREATE ROLE regress_du1 LOGIN CREATEDB;
CREATE ROLE regress_du2 NOINHERIT CONNECTION LIMIT 2 IN ROLE regress_du1;
CREATE ROLE regress_du3 SUPERUSER CREATEROLE REPLICATION BYPASSRLS CONNECTION LIMIT 0 VALID UNTIL 'infinity';
\du regress_du*
\dg regress_du1
DROP ROLE regress_du3, regress_du2, regress_du1;
-- psql's \dp and \z
CREATE ROLE regress_dp;
CREATE TABLE dp_t (a int, b int);
CREATE SEQUENCE dp_s;
CREATE VIEW dp_v AS SELECT a FROM dp_t;
GRANT SELECT ON dp_t TO regress_dp;
GRANT SELECT (a), UPDATE (a, b) ON dp_t TO regress_dp WITH GRANT OPTION;
GRANT USAGE ON dp_s TO PUBLIC;
\dp dp_*
\z dp_t
REVOKE ALL ON dp_t, dp_s FROM regress_dp, PUBLIC;
\dp dp_*
DROP VIEW dp_v;
DROP TABLE dp_t;
DROP SEQUENCE dp_s;
DROP ROLE regress_dp;
