-- Character, boolean, date/time and bytea columns: varchar(n)/char(n) length errors (22001),
-- padding and explicit-cast truncation, boolean input forms, date/timestamp/timestamptz with
-- fixed literals (TimeZone UTC, DateStyle ISO), invalid input, bytea hex and escape input.
CREATE TABLE texts (t TEXT, v VARCHAR(5), c CHAR(3), vn VARCHAR);
INSERT INTO texts VALUES ('anything at all', 'abcde', 'ab', 'unbounded');
INSERT INTO texts VALUES ('x', 'abcdef', 'a', NULL);
INSERT INTO texts VALUES ('x', 'abc', 'abcd', NULL);
-- trailing spaces beyond the limit are cut silently
INSERT INTO texts VALUES ('y', 'abc    ', 'ab     ', '');
-- an explicit cast truncates instead of failing
INSERT INTO texts VALUES ('z', 'abcdefgh'::varchar(5), 'abcdef'::char(3), NULL);
SELECT t, v, c, '[' || c || ']' AS c_concat, length(c) AS c_len, octet_length(c) AS c_bytes, vn IS NULL AS vn_null
FROM texts ORDER BY t;
SELECT 'ab'::char(3) = 'ab '::char(3) AS char_eq, 'ab'::varchar = 'ab '::varchar AS varchar_eq;
-- multibyte characters count as one
INSERT INTO texts VALUES ('u', 'ééééé', 'ñññ', 'ü');
INSERT INTO texts VALUES ('u', 'éééééé', 'ñ', 'ü');
SELECT v, length(v) AS chars, octet_length(v) AS bytes FROM texts WHERE t = 'u';
CREATE TABLE bad_len (v VARCHAR(0));
-- string functions and operators used by the seeds' queries
SELECT upper('shop') AS u, lower('FLOW') AS l, length('keys') AS len, 'a' || 'b' || NULL AS null_concat,
       concat('a', NULL, 'b') AS concat_skips_null, substr('relational', 1, 3) AS sub, trim('  x  ') AS trimmed,
       replace('a-b-c', '-', '+') AS repl, position('l' IN 'hello') AS pos, left('abcdef', 2) AS lft;
SELECT 'O''Reilly' AS quoted, E'tab\there' AS escaped, $$dollar 'quoted'$$ AS dollar;
SELECT 'abc' LIKE 'a%' AS l1, 'abc' LIKE '_b_' AS l2, 'ABC' ILIKE 'a%' AS l3, 'abc' NOT LIKE '%d' AS l4;
SELECT 'a' < 'b' AS lt, 'Z' < 'a' AS c_collation, 'abc' > 'ab' AS longer;
-- boolean
CREATE TABLE flags (id INTEGER PRIMARY KEY, f BOOLEAN NOT NULL DEFAULT false);
INSERT INTO flags VALUES (1, true), (2, 'yes'), (3, 'off'), (4, '1'), (5, 'F'), (6, 't'), (7, 'on');
INSERT INTO flags VALUES (8, 'maybe');
INSERT INTO flags VALUES (8, 2);
INSERT INTO flags (id) VALUES (9);
SELECT id, f, NOT f AS negated, f::text AS as_text, f::integer AS as_int FROM flags ORDER BY id;
SELECT count(*) FILTER (WHERE f) AS trues, count(*) FILTER (WHERE NOT f) AS falses FROM flags;
SELECT true AND NULL AS and_null, false AND NULL AS false_and_null, true OR NULL AS or_null, NULL::boolean IS UNKNOWN AS unknown;
-- date
CREATE TABLE events (id INTEGER PRIMARY KEY, d DATE, ts TIMESTAMP, tstz TIMESTAMPTZ);
INSERT INTO events VALUES (1, '2024-02-29', '2024-02-29 13:45:00', '2024-02-29 13:45:00+00');
INSERT INTO events VALUES (2, '2023-02-29', NULL, NULL);
INSERT INTO events VALUES (2, '2024-13-01', NULL, NULL);
INSERT INTO events VALUES (2, 'yesterdayish', NULL, NULL);
INSERT INTO events VALUES (2, '03/04/2024', '2024-03-04 08:00:00.123456', '2024-03-04 08:00:00-05');
INSERT INTO events VALUES (3, 'March 5, 2024', '2024-03-05T23:59:59', '2024-03-05 23:59:59.5+02:30');
INSERT INTO events VALUES (4, '1999-12-31', '1999-12-31 23:59:59.9999999', '2000-01-01 00:00:00 UTC');
INSERT INTO events VALUES (5, '2024-01-01', '2024-01-01 25:00:00', NULL);
INSERT INTO events VALUES (5, '0001-01-01', '2000-01-01 00:00:00', '2024-07-01 12:00:00 America/New_York');
SELECT * FROM events ORDER BY id;
SELECT id, d + 1 AS next_day, d - DATE '2024-01-01' AS days_since, ts + INTERVAL '1 hour' AS later,
       date_trunc('month', ts) AS month_start, extract(year FROM d) AS yr
FROM events ORDER BY id;
SELECT ts::date AS just_date, tstz::timestamp AS utc_wall_clock, d::timestamp AS midnight FROM events ORDER BY id;
SELECT id FROM events WHERE d BETWEEN '2024-01-01' AND '2024-03-31' ORDER BY id;
SELECT DATE '2024-03-01' - DATE '2024-02-01' AS feb_days, TIMESTAMP '2024-03-10 12:00' - TIMESTAMP '2024-03-09 06:30' AS diff;
SELECT '2024-06-01 12:00:00+00'::timestamptz = '2024-06-01 14:00:00+02'::timestamptz AS same_instant;
SELECT 'infinity'::date AS inf, '-infinity'::timestamp AS neg_inf, 'epoch'::timestamp AS epoch;
-- bytea: hex output, hex and escape input
CREATE TABLE blobs (id INTEGER PRIMARY KEY, b BYTEA);
INSERT INTO blobs VALUES (1, '\xdeadbeef'), (2, 'abc'), (3, '\000\001\377'), (4, ''), (5, NULL);
INSERT INTO blobs VALUES (6, '\xabc');
INSERT INTO blobs VALUES (6, '\xzz');
SELECT id, b, length(b) AS len FROM blobs ORDER BY id;
SELECT id FROM blobs WHERE b = '\x616263' ORDER BY id;
SELECT '\x0102'::bytea || '\x03'::bytea AS joined, md5('abc') AS md5_text;
