-- The UUID extensions the seeds enable: pgcrypto and uuid-ossp. gen_random_uuid() works without
-- either (core since PostgreSQL 13); uuid_generate_v4() needs uuid-ossp. Extension files ship
-- with Debian's postgresql-15 package (contrib is included), which .ci/run installs.
-- before any extension: the core function exists, the uuid-ossp one does not
SELECT gen_random_uuid() IS NOT NULL AS core_gen_random_uuid;
SELECT uuid_generate_v4();
CREATE TABLE t_v4 (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(), n INTEGER);
SELECT extname FROM pg_extension ORDER BY extname;
-- pgcrypto, as the FastAPI tutorial writes it
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
CREATE EXTENSION "pgcrypto";
SELECT extname FROM pg_extension ORDER BY extname;
SELECT gen_random_uuid() IS NOT NULL AS still_works;
CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email TEXT NOT NULL);
INSERT INTO users (email) VALUES ('a@x'), ('b@x');
SELECT count(DISTINCT id) AS distinct_ids FROM users;
-- uuid-ossp: the name needs double quotes because of the hyphen
CREATE EXTENSION IF NOT EXISTS uuid-ossp;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
SELECT extname FROM pg_extension ORDER BY extname;
SELECT uuid_generate_v4() IS NOT NULL AS v4, substr(uuid_generate_v4()::text, 15, 1) AS version_digit;
SELECT substr(uuid_generate_v1()::text, 15, 1) AS v1_version_digit, uuid_generate_v1mc() IS NOT NULL AS v1mc;
SELECT uuid_nil();
SELECT uuid_generate_v5(uuid_ns_url(), 'https://www.postgresql.org/') AS v5_is_deterministic;
SELECT uuid_generate_v3(uuid_ns_dns(), 'example.com') AS v3_is_deterministic;
CREATE TABLE t_v4 (id UUID PRIMARY KEY DEFAULT uuid_generate_v4(), n INTEGER);
INSERT INTO t_v4 (n) VALUES (1), (2), (3);
SELECT n, length(id::text) AS len FROM t_v4 ORDER BY n;
-- (CREATE EXTENSION of a missing extension is left out: its DETAIL names the server's install path)
-- dropping an extension that a column default depends on
DROP EXTENSION "uuid-ossp";
DROP EXTENSION IF EXISTS no_such_extension;
DROP TABLE t_v4;
DROP EXTENSION "uuid-ossp";
SELECT uuid_generate_v4();
SELECT extname FROM pg_extension ORDER BY extname;
-- dropping pgcrypto leaves the core gen_random_uuid() in place
DROP TABLE users;
DROP EXTENSION pgcrypto;
DROP EXTENSION pgcrypto;
SELECT gen_random_uuid() IS NOT NULL AS core_still_works;
CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email TEXT NOT NULL);
INSERT INTO users (email) VALUES ('c@x');
SELECT count(*) FROM users WHERE id IS NOT NULL;
-- the extension is created in the current schema; IF NOT EXISTS after DROP creates it again
CREATE EXTENSION IF NOT EXISTS pgcrypto;
SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace ORDER BY e.extname;
-- CREATE EXTENSION is transactional; DROP ... CASCADE takes dependent defaults along
BEGIN;
CREATE EXTENSION "uuid-ossp";
SELECT extname FROM pg_extension ORDER BY extname;
ROLLBACK;
SELECT extname FROM pg_extension ORDER BY extname;
CREATE EXTENSION "uuid-ossp";
SELECT uuid_ns_oid(), uuid_ns_x500();
SELECT uuid_generate_v5(uuid_ns_dns(), 'www.example.com'), uuid_generate_v3(uuid_ns_url(), '');
CREATE TABLE two (a UUID DEFAULT uuid_generate_v4(), b UUID DEFAULT uuid_generate_v5(uuid_ns_url(), 'x'), c INTEGER);
DROP EXTENSION "uuid-ossp";
DROP EXTENSION "uuid-ossp" CASCADE;
INSERT INTO two (c) VALUES (1);
SELECT a IS NULL AS a_null, b IS NULL AS b_null FROM two;
SELECT extname, extversion, extrelocatable FROM pg_catalog.pg_extension ORDER BY extname;
