-- CREATE / DROP / ALTER SCHEMA, schema-qualified names and search_path as PostgreSQL 15 applies them.
CREATE SCHEMA app;
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS app;
CREATE SCHEMA pg_mine;
CREATE SCHEMA other AUTHORIZATION nobody;
CREATE SCHEMA AUTHORIZATION postgres;
CREATE SCHEMA IF NOT EXISTS owned AUTHORIZATION current_user;
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'postgres', 'owned') ORDER BY nspname;
-- qualified names: tables, serial sequences, indexes, constraints, foreign keys
CREATE TABLE app.items (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE app.tags (item_id int REFERENCES app.items, tag text);
CREATE INDEX tags_tag_idx ON app.tags (tag);
INSERT INTO app.items (name) VALUES ('a'), ('b') RETURNING id, name;
INSERT INTO app.tags VALUES (1, 'x'), (2, 'y');
INSERT INTO app.tags VALUES (9, 'z');
SELECT i.name, t.tag FROM app.items i JOIN app.tags t ON t.item_id = i.id ORDER BY 1;
SELECT app.items.name FROM app.items ORDER BY 1;
UPDATE app.items SET name = 'aa' WHERE id = 1;
DELETE FROM app.tags WHERE tag = 'y';
SELECT nextval('app.items_id_seq'), currval('app.items_id_seq');
SELECT 'app.items'::regclass, 'app.items_id_seq'::regclass, 'app.tags_tag_idx'::regclass;
SELECT c.relname, n.nspname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'app' ORDER BY c.relname;
SELECT conname, conrelid::regclass FROM pg_constraint WHERE connamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'app') ORDER BY conname;
-- unqualified names are not found outside the search path
SELECT * FROM items;
INSERT INTO items VALUES (1, 'x');
-- unknown schemas
SELECT * FROM nosuch.t;
INSERT INTO nosuch.t VALUES (1);
UPDATE nosuch.t SET a = 1;
DELETE FROM nosuch.t;
CREATE TABLE nosuch.t (a int);
CREATE SEQUENCE nosuch.s;
CREATE VIEW nosuch.v AS SELECT 1;
DROP TABLE nosuch.t;
DROP TABLE IF EXISTS nosuch.t;
DROP SEQUENCE nosuch.s;
DROP INDEX nosuch.i;
ALTER TABLE nosuch.t ADD COLUMN b int;
CREATE INDEX ON nosuch.t (a);
TRUNCATE nosuch.t;
SELECT 'nosuch.t'::regclass;
SELECT nextval('nosuch.s');
CREATE TABLE r (a int REFERENCES nosuch.t);
-- search_path
SHOW search_path;
SELECT current_schema, current_schema();
SET search_path = app, public;
SHOW search_path;
SELECT current_schema();
SELECT name FROM items ORDER BY id;
CREATE TABLE notes (n text);
SELECT 'notes'::regclass, 'app.notes'::regclass, 'items'::regclass;
SELECT relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = 'app') FROM pg_class WHERE relname = 'notes';
SET search_path = nosuch, app;
SELECT current_schema;
CREATE TABLE more (m int);
SET search_path = nosuch;
SELECT current_schema IS NULL;
CREATE TABLE lost (a int);
SELECT count(*) FROM pg_class WHERE relname = 'lost';
SELECT count(*) FROM app.items;
SET search_path TO "$user", public;
SET search_path = 'My Schema', "x", Y;
SHOW search_path;
SET search_path TO "$user", public;
SHOW search_path;
CREATE TABLE mine (a int);
SELECT 'mine'::regclass, 'postgres.mine'::regclass;
RESET search_path;
-- a public table shadowed by one earlier on the path
CREATE TABLE public.items (p int);
SET search_path = app, public;
SELECT name FROM items ORDER BY id;
SET search_path = public, app;
SELECT * FROM items;
SELECT 'items'::regclass, 'app.items'::regclass;
RESET search_path;
-- pg_catalog comes first unless listed
CREATE TABLE app.pg_class (x int);
SET search_path = app;
SELECT count(*) > 0 FROM pg_class;
SET search_path = app, pg_catalog;
SELECT count(*) FROM pg_class WHERE relname = 'lost';
RESET search_path;
-- ALTER SCHEMA
ALTER SCHEMA app RENAME TO store;
ALTER SCHEMA app RENAME TO store;
ALTER SCHEMA store RENAME TO owned;
ALTER SCHEMA store RENAME TO pg_store;
ALTER SCHEMA store OWNER TO nobody;
ALTER SCHEMA store OWNER TO postgres;
SELECT count(*) FROM store.items;
SELECT nspname FROM pg_namespace WHERE nspname IN ('app', 'store') ORDER BY 1;
-- DROP SCHEMA
DROP SCHEMA nosuch;
DROP SCHEMA IF EXISTS nosuch;
DROP SCHEMA store;
DROP SCHEMA store RESTRICT;
CREATE TABLE public.refs (item_id int REFERENCES store.items);
DROP SCHEMA store CASCADE;
SELECT count(*) FROM pg_constraint WHERE conrelid = 'refs'::regclass;
SELECT count(*) FROM pg_class WHERE relname IN ('items_id_seq', 'tags_tag_idx', 'notes');
DROP SCHEMA owned, postgres;
DROP SCHEMA IF EXISTS owned, nosuch;
DROP TABLE public.items, refs;
