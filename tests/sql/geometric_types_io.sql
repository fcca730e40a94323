-- Geometric types point, lseg, box, path, polygon, line, circle: text input in each accepted
-- syntax, PostgreSQL's 22P02/22003/22023 input errors, output under extra_float_digits, arrays
-- (box arrays use ';'), casts among the types, tables with such columns, and the
-- missing ordering and equality operators (ORDER BY, DISTINCT).
SELECT '(1,2)'::point, ' ( 1.5 , -2e3 ) '::point, '1,2'::point, '(nan, Infinity)'::point, '(-inf,+inf)'::point;
SELECT 'x'::point;
SELECT '(1,2'::point;
SELECT '(1,2)x'::point;
SELECT '(1e400,2)'::point;
SELECT '[(1,2),(3,4)]'::lseg, '(1,2),(3,4)'::lseg, '((1,2),(3,4))'::lseg, '1,2,3,4'::lseg;
SELECT '(1,2),(3,4)'::box, '(3,4),(1,2)'::box, '((0,0),(1,1))'::box, '1,1,0,0'::box, '(1000,1000,0,0)'::box;
SELECT '[(1,2),(3,4)]'::box;
SELECT '[(1,2),(3,4),(5,6)]'::path, '((1,2),(3,4))'::path, '(1,2),(3,4)'::path, '(1,2,3,4)'::path, '[1,2,3,4]'::path;
SELECT '(1,2),(3,4),(5,6)'::path;
SELECT '(1,2),(3,4),(5,6)'::polygon, '((1,2),(3,4))'::polygon, '(1000,0,0,1000)'::polygon, '(0,1000,1000,1000)'::polygon;
SELECT '[(1,2),(3,4)]'::polygon;
SELECT '(1,2,3)'::polygon;
SELECT '{1,2,3}'::line, '[(1,2),(3,4)]'::line, '(0,0),(0,1)'::line, '(0,5),(9,5)'::line;
SELECT '{0,0,1}'::line;
SELECT '(1,1),(1,1)'::line;
SELECT '{1,2}'::line;
SELECT '<(1,2),3>'::circle, '((1,2),3)'::circle, '(1,2),3'::circle, '1,2,3'::circle, '<(1,2),NaN>'::circle;
SELECT '<(1,2),-3>'::circle;
SELECT '<(1,2),3'::circle;
-- output digits
SELECT '(0.1,0.2)'::point, '<(1,2),0.3333333333333333>'::circle, '{0.1,-1,1e-10}'::line;
SET extra_float_digits = 0;
SELECT '(0.1,0.2)'::point, '<(1,2),0.3333333333333333>'::circle, '(0.1,0.2),(0.3,0.7)'::box;
SET extra_float_digits = -3;
SELECT '(3.14159265358979,2.71828182845905)'::point;
RESET extra_float_digits;
SELECT pg_typeof('(1,2)'::point), '(1,2)'::point::text, pg_typeof('(0,0),(1,1)'::box), pg_typeof('<(0,0),1>'::circle);
-- arrays
SELECT array['(1,1),(0,0)'::box, '(2,2),(1,1)'::box], array['(1,1)'::point, NULL, '(2,2)'::point];
SELECT '{(1,1),(0,0);(3,3),(2,2)}'::box[], ('{(1,1),(0,0);(3,3),(2,2)}'::box[])[2];
SELECT '{"(1,2)","(3,4)"}'::point[], '{"<(1,1),1>"}'::circle[];
-- casts (pg_cast): explicit, assignment and missing ones
SELECT '(1,2)'::point::box, '(2,2),(0,0)'::box::polygon, '(2,2),(0,0)'::box::circle, '(2,2),(0,0)'::box::point, '(2,2),(0,0)'::box::lseg;
SELECT '<(0,0),1>'::circle::box, '<(0,0),1>'::circle::point, '((0,0),(1,1))'::path::polygon, '((0,0),(2,0),(1,1))'::polygon::path;
SELECT '((0,0),(2,0),(1,1))'::polygon::box, '((0,0),(2,0),(2,2),(0,2))'::polygon::circle, '((0,0),(2,0),(2,2),(0,2))'::polygon::point, '[(0,0),(2,2)]'::lseg::point;
SELECT '[(0,0),(1,1)]'::path::polygon;
SELECT '(1,2)'::point::circle;
SELECT '(1,2)'::point::text, 'x'::text::point;
-- tables
CREATE TABLE geo_io (id int, p point, l lseg, pa path, b box, po polygon, li line, c circle);
INSERT INTO geo_io VALUES
  (1, '(1,2)', '[(1,2),(3,4)]', '[(0,0),(1,1)]', '(1,1),(0,0)', '((0,0),(1,1),(1,0))', '{1,-1,0}', '<(0,0),1>'),
  (2, '(-1.5,2e10)', '(0,0),(0,0)', '((0,0),(1,1),(2,0))', '(0,0),(1,1)', '(5,5),(6,6),(7,5)', '[(0,0),(1,2)]', '<(1,1),0>'),
  (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT * FROM geo_io ORDER BY id;
INSERT INTO geo_io (id, b) VALUES (4, '(1,2,3)');
INSERT INTO geo_io (id, po) VALUES (4, '(1,1),(2,2),(3,3)'::path);
INSERT INTO geo_io (id, b) VALUES (5, '(7,7)'::point);
SELECT id, b FROM geo_io WHERE id >= 4 ORDER BY id;
UPDATE geo_io SET c = '<(9,9),9>' WHERE id = 1 RETURNING id, c;
\d geo_io
SELECT attname, atttypid::regtype, attlen FROM pg_attribute WHERE attrelid = 'geo_io'::regclass AND attnum > 0 ORDER BY attnum;
SELECT typname, typlen, typcategory, typdelim, typelem::regtype, typarray::regtype FROM pg_type
  WHERE oid IN (600, 601, 602, 603, 604, 628, 718, 1017, 1020) ORDER BY oid;
SELECT DISTINCT p FROM geo_io;
SELECT b FROM geo_io ORDER BY b;
SELECT p, count(*) FROM geo_io GROUP BY p;
SELECT '(1,1)'::point = '(1,1)'::point;
CREATE TABLE geo_part (a point) PARTITION BY LIST (a);
CREATE TABLE geo_part (a point) PARTITION BY RANGE (a point_ops);
DROP TABLE geo_io;
