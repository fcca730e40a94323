-- the tableoid system column in queries and CHECK constraints; other system columns in CHECK
-- constraints, and any system column in a foreign key, are errors
CREATE TABLE sys_t (a int, b text, CHECK (tableoid::regclass::text = 'sys_t'));
INSERT INTO sys_t VALUES (1, 'x');
SELECT tableoid::regclass, sys_t.tableoid = 'sys_t'::regclass, a FROM sys_t;
SELECT count(*) FROM sys_t s WHERE s.tableoid = 'sys_t'::regclass;
SELECT * FROM sys_t;
CREATE TABLE sys_u (a int);
INSERT INTO sys_u VALUES (1);
SELECT tableoid FROM sys_t, sys_u;
SELECT sys_u.tableoid::regclass, sys_t.tableoid::regclass FROM sys_t JOIN sys_u USING (a);
SELECT (SELECT t.tableoid::regclass FROM sys_u) FROM sys_t t;
CREATE TABLE sys_bad (a int, CHECK (ctid::text <> ''));
CREATE TABLE sys_bad (a int, CHECK (xmin::text <> ''));
DROP TABLE sys_t, sys_u;
-- system columns cannot be foreign key columns, on either side
CREATE TABLE sys_pk (a int PRIMARY KEY);
CREATE TABLE sys_fk (x int, FOREIGN KEY (tableoid) REFERENCES sys_pk(a));
CREATE TABLE sys_fk (x oid, FOREIGN KEY (x) REFERENCES sys_pk(tableoid));
CREATE TABLE sys_fk (x int, FOREIGN KEY (ctid) REFERENCES sys_pk(a));
DROP TABLE sys_pk;
-- a CHECK on tableoid alone is named after it; with another column it is not
CREATE TABLE ckn (a int, CHECK (tableoid::regclass::text <> 'x'), CHECK (a > 0 AND tableoid <> 0), CHECK (a > 1 AND ckn.tableoid <> 0));
SELECT conname FROM pg_constraint WHERE conrelid = 'ckn'::regclass ORDER BY conname;
DROP TABLE ckn;
