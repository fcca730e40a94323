-- WITH [LOCAL | CASCADED] CHECK OPTION on automatically updatable views: rows written through
-- the view must satisfy its WHERE (a NULL result fails too), checked after the row's own
-- constraints and unique keys, with PostgreSQL's 44000 error and the base table's failing row;
-- how the option is given (clause or WITH (check_option = …)), stored and shown in reloptions,
-- and what is refused.
CREATE TABLE accounts (id int PRIMARY KEY, owner text, balance numeric NOT NULL DEFAULT 0 CHECK (balance > -1000), region text DEFAULT 'eu');
CREATE VIEW positive_accounts AS SELECT id, owner, balance FROM accounts WHERE balance >= 0 WITH CHECK OPTION;
CREATE VIEW eu_accounts WITH (check_option = local) AS SELECT * FROM accounts WHERE region = 'eu';
CREATE VIEW named_accounts WITH (security_barrier, check_option = cascaded) AS SELECT * FROM accounts WHERE owner <> 'nobody';
CREATE VIEW local_accounts AS SELECT id, owner, region FROM accounts WHERE region IN ('eu', 'us') WITH LOCAL CHECK OPTION;
CREATE VIEW cascaded_accounts AS SELECT id, region FROM accounts WHERE id < 100 WITH CASCADED CHECK OPTION;
CREATE VIEW all_accounts AS SELECT * FROM accounts WITH CHECK OPTION;
SELECT relname, reloptions FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace ORDER BY relname;
SELECT table_name, check_option, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1;

-- what passes and what does not
INSERT INTO positive_accounts VALUES (1, 'ann', 10);
INSERT INTO positive_accounts VALUES (2, 'bob', -5);
INSERT INTO positive_accounts (id, owner) VALUES (3, 'cy');
INSERT INTO positive_accounts VALUES (4, 'dee', 1), (5, 'eve', -1);
INSERT INTO eu_accounts VALUES (6, 'fay', 5, 'us');
INSERT INTO eu_accounts VALUES (7, 'gil', 5, NULL);
INSERT INTO eu_accounts (id, owner) VALUES (8, 'hal');
INSERT INTO named_accounts (id, owner) VALUES (9, NULL);
INSERT INTO named_accounts (id, owner) VALUES (10, 'nobody');
INSERT INTO named_accounts (id, owner) VALUES (11, 'ian');
INSERT INTO local_accounts VALUES (12, 'jo', 'us'), (13, 'kim', 'asia');
INSERT INTO cascaded_accounts VALUES (100, 'eu');
INSERT INTO all_accounts VALUES (14, NULL, 0, NULL);
SELECT * FROM accounts ORDER BY id;

-- the row's own errors come first: NOT NULL, CHECK, unique keys
INSERT INTO positive_accounts VALUES (20, 'x', NULL);
INSERT INTO positive_accounts VALUES (21, 'x', -2000);
INSERT INTO positive_accounts VALUES (1, 'again', -3);
INSERT INTO eu_accounts VALUES (1, 'again', 0, 'us');

-- UPDATE: the new row version is checked; rows moving out of the view are refused
UPDATE positive_accounts SET balance = balance - 20 WHERE id = 1;
UPDATE positive_accounts SET balance = balance - 5 WHERE id = 1 RETURNING *;
UPDATE eu_accounts SET region = 'us' WHERE id = 8;
UPDATE eu_accounts SET region = NULL WHERE id = 8;
UPDATE eu_accounts SET owner = upper(owner) WHERE region = 'eu' RETURNING id, owner;
UPDATE local_accounts SET region = 'asia' WHERE id = 12;
UPDATE local_accounts SET region = 'eu' WHERE id = 12;
DELETE FROM positive_accounts WHERE id = 4;
SELECT * FROM accounts ORDER BY id;

-- a BEFORE trigger's change is what is checked
CREATE FUNCTION overdraw() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.owner = 'overdraw' THEN NEW.balance := -1; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER accounts_overdraw BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION overdraw();
INSERT INTO positive_accounts VALUES (30, 'overdraw', 50);
UPDATE positive_accounts SET owner = 'overdraw' WHERE id = 3;
INSERT INTO accounts VALUES (31, 'overdraw', 50);
SELECT * FROM accounts WHERE id >= 30 ORDER BY id;
DROP TRIGGER accounts_overdraw ON accounts;

-- inside a transaction the failed statement changes nothing
BEGIN;
INSERT INTO positive_accounts VALUES (40, 'lou', 1), (41, 'max', 2);
SAVEPOINT s;
INSERT INTO positive_accounts VALUES (42, 'ned', 3), (43, 'ola', -3);
ROLLBACK TO SAVEPOINT s;
SELECT id FROM accounts WHERE id >= 40 ORDER BY id;
COMMIT;

-- a view over a partitioned table
CREATE TABLE readings (sensor int, at int, value int) PARTITION BY RANGE (at);
CREATE TABLE readings_early PARTITION OF readings FOR VALUES FROM (0) TO (100);
CREATE TABLE readings_late PARTITION OF readings FOR VALUES FROM (100) TO (200);
CREATE VIEW recent_readings AS SELECT sensor, at, value FROM readings WHERE at >= 50 WITH CHECK OPTION;
INSERT INTO recent_readings VALUES (1, 60, 7), (1, 150, 8);
INSERT INTO recent_readings VALUES (2, 10, 9);
UPDATE recent_readings SET at = at - 100 WHERE at = 150;
UPDATE recent_readings SET at = at + 100 WHERE at = 60;
SELECT tableoid::regclass, * FROM readings ORDER BY at;

-- what is refused when the view is made
CREATE VIEW bad1 AS SELECT DISTINCT region FROM accounts WITH CHECK OPTION;
CREATE VIEW bad2 WITH (check_option = local) AS SELECT region, count(*) FROM accounts GROUP BY region;
CREATE VIEW bad3 AS SELECT a.id FROM accounts a JOIN accounts b USING (id) WITH LOCAL CHECK OPTION;
CREATE VIEW bad4 WITH (check_option = sideways) AS SELECT * FROM accounts;
CREATE VIEW bad5 WITH (check_option = local, check_option = cascaded) AS SELECT * FROM accounts;
CREATE VIEW bad6 WITH (check_option = local) AS SELECT * FROM accounts WITH CASCADED CHECK OPTION;
CREATE VIEW bad7 WITH (security_barrier = perhaps) AS SELECT * FROM accounts;
CREATE VIEW bad8 WITH (fillfactor = 50) AS SELECT * FROM accounts;
CREATE VIEW fine_without_check AS SELECT region, count(*) FROM accounts GROUP BY region;

-- OR REPLACE sets the options anew
CREATE OR REPLACE VIEW positive_accounts AS SELECT id, owner, balance FROM accounts WHERE balance >= 0;
INSERT INTO positive_accounts VALUES (50, 'pat', -50);
CREATE OR REPLACE VIEW eu_accounts AS SELECT * FROM accounts WHERE region = 'eu' WITH CASCADED CHECK OPTION;
SELECT relname, reloptions FROM pg_class WHERE relname IN ('positive_accounts', 'eu_accounts') ORDER BY relname;
INSERT INTO eu_accounts VALUES (51, 'quinn', 0, 'us');
SELECT id, owner, balance, region FROM accounts WHERE id >= 50 ORDER BY id;

-- INSERT … ON CONFLICT through the view: the inserted and the updated row are both checked
CREATE TABLE tags (id int PRIMARY KEY, label text);
CREATE VIEW good_tags AS SELECT id, label FROM tags WHERE label <> 'bad' WITH CHECK OPTION;
INSERT INTO good_tags VALUES (1, 'ok') ON CONFLICT (id) DO UPDATE SET label = excluded.label;
INSERT INTO good_tags VALUES (1, 'bad') ON CONFLICT (id) DO UPDATE SET label = excluded.label;
INSERT INTO good_tags VALUES (2, 'bad') ON CONFLICT (id) DO NOTHING;
INSERT INTO good_tags VALUES (1, 'x') ON CONFLICT (id) DO NOTHING;
SELECT * FROM tags ORDER BY id;
