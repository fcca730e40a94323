-- Foreign keys of one table are checked in the order the statement wrote them
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE p2 (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE cf (a int, b int, FOREIGN KEY (a, b) REFERENCES p2 MATCH FULL, pid int REFERENCES p);
INSERT INTO cf VALUES (1, NULL, 9);
CREATE TABLE cg (pid int REFERENCES p, a int, b int, FOREIGN KEY (a, b) REFERENCES p2 MATCH FULL);
INSERT INTO cg VALUES (9, 1, NULL);
CREATE TABLE ch (x int CHECK (x > 0), CHECK (x < 10), y int CHECK (y > x));
INSERT INTO ch VALUES (-1, -5);
INSERT INTO ch VALUES (20, 1);
SELECT conname FROM pg_constraint WHERE conrelid = 'ch'::regclass ORDER BY oid;
SELECT conname FROM pg_constraint WHERE conrelid = 'cf'::regclass ORDER BY oid;
