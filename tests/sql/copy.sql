-- COPY FROM STDIN / TO STDOUT in text and CSV format, errors, and the all-or-nothing rule.
CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, qty int CHECK (qty >= 0), note varchar(5) DEFAULT 'none');

-- text format: tab separated, \N is NULL, backslash escapes
COPY items (name, qty, note) FROM stdin;
apple	3	red
pear	\N	\N
tab\there	0	a\\b
octal\101\x42	7	\,
\.
SELECT * FROM items ORDER BY id;
COPY items TO stdout;
COPY items (note, name) TO stdout;

-- omitted columns take their defaults
COPY items (name) FROM stdin;
plum
\.
SELECT id, name, qty, note FROM items WHERE name = 'plum';

-- errors: nothing of the failing COPY remains
COPY items (name, qty) FROM stdin;
kiwi	1
fig	1	extra
\.
COPY items (name, qty) FROM stdin;
kiwi	1
fig
\.
COPY items (name, qty) FROM stdin;
kiwi	abc
\.
COPY items (name, qty) FROM stdin;
kiwi	1
\N	2
\.
COPY items (name, qty) FROM stdin;
kiwi	-1
\.
COPY items (id, name) FROM stdin;
1	dup
\.
COPY items (name, note) FROM stdin;
kiwi	toolong
\.
COPY items (name) FROM stdin;
bad\.marker
\.
SELECT count(*) FROM items;

-- CSV
CREATE TABLE people (id int, name text, city text);
COPY people FROM stdin WITH (FORMAT csv, HEADER true);
id,name,city
1,"Smith, John",Paris
2,,""
3,"say ""hi""","multi
line"
\.
SELECT id, name, city, name IS NULL AS name_null, city IS NULL AS city_null FROM people ORDER BY id;
COPY people TO stdout WITH CSV HEADER;
COPY people TO stdout (FORMAT csv, FORCE_QUOTE *);
COPY people TO stdout (FORMAT csv, DELIMITER ';', NULL 'NULL', FORCE_QUOTE (city));
COPY people FROM stdin CSV NULL 'NULL' FORCE NOT NULL city;
4,NULL,NULL
\.
COPY people FROM stdin (FORMAT csv, FORCE_NULL (name));
5,"",x
\.
SELECT id, name IS NULL AS name_null, city, city IS NULL AS city_null FROM people WHERE id >= 4 ORDER BY id;
COPY people FROM stdin (FORMAT csv, QUOTE '''', ESCAPE '\');
6,'it\'s',x
\.
COPY people FROM stdin WITH DELIMITER '|' NULL '';
7|pipe|
\.
SELECT * FROM people WHERE id >= 6 ORDER BY id;
COPY people FROM stdin CSV;
8,"unterminated
\.
COPY people FROM stdin (FORMAT text, HEADER match);
id	name	city
9	matched	x
\.
COPY people FROM stdin (FORMAT text, HEADER match);
id	nom	city
10	x	x
\.
COPY people FROM stdin WHERE id > 100;
11	skipped	x
101	kept	x
\.
SELECT * FROM people WHERE id > 8 ORDER BY id;

-- query output
COPY (SELECT id, name FROM people WHERE id < 3 ORDER BY id) TO stdout;
COPY (VALUES (1, E'a\tb', NULL::text, true)) TO stdout;
COPY (SELECT 'x' AS "a b") TO stdout (FORMAT csv, HEADER);

-- option and name errors (checked before any data is read)
COPY people TO stdout (FORMAT xml);
COPY people TO stdout (FORMAT csv, DELIMITER ',', DELIMITER ';');
COPY people TO stdout (bogus 1);
COPY people TO stdout (DELIMITER 'ab');
COPY people TO stdout (QUOTE '"');
COPY people TO stdout (FORMAT csv, NULL ',');
COPY people FROM stdin (FORMAT csv, FORCE_QUOTE (id));
COPY people TO stdout (FORCE_NOT_NULL (id));
COPY people TO stdout (HEADER match);
COPY people (nope) TO stdout;
COPY people (id, id) TO stdout;
COPY people TO stdout WHERE id > 1;
COPY people TO 'relative/path';
COPY people FROM '/nonexistent/tenon/copy.data';
COPY no_such_table TO stdout;
COPY (SELECT 1) FROM stdin;

-- inside a transaction block, a failed COPY aborts the block
BEGIN;
COPY people (id) FROM stdin;
x
\.
SELECT 1;
ROLLBACK;
SELECT count(*) FROM people;
