-- Transaction blocks: BEGIN/COMMIT/ROLLBACK, START TRANSACTION/END/ABORT, SAVEPOINT,
-- ROLLBACK TO SAVEPOINT, RELEASE SAVEPOINT, errors inside a block (25P02 until ROLLBACK),
-- COMMIT of a failed block (rolls back; with -q psql prints no tag), warnings outside a block.
CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT NOT NULL, balance NUMERIC(10, 2) NOT NULL CHECK (balance >= 0));
INSERT INTO accounts VALUES (1, 'ann', 100), (2, 'bob', 50);
-- a committed transfer
BEGIN;
UPDATE accounts SET balance = balance - 30 WHERE id = 1;
UPDATE accounts SET balance = balance + 30 WHERE id = 2;
COMMIT;
SELECT * FROM accounts ORDER BY id;
-- a rolled-back transfer
BEGIN;
UPDATE accounts SET balance = balance - 10 WHERE id = 1;
SELECT balance FROM accounts WHERE id = 1;
ROLLBACK;
SELECT balance FROM accounts WHERE id = 1;
-- an error aborts the block: every later statement fails with 25P02 until the block ends
BEGIN;
UPDATE accounts SET balance = balance + 500 WHERE id = 2;
UPDATE accounts SET balance = balance - 500 WHERE id = 1;
SELECT * FROM accounts;
INSERT INTO accounts VALUES (3, 'cat', 0);
COMMIT;
SELECT * FROM accounts ORDER BY id;
-- ROLLBACK of an aborted block is silent
BEGIN;
SELECT 1 / 0;
SELECT 1;
ROLLBACK;
-- savepoints: undo part of a transaction
BEGIN;
INSERT INTO accounts VALUES (3, 'cat', 10);
SAVEPOINT before_dog;
INSERT INTO accounts VALUES (4, 'dog', 20);
SELECT count(*) FROM accounts;
ROLLBACK TO SAVEPOINT before_dog;
SELECT count(*) FROM accounts;
INSERT INTO accounts VALUES (5, 'eel', 5);
COMMIT;
SELECT * FROM accounts ORDER BY id;
-- ROLLBACK TO recovers from an error inside the block
BEGIN;
SAVEPOINT s1;
INSERT INTO accounts VALUES (1, 'duplicate', 1);
SELECT count(*) FROM accounts;
ROLLBACK TO s1;
SELECT count(*) FROM accounts;
INSERT INTO accounts VALUES (6, 'fox', 6);
COMMIT;
SELECT id, owner FROM accounts ORDER BY id;
-- nested savepoints, RELEASE, and reusing a savepoint name
BEGIN;
SAVEPOINT a;
UPDATE accounts SET balance = 1 WHERE id = 6;
SAVEPOINT b;
UPDATE accounts SET balance = 2 WHERE id = 6;
SAVEPOINT a;
UPDATE accounts SET balance = 3 WHERE id = 6;
ROLLBACK TO a;
SELECT balance FROM accounts WHERE id = 6;
RELEASE b;
ROLLBACK TO b;
ROLLBACK;
SELECT balance FROM accounts WHERE id = 6;
BEGIN;
SAVEPOINT x;
UPDATE accounts SET balance = 60 WHERE id = 6;
RELEASE SAVEPOINT x;
ROLLBACK TO x;
ROLLBACK;
BEGIN;
SAVEPOINT x;
UPDATE accounts SET balance = 61 WHERE id = 6;
RELEASE SAVEPOINT x;
COMMIT;
SELECT balance FROM accounts WHERE id = 6;
-- savepoints need a transaction block
SAVEPOINT outside;
ROLLBACK TO SAVEPOINT outside;
RELEASE SAVEPOINT outside;
-- COMMIT and ROLLBACK outside a block only warn
COMMIT;
ROLLBACK;
END;
ABORT;
-- BEGIN inside a block warns and changes nothing
BEGIN;
BEGIN;
INSERT INTO accounts VALUES (7, 'gnu', 7);
COMMIT;
SELECT count(*) FROM accounts WHERE id = 7;
-- alternative spellings
START TRANSACTION;
DELETE FROM accounts WHERE id = 7;
ABORT;
BEGIN WORK;
DELETE FROM accounts WHERE id = 7;
END;
BEGIN TRANSACTION;
SELECT count(*) FROM accounts WHERE id = 7;
COMMIT WORK;
-- DDL is transactional too
BEGIN;
CREATE TABLE temp_stuff (x INTEGER PRIMARY KEY);
INSERT INTO temp_stuff VALUES (1);
ROLLBACK;
SELECT * FROM temp_stuff;
BEGIN;
DROP TABLE accounts;
ROLLBACK;
SELECT count(*) FROM accounts;
-- an error in the middle of a block discards earlier work at COMMIT
BEGIN;
DELETE FROM accounts WHERE id = 6;
SELECT no_such_column FROM accounts;
COMMIT;
SELECT count(*) FROM accounts WHERE id = 6;
