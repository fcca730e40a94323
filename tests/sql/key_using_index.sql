-- ALTER TABLE ADD PRIMARY KEY / UNIQUE USING INDEX: which indexes qualify, renaming, NOT NULL, deferrability
CREATE TABLE cwi (a int, b varchar(10), c char(1));
INSERT INTO cwi VALUES (1, 'a'), (2, 'b');
CREATE UNIQUE INDEX cwi_u ON cwi (a, b);
CREATE UNIQUE INDEX cwi_u2 ON cwi (b, a);
CREATE INDEX cwi_nu ON cwi (a);
CREATE UNIQUE INDEX cwi_desc ON cwi (a DESC);
CREATE UNIQUE INDEX cwi_nf ON cwi (a NULLS FIRST);
CREATE UNIQUE INDEX cwi_expr ON cwi ((a + 1));
CREATE UNIQUE INDEX cwi_part ON cwi (a) WHERE a > 0;
CREATE UNIQUE INDEX cwi_hash ON cwi USING hash (a);
ALTER TABLE cwi ADD PRIMARY KEY USING INDEX cwi_u;
\d cwi
\d cwi_u
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_u;
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_nu;
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_desc;
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_nf;
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_expr;
ALTER TABLE cwi ADD UNIQUE USING INDEX cwi_part;
ALTER TABLE cwi ADD UNIQUE USING INDEX nosuch;
ALTER TABLE cwi ADD PRIMARY KEY USING INDEX cwi_u2;
ALTER TABLE cwi DROP CONSTRAINT cwi_u, ADD CONSTRAINT cwi_repl PRIMARY KEY USING INDEX cwi_u2;
\d cwi
DROP INDEX cwi_repl;
CREATE TABLE other (a int);
CREATE UNIQUE INDEX other_a ON other (a);
ALTER TABLE cwi ADD UNIQUE USING INDEX other_a;
ALTER TABLE cwi ADD CONSTRAINT named_u UNIQUE USING INDEX cwi_desc DEFERRABLE INITIALLY DEFERRED;
CREATE UNIQUE INDEX cwi_c ON cwi (c);
INSERT INTO cwi VALUES (3, 'c', NULL);
ALTER TABLE cwi ADD PRIMARY KEY USING INDEX cwi_c;
ALTER TABLE cwi ADD CONSTRAINT cwi_c_u UNIQUE USING INDEX cwi_c DEFERRABLE;
SELECT conname, contype, condeferrable, condeferred, conindid::regclass FROM pg_constraint WHERE conrelid = 'cwi'::regclass ORDER BY 1;
CREATE TABLE cwp (a int) PARTITION BY RANGE (a);
CREATE UNIQUE INDEX cwp_a ON cwp (a);
ALTER TABLE cwp ADD PRIMARY KEY USING INDEX cwp_a;
CREATE TABLE cwx (a int, b int);
CREATE UNIQUE INDEX cwx_ab ON cwx (a) INCLUDE (b);
ALTER TABLE cwx ADD UNIQUE USING INDEX cwx_ab;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cwx'::regclass;
CREATE UNIQUE INDEX cwx_nnd ON cwx (b) NULLS NOT DISTINCT;
ALTER TABLE cwx ADD UNIQUE USING INDEX cwx_nnd;
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'cwx'::regclass;
CREATE TABLE cwt (a int, CONSTRAINT k UNIQUE USING INDEX cwi_c);
ALTER TABLE cwi DROP CONSTRAINT cwi_c_u;
SELECT relname FROM pg_class WHERE relname LIKE 'cwi_c%';
