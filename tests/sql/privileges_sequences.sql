-- Privileges on sequences, routines and schemas' CREATE: GRANT / REVOKE ON SEQUENCE (USAGE,
-- SELECT, UPDATE) and ON TABLE naming a sequence, nextval / currval / setval / lastval checks,
-- a serial column's sequence under INSERT, ALL SEQUENCES IN SCHEMA, ALTER SEQUENCE ownership,
-- GRANT EXECUTE ON FUNCTION and proacl, SET LOCAL SESSION AUTHORIZATION inside transactions.
CREATE USER regress_ps_user;
CREATE SEQUENCE ps_seq;
CREATE TABLE ps_tab (id serial, v text);
SELECT relname, relacl FROM pg_class WHERE relname IN ('ps_seq', 'ps_tab', 'ps_tab_id_seq') ORDER BY 1;
GRANT SELECT ON ps_seq TO regress_ps_user;
SELECT relacl FROM pg_class WHERE relname = 'ps_seq';
GRANT INSERT ON ps_seq TO regress_ps_user;
GRANT INSERT ON SEQUENCE ps_seq TO regress_ps_user;
GRANT SELECT ON SEQUENCE ps_tab TO regress_ps_user;
SELECT has_sequence_privilege('regress_ps_user', 'ps_seq', 'select') AS sel, has_sequence_privilege('regress_ps_user', 'ps_seq', 'usage') AS usage;
SELECT has_sequence_privilege('ps_tab', 'select');
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_ps_user;
SELECT nextval('ps_seq');
ROLLBACK;
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_ps_user;
SELECT last_value, is_called FROM ps_seq;
SELECT setval('ps_seq', 5);
ROLLBACK;
REVOKE ALL ON ps_seq FROM regress_ps_user;
GRANT UPDATE ON ps_seq TO regress_ps_user;
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_ps_user;
SELECT nextval('ps_seq');
SELECT currval('ps_seq');
ROLLBACK;
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_ps_user;
SELECT setval('ps_seq', 10);
SELECT lastval();
ROLLBACK;
REVOKE ALL ON ps_seq FROM regress_ps_user;
GRANT USAGE ON ps_seq TO regress_ps_user;
BEGIN;
SET LOCAL SESSION AUTHORIZATION regress_ps_user;
SELECT nextval('ps_seq');
SELECT currval('ps_seq');
SELECT lastval();
SELECT setval('ps_seq', 20);
ROLLBACK;
SELECT current_user, session_user;
-- INSERT into a serial column draws from its sequence
GRANT INSERT, SELECT ON ps_tab TO regress_ps_user;
SET ROLE regress_ps_user;
INSERT INTO ps_tab (v) VALUES ('a');
INSERT INTO ps_tab VALUES (100, 'b');
SELECT * FROM ps_tab ORDER BY id;
ALTER SEQUENCE ps_seq RESTART WITH 7;
DROP SEQUENCE ps_seq;
RESET ROLE;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO regress_ps_user;
SELECT relname, relacl FROM pg_class WHERE relkind = 'S' AND relname LIKE 'ps%' ORDER BY 1;
SET ROLE regress_ps_user;
INSERT INTO ps_tab (v) VALUES ('c');
SELECT * FROM ps_tab ORDER BY id;
RESET ROLE;
-- routines
CREATE FUNCTION ps_f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1';
SELECT proname, proacl, pg_get_userbyid(proowner) AS owner FROM pg_proc WHERE proname = 'ps_f';
REVOKE EXECUTE ON FUNCTION ps_f(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ps_f(int) TO regress_ps_user;
SELECT proname, proacl FROM pg_proc WHERE proname = 'ps_f';
GRANT SELECT ON FUNCTION ps_f(int) TO regress_ps_user;
REVOKE ALL ON ps_tab FROM regress_ps_user;
DROP USER regress_ps_user;
-- cleanup
REVOKE ALL ON FUNCTION ps_f(int) FROM regress_ps_user;
REVOKE ALL ON ps_seq, ps_tab, ps_tab_id_seq FROM regress_ps_user;
DROP FUNCTION ps_f(int);
DROP TABLE ps_tab;
DROP SEQUENCE ps_seq;
DROP USER regress_ps_user;
