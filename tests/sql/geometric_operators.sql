-- Geometric operators and functions (PostgreSQL's table 9.36/9.37) over a point table with
-- extreme values (tiny, huge, infinite, NaN) and over boxes, circles, polygons, segments, lines
-- and paths: EPSILON comparisons, distances as pg_hypot computes them, containment, overlap,
-- position operators, area comparisons, arithmetic with overflow errors, constructors.
CREATE TABLE geo_pt (id int, f1 point);
INSERT INTO geo_pt VALUES (1, '(0.0,0.0)'), (2, '(-10.0,0.0)'), (3, '(-3.0,4.0)'), (4, '(5.1, 34.5)'), (5, '(-5.0,-12.0)'),
  (6, '(1e-300,-1e-300)'), (7, '(1e+300,Inf)'), (8, '(Inf,1e+300)'), (9, ' ( Nan , NaN ) '), (10, '10.0,10.0'), (11, NULL);
SELECT id, f1, f1 <-> '0,1' AS dist FROM geo_pt WHERE id NOT IN (7, 8) ORDER BY f1 <-> '0,1', id;
SELECT count(*) FROM geo_pt WHERE f1 <@ box '(0,0,100,100)';
SELECT count(*) FROM geo_pt WHERE box '(0,0,100,100)' @> f1;
SELECT id, f1 <@ polygon '(0,0),(0,100),(100,100),(50,50),(100,0),(0,0)' AS in_poly, f1 <@ circle '<(50,50),50>' AS in_circle FROM geo_pt ORDER BY id;
SELECT id, f1 << '(0.0, 0.0)' AS l, f1 >> '(0.0, 0.0)' AS r, f1 <<| '(0.0, 0.0)' AS b, f1 |>> '(0.0, 0.0)' AS a, f1 ~= '(-5, -12)' AS same,
  f1 <^ '(0,0)' AS below, f1 >^ '(0,0)' AS above, f1 ?- '(1,0)' AS horiz, f1 ?| '(0,1)' AS vert FROM geo_pt ORDER BY id;
SELECT id, f1 <-> '(-10,-10),(10,10)'::box AS to_box, f1 <-> '[(0,0),(5,5)]'::lseg AS to_lseg, f1 <-> '{1,-1,0}'::line AS to_line,
  f1 <-> '<(0,0),3>'::circle AS to_circle FROM geo_pt WHERE id <= 5 OR id = 10 ORDER BY id;
SELECT p.id, q.id, p.f1 + q.f1 AS sum, p.f1 - q.f1 AS diff, p.f1 * q.f1 AS prod, p.f1 / q.f1 AS quot
  FROM geo_pt p, geo_pt q WHERE p.id IN (2, 3, 4) AND q.id IN (3, 10) ORDER BY 1, 2;
SELECT f1 * '(1e200,1e200)'::point FROM geo_pt WHERE id = 10;
SELECT f1 * '(1e-200,1e-200)'::point FROM geo_pt WHERE id = 6;
SELECT f1 / '(0,0)'::point FROM geo_pt WHERE id = 10;
SELECT '(0,0)'::point ~= '(0,0.0000001)'::point AS fuzzy, '(0,0)'::point ~= '(0,0.00001)'::point AS not_fuzzy, '(0,0)'::point <> '(0,0.0000001)'::point;
SELECT point(1, 2), point(1.5, 2), slope('(0,0)', '(2,1)'), slope('(0,0)', '(0,1)'), ishorizontal('(0,0)'::point, '(5,0)'::point);
-- boxes
SELECT '(1,1),(0,0)'::box && '(2,2),(0.5,0.5)'::box AS ov, '(1,1),(0,0)'::box << '(3,3),(2,2)'::box AS left_of,
  '(1,1),(0,0)'::box &< '(3,3),(2,2)'::box AS overleft, '(3,3),(0,0)'::box @> '(1,1),(0.5,0.5)'::box AS contains,
  '(1,1),(0,0)'::box <@ '(3,3),(0,0)'::box AS contained, '(1,1),(0,0)'::box ~= '(0,0),(1,1)'::box AS same;
SELECT '(1,1),(0,0)'::box = '(2,2),(1,1)'::box AS eq_area, '(1,1),(0,0)'::box < '(3,3),(0,0)'::box AS lt, '(1,1),(0,0)'::box >= '(0.5,2),(0,0)'::box AS ge;
SELECT area('(2,3),(0,0)'::box), width('(2,3),(0,0)'::box), height('(2,3),(0,0)'::box), center('(2,3),(0,0)'::box), @@ '(2,3),(0,0)'::box, diagonal('(2,3),(0,0)'::box);
SELECT '(2,2),(0,0)'::box # '(3,3),(1,1)'::box AS inter, '(1,1),(0,0)'::box # '(3,3),(2,2)'::box AS none, bound_box('(1,1),(0,0)', '(3,3),(2,2)');
SELECT '(2,2),(0,0)'::box + '(1,1)'::point, '(2,2),(0,0)'::box - '(1,1)'::point, '(2,2),(1,1)'::box * '(0,1)'::point, '(2,2),(1,1)'::box / '(2,0)'::point;
SELECT '(1,1),(0,0)'::box <-> '(5,5),(4,4)'::box, box('(1,1)'::point), box('(3,1)'::point, '(0,4)'::point), box('4,4,4,4'), box(circle '<(0,0),2>');
SELECT '(1,1),(0,0)'::box <<| '(3,3),(2,2)'::box, '(1,1),(0,0)'::box |>> '(3,3),(2,2)'::box, '(1,1),(0,0)'::box &<| '(3,3),(2,2)'::box, '(1,1),(0,0)'::box |&> '(3,3),(2,2)'::box, '(1,1),(0,0)'::box <^ '(3,3),(1,1)'::box;
-- circles
SELECT circle '<(0,0),1>' && circle '<(2,0),1>' AS touch, circle '<(0,0),1>' <-> circle '<(5,0),1>' AS dist, circle '<(0,0),3>' @> circle '<(1,0),1>' AS contains,
  circle '<(0,0),1>' = circle '<(9,9),1>' AS eq_area, circle '<(0,0),1>' ~= circle '<(0,0),1.0000001>' AS same;
SELECT area(circle '<(0,0),2>'), diameter(circle '<(0,0),2>'), radius(circle '<(0,0),2>'), center(circle '<(3,4),2>'), circle_center(circle '<(3,4),2>'), @@ circle '<(3,4),2>';
SELECT circle(point '(1,1)', 2), circle(box '(2,2),(0,0)'), circle(polygon '(0,0),(2,0),(2,2),(0,2)'), polygon(4, circle '<(0,0),1>'), polygon(circle '<(0,0),1>');
SELECT circle '<(1,1),2>' * point '(0,2)', circle '<(1,1),2>' / point '(0,2)', circle '<(1,1),2>' + point '(1,1)', '<(200,300),10>'::circle <-> '(0,0)'::point;
SELECT polygon(1, circle '<(0,0),1>');
SELECT polygon(circle '<(0,0),0>');
-- polygons
SELECT '(0,0),(1,1),(2,0)'::polygon <-> '(5,5)'::point AS dist, '(0,0),(1,1),(2,0)'::polygon && '(1,0),(3,3),(4,0)'::polygon AS ov,
  '(0,0),(4,4),(8,0)'::polygon @> '(4,1)'::point AS contains, '(0,0),(1,1),(2,0)'::polygon ~= '(2,0),(1,1),(0,0)'::polygon AS same,
  npoints('(0,0),(1,1),(2,0)'::polygon), # '(0,0),(1,1),(2,0)'::polygon, @@ '(0,0),(1,1),(2,0)'::polygon;
SELECT '(0,0),(1,1)'::polygon << '(2,0),(3,1)'::polygon, '(0,0),(1,1)'::polygon &> '(2,0),(3,1)'::polygon, '(0,0),(1,1)'::polygon <<| '(0,2),(1,3)'::polygon,
  polygon('(2,2),(0,0)'::box), box('(0,0),(1,3),(2,0)'::polygon), path('(0,0),(1,3),(2,0)'::polygon), point('(0,0),(1,3),(2,0)'::polygon);
SELECT '<(0,0),1>'::circle <-> '(5,0),(6,1),(7,0)'::polygon, '(5,0),(6,1),(7,0)'::polygon <-> '<(0,0),1>'::circle;
-- segments and lines
SELECT @-@ '[(0,0),(3,4)]'::lseg, length('[(0,0),(3,4)]'::lseg), @@ '[(0,0),(3,4)]'::lseg, ?- '[(0,0),(3,0)]'::lseg, ?| '[(0,0),(3,0)]'::lseg,
  '[(0,0),(3,0)]'::lseg ?-| '[(0,0),(0,3)]'::lseg, '[(0,0),(3,0)]'::lseg ?|| '[(0,1),(3,1)]'::lseg;
SELECT lseg '[(0,0),(2,2)]' # lseg '[(0,2),(2,0)]' AS cross_pt, lseg '[(0,0),(2,2)]' ?# lseg '[(0,2),(2,0)]' AS crosses, lseg '[(0,0),(1,1)]' <-> lseg '[(3,0),(4,1)]' AS dist,
  lseg '[(0,0),(1,1)]' = lseg '[(0,0),(1,1)]' AS eq, lseg '[(0,0),(1,1)]' < lseg '[(0,0),(2,2)]' AS shorter, lseg(point '(0,0)', point '(1,1)'), lseg(box '(1,1),(0,0)');
SELECT line('(0,0)'::point, '(1,1)'::point), '{1,-1,0}'::line <-> '(0,1)'::point, '{1,-1,0}'::line # '{1,1,-2}'::line, '{1,-1,0}'::line ?# '{1,-1,5}'::line,
  '{1,-1,0}'::line ?|| '{2,-2,5}'::line, '{1,-1,0}'::line ?-| '{1,1,5}'::line, '{1,-1,0}'::line = '{2,-2,0}'::line, '{1,-1,0}'::line <-> '{1,-1,4}'::line,
  ?| '{1,0,3}'::line, ?- '{0,1,3}'::line, '(1,1)'::point <@ '{1,-1,0}'::line;
SELECT line('(1,1)'::point, '(1,1)'::point);
SELECT '(1,1)'::point ## '[(0,0),(2,0)]'::lseg, '(5,5)'::point ## '(1,1),(0,0)'::box, '(0,1)'::point ## '{1,-1,0}'::line;
-- paths
SELECT '[(0,0),(3,4),(6,8)]'::path AS p, length('[(0,0),(3,4),(6,8)]'::path), @-@ '((0,0),(3,4),(6,0))'::path, area('((0,0),(2,0),(2,2),(0,2))'::path),
  area('[(0,0),(2,0),(2,2)]'::path) AS open_area, npoints('[(0,0),(3,4)]'::path), # '[(0,0),(3,4)]'::path;
SELECT pclose('[(0,0),(3,4)]'::path), popen('((0,0),(3,4))'::path), isopen('[(0,0),(3,4)]'::path), isclosed('[(0,0),(3,4)]'::path),
  '[(0,0),(3,4)]'::path + '[(1,1),(2,2)]'::path, '((0,0),(3,4))'::path + '[(1,1),(2,2)]'::path AS closed_sum, '[(0,0),(3,4)]'::path * '(2,0)'::point;
SELECT '(1,1)'::point <-> '[(0,0),(4,0)]'::path, '((0,0),(4,0),(4,4))'::path @> '(3,1)'::point, '(2,0)'::point <@ '[(0,0),(4,0)]'::path,
  '[(0,0),(1,1)]'::path = '[(5,5),(6,6)]'::path AS same_npoints, '[(0,0),(1,1)]'::path < '[(5,5),(6,6),(7,7)]'::path;
-- operators that do not exist
SELECT '(1,1)'::point && '(1,1)'::point;
SELECT '(1,1),(0,0)'::box <-> '[(0,0),(1,1)]'::path;
DROP TABLE geo_pt;
