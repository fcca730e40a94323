-- Statement atomicity: a failing statement leaves nothing behind, whether it is a multi-row
-- INSERT, an UPDATE that fails half-way, INSERT ... SELECT, a DELETE whose cascade fails, or a
-- statement inside a transaction block (where the block then has to be rolled back).
CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent ON DELETE CASCADE,
  qty INTEGER CHECK (qty >= 0));
CREATE TABLE audit (child_id INTEGER REFERENCES child ON DELETE RESTRICT);
INSERT INTO parent VALUES (1, 'one'), (2, 'two'), (3, 'three');
INSERT INTO child VALUES (10, 1, 5), (11, 1, 6), (20, 2, 7), (30, 3, 8);
-- multi-row INSERT: the last row fails, the first rows are not kept
INSERT INTO parent VALUES (4, 'four'), (5, 'five'), (6, NULL);
SELECT count(*) FROM parent;
INSERT INTO child VALUES (40, 1, 1), (41, 2, 1), (42, 99, 1);
SELECT count(*) FROM child;
-- UPDATE failing on a later row leaves the earlier rows unchanged
UPDATE child SET qty = qty - 6;
SELECT id, qty FROM child ORDER BY id;
UPDATE child SET id = id + 1;
SELECT id FROM child ORDER BY id;
-- INSERT ... SELECT failing on one of the selected rows
CREATE TABLE archive (id INTEGER PRIMARY KEY, qty INTEGER CHECK (qty > 5));
INSERT INTO archive SELECT id, qty FROM child ORDER BY id;
SELECT count(*) FROM archive;
INSERT INTO archive SELECT id, qty FROM child WHERE qty > 5 ORDER BY id;
SELECT * FROM archive ORDER BY id;
-- DELETE whose cascade reaches a RESTRICT: the parent, the cascaded children, everything stays
INSERT INTO audit VALUES (11);
DELETE FROM parent WHERE id = 1;
SELECT (SELECT count(*) FROM parent) AS parents, (SELECT count(*) FROM child) AS children;
-- a DELETE of several parents where only one of them is blocked
DELETE FROM parent;
SELECT id FROM parent ORDER BY id;
SELECT id FROM child ORDER BY id;
-- after removing the blocker the same DELETE succeeds
DELETE FROM audit;
DELETE FROM parent WHERE id IN (1, 2);
SELECT (SELECT count(*) FROM parent) AS parents, (SELECT count(*) FROM child) AS children;
-- a runtime error in an expression also undoes the whole statement
UPDATE child SET qty = qty / (qty - 8);
SELECT id, qty FROM child ORDER BY id;
INSERT INTO parent SELECT 100 / (3 - n), 'p' || n FROM (VALUES (1), (2), (3)) AS v(n);
SELECT count(*) FROM parent;
-- inside a block: the failing statement is undone and the block is aborted
BEGIN;
INSERT INTO parent VALUES (7, 'seven');
INSERT INTO parent VALUES (8, 'eight'), (7, 'again');
SELECT count(*) FROM parent;
ROLLBACK;
SELECT id FROM parent ORDER BY id;
-- with a savepoint around it, the work before the failing statement survives
BEGIN;
INSERT INTO parent VALUES (7, 'seven');
SAVEPOINT sp;
INSERT INTO parent VALUES (8, 'eight'), (7, 'again');
ROLLBACK TO sp;
INSERT INTO parent VALUES (8, 'eight');
COMMIT;
SELECT id, name FROM parent ORDER BY id;
-- a multi-statement line: each statement is its own transaction
INSERT INTO parent VALUES (9, 'nine'); INSERT INTO parent VALUES (9, 'nine again'); INSERT INTO parent VALUES (10, 'ten');
SELECT id, name FROM parent WHERE id >= 9 ORDER BY id;
