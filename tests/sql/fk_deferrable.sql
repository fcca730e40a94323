-- NO ACTION versus RESTRICT, and deferrable constraints: INITIALLY DEFERRED checks at COMMIT,
-- SET CONSTRAINTS, a violation reported by COMMIT (which then rolls back), and the errors for
-- misuse (42601, 42809, 42704).
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE child_deferred (id INTEGER PRIMARY KEY,
  pid INTEGER REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE child_deferrable (id INTEGER PRIMARY KEY,
  pid INTEGER CONSTRAINT child_deferrable_fk REFERENCES parent DEFERRABLE INITIALLY IMMEDIATE);
INSERT INTO parent VALUES (1), (2);
-- outside a transaction block a deferred check runs at the end of the statement's own transaction
INSERT INTO child_deferred VALUES (1, 99);
-- inside a block: the child can come before its parent
BEGIN;
INSERT INTO child_deferred VALUES (1, 3);
INSERT INTO parent VALUES (3);
COMMIT;
SELECT * FROM child_deferred ORDER BY id;
-- the violation is reported by COMMIT, which rolls everything back
BEGIN;
INSERT INTO parent VALUES (4);
INSERT INTO child_deferred VALUES (2, 98);
SELECT count(*) FROM child_deferred;
COMMIT;
SELECT * FROM parent ORDER BY id;
-- deleting a parent and re-inserting it in the same transaction is fine with a deferred NO ACTION
BEGIN;
DELETE FROM parent WHERE id = 3;
INSERT INTO parent VALUES (3);
COMMIT;
-- deleting it for good fails at COMMIT
BEGIN;
DELETE FROM parent WHERE id = 3;
COMMIT;
SELECT * FROM parent ORDER BY id;
-- SET CONSTRAINTS ... DEFERRED on an INITIALLY IMMEDIATE constraint
BEGIN;
INSERT INTO child_deferrable VALUES (1, 50);
ROLLBACK;
BEGIN;
SET CONSTRAINTS child_deferrable_fk DEFERRED;
INSERT INTO child_deferrable VALUES (1, 50);
INSERT INTO parent VALUES (50);
COMMIT;
SELECT * FROM child_deferrable ORDER BY id;
-- SET CONSTRAINTS ALL IMMEDIATE checks what is pending right away
BEGIN;
INSERT INTO child_deferred VALUES (3, 77);
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK;
-- misuse
CREATE TABLE bad (pid INTEGER REFERENCES parent INITIALLY DEFERRED NOT DEFERRABLE);
CREATE TABLE nodefer (id INTEGER PRIMARY KEY, pid INTEGER CONSTRAINT nodefer_fk REFERENCES parent);
BEGIN;
SET CONSTRAINTS nodefer_fk DEFERRED;
ROLLBACK;
BEGIN;
SET CONSTRAINTS no_such_constraint DEFERRED;
ROLLBACK;
-- a deferrable primary key allows swapping keys in one statement
CREATE TABLE slots (n INTEGER PRIMARY KEY DEFERRABLE, label TEXT);
INSERT INTO slots VALUES (1, 'one'), (2, 'two');
UPDATE slots SET n = 3 - n;
SELECT * FROM slots ORDER BY n;
-- a deferred unique violation is reported at COMMIT
CREATE TABLE codes (code TEXT UNIQUE DEFERRABLE INITIALLY DEFERRED);
BEGIN;
INSERT INTO codes VALUES ('a'), ('a');
SELECT count(*) FROM codes;
COMMIT;
SELECT count(*) FROM codes;
-- RESTRICT cannot be deferred: it fires at the end of the statement even inside the block
CREATE TABLE child_restrict (id INTEGER PRIMARY KEY,
  pid INTEGER REFERENCES parent ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED);
INSERT INTO child_restrict VALUES (1, 1);
BEGIN;
DELETE FROM parent WHERE id = 1;
ROLLBACK;
-- while the deferred NO ACTION of child_deferred waits for COMMIT
INSERT INTO child_deferred VALUES (5, 2);
BEGIN;
DELETE FROM parent WHERE id = 2;
INSERT INTO parent VALUES (2);
COMMIT;
SELECT * FROM parent ORDER BY id;
-- SET CONSTRAINTS ... IMMEDIATE also rechecks a deferred unique constraint; the error fails the block
BEGIN;
INSERT INTO codes VALUES ('b'), ('b');
SET CONSTRAINTS codes_code_key IMMEDIATE;
ROLLBACK;
-- a duplicate that is gone again by the end of the statement or by COMMIT is fine
BEGIN;
INSERT INTO codes VALUES ('c'), ('c');
DELETE FROM codes WHERE code = 'c';
INSERT INTO codes VALUES ('c');
COMMIT;
UPDATE slots SET n = n + 1;
SELECT * FROM slots ORDER BY n;
-- ROLLBACK TO SAVEPOINT restores both the pending checks and the SET CONSTRAINTS settings
BEGIN;
INSERT INTO child_deferred VALUES (6, 66);
SAVEPOINT s1;
SET CONSTRAINTS ALL IMMEDIATE;
ROLLBACK TO SAVEPOINT s1;
INSERT INTO child_deferred VALUES (7, 67);
INSERT INTO parent VALUES (66);
SAVEPOINT s2;
DELETE FROM child_deferred WHERE id = 7;
ROLLBACK TO SAVEPOINT s2;
COMMIT;
SELECT * FROM child_deferred ORDER BY id;
BEGIN;
SAVEPOINT s1;
SET CONSTRAINTS child_deferred_pid_fkey IMMEDIATE;
ROLLBACK TO SAVEPOINT s1;
INSERT INTO child_deferred VALUES (8, 88);
INSERT INTO parent VALUES (88);
COMMIT;
SELECT * FROM child_deferred ORDER BY id;
-- a single statement outside a block: its deferred checks run at its own commit
DELETE FROM parent WHERE id = 88;
SELECT * FROM parent ORDER BY id;
-- a deferrable key cannot be referenced; outside a block SET CONSTRAINTS only warns
CREATE TABLE dk (id INTEGER PRIMARY KEY DEFERRABLE, u INTEGER UNIQUE DEFERRABLE);
CREATE TABLE dk_child (id INTEGER REFERENCES dk);
CREATE TABLE dk_child2 (id INTEGER REFERENCES dk (u));
SET CONSTRAINTS ALL DEFERRED;
BEGIN;
SET CONSTRAINTS nosuch.child_deferred_pid_fkey DEFERRED;
ROLLBACK;
