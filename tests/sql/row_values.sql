-- Row values: ROW(...) and (a, b) are records, printed and compared as PostgreSQL does
CREATE TABLE r (k text, n int);
INSERT INTO r VALUES (('x', 80));
SELECT ROW(1, 'a b', NULL, '', 'q"\') AS r1, (1, 2) AS r2;
SELECT (1, 2) = (1, 2) AS eq, ROW(1, NULL) IS NULL AS n1, ROW(NULL, NULL) IS NULL AS n2;
SELECT DISTINCT (n, k) FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) v(n, k) ORDER BY 1;
SELECT ROW(1,2)::text;
SELECT * FROM r;
SELECT (SELECT ROW(n, k) FROM r) AS sub;
