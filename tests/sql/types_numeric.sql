-- Numeric types as key and data columns: smallint/integer/bigint ranges and overflow (22003),
-- invalid input (22P02), numeric(p,s) rounding and overflow, real/double precision output,
-- integer division and modulo, division by zero (22012), casts between them.
CREATE TABLE ints (s SMALLINT, i INTEGER, b BIGINT);
INSERT INTO ints VALUES (32767, 2147483647, 9223372036854775807);
INSERT INTO ints VALUES (-32768, -2147483648, -9223372036854775808);
INSERT INTO ints VALUES (32768, 0, 0);
INSERT INTO ints VALUES (0, 2147483648, 0);
INSERT INTO ints VALUES (0, 0, 9223372036854775808);
INSERT INTO ints VALUES (0, -2147483649, 0);
INSERT INTO ints VALUES ('12', ' 34 ', '-56');
INSERT INTO ints VALUES ('1.5', 0, 0);
INSERT INTO ints VALUES (0, 'abc', 0);
INSERT INTO ints VALUES (0, '', 0);
-- numeric literals are rounded when assigned to integer columns
INSERT INTO ints VALUES (1.5, 2.5, -2.5);
SELECT * FROM ints ORDER BY b;
-- arithmetic overflow
SELECT 2147483647 + 1;
SELECT 2147483647::bigint + 1;
SELECT (-32768)::smallint * -1::smallint;
SELECT 9223372036854775807 + 1;
SELECT -2147483648 / -1;
SELECT 7 / 2 AS int_div, -7 / 2 AS neg_div, 7 % 3 AS modulo, -7 % 3 AS neg_mod, 7.0 / 2 AS num_div;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 5 % 0;
-- numeric(p, s): rounding half away from zero, and overflow of the integer part
CREATE TABLE money (amount NUMERIC(6, 2), rate NUMERIC(3, 3), plain NUMERIC);
INSERT INTO money VALUES (1234.567, 0.1234, 1.10);
INSERT INTO money VALUES (-0.005, 0.0005, 100);
INSERT INTO money VALUES (0.004, -0.9995, 1e3);
INSERT INTO money VALUES (9999.994, 0, 0.000001);
INSERT INTO money VALUES (9999.995, 0, 0);
INSERT INTO money VALUES (10000, 0, 0);
INSERT INTO money VALUES (0, 1, 0);
SELECT * FROM money ORDER BY amount;
SELECT 0.1 + 0.2 AS exact, 1.0 / 3 AS third, 2.0 / 3 AS two_thirds, 10::numeric / 4 AS quarter;
SELECT round(2.5) AS r1, round(-2.5) AS r2, round(2.345, 2) AS r3, trunc(2.789, 1) AS t1;
SELECT 123.4500::numeric AS keeps_scale, 123.4500::numeric(10, 1) AS rounded, 1e-3::numeric AS small;
SELECT CAST('12.345' AS NUMERIC(4, 2));
SELECT CAST('123.45' AS NUMERIC(4, 2));
SELECT 'NaN'::numeric AS nan, ' 12.50 '::numeric AS padded;
SELECT 'abc'::numeric;
-- PostgreSQL 15 allows a scale larger than the precision
CREATE TABLE small_numeric (n NUMERIC(2, 3));
INSERT INTO small_numeric VALUES (0.012), (0.0994);
INSERT INTO small_numeric VALUES (0.1);
SELECT n FROM small_numeric ORDER BY n;
CREATE TABLE bad_numeric (n NUMERIC(0));
-- numeric keys compare by value, not by scale
CREATE TABLE prices (p NUMERIC PRIMARY KEY);
INSERT INTO prices VALUES (1.5), (2);
INSERT INTO prices VALUES (1.50);
INSERT INTO prices VALUES (2.000);
SELECT p FROM prices ORDER BY p;
-- real and double precision
SELECT 1.5::real AS r, 0.1::double precision AS d, 1e10::real AS big_r, 1.23456789012345678::double precision AS d17;
SELECT 1::real / 3 AS r3, 1::double precision / 3 AS d3, 100000000::real AS r8;
SELECT 'Infinity'::float8, '-Infinity'::float8, 'NaN'::float8, -0.0::float8 AS neg_zero;
SELECT 1e308::float8 * 10;
SELECT 3.7::integer AS round_up, -3.7::integer AS round_neg, 2.5::float8::integer AS half_even,
       3.5::float8::integer AS half_even2, 2.5::numeric::integer AS half_away;
SELECT 1e400::float8;
SELECT 1e40::real;
-- integer / numeric / float in comparisons and sums
CREATE TABLE mixed (id SERIAL PRIMARY KEY, i INTEGER, n NUMERIC(8, 3), f DOUBLE PRECISION);
INSERT INTO mixed (i, n, f) VALUES (1, 1.125, 0.5), (2, 2.25, 0.25), (3, NULL, 0.125), (NULL, 3.5, NULL);
SELECT sum(i) AS si, sum(n) AS sn, sum(f) AS sf, avg(i) AS ai, avg(n) AS an, avg(f) AS af FROM mixed;
SELECT pg_typeof(sum(i)) AS t_si, pg_typeof(sum(n)) AS t_sn, pg_typeof(avg(i)) AS t_ai, pg_typeof(count(*)) AS t_c FROM mixed;
SELECT id, i * n AS product, i + f AS total FROM mixed ORDER BY id;
SELECT id FROM mixed WHERE n = 2.250 ORDER BY id;
SELECT id FROM mixed WHERE i = 1.0 OR f = 0.125 ORDER BY id;
SELECT abs(-5) AS a, mod(17, 5) AS m, power(2, 10) AS p, sqrt(16) AS s, greatest(1, 5, 3) AS g, least(4, 2) AS l;
SELECT 5::smallint + 5::smallint AS smallint_sum, pg_typeof(5::smallint + 5::smallint) AS t;
