-- Indexes over geometric columns: USING gist / spgist (and rtree, which becomes gist) with the
-- default and named operator classes, recorded in pg_am / pg_class.relam / pg_get_indexdef;
-- btree keys, UNIQUE and ASC/DESC refused as PostgreSQL refuses them; INCLUDE of box columns in a
-- btree index; queries over indexed tables answer exactly as without the index.
CREATE TABLE geo_idx (id int, b box, p point, po polygon, c circle);
INSERT INTO geo_idx SELECT x, box(point(x, x), point(x + 2, x + 3)), point(x, -x), polygon(box(point(x, 0), point(x + 1, 1))), circle(point(x, x), x)
  FROM generate_series(1, 20) x;
INSERT INTO geo_idx VALUES (21, NULL, NULL, NULL, NULL);
CREATE INDEX geo_idx_b ON geo_idx USING gist (b);
CREATE INDEX geo_idx_p ON geo_idx USING gist (p);
CREATE INDEX geo_idx_po ON geo_idx USING gist (po poly_ops);
CREATE INDEX geo_idx_c ON geo_idx USING gist (c);
CREATE INDEX geo_idx_sp ON geo_idx USING spgist (p);
CREATE INDEX geo_idx_kd ON geo_idx USING spgist (p kd_point_ops);
CREATE INDEX geo_idx_sb ON geo_idx USING spgist (b box_ops);
CREATE INDEX geo_idx_r ON geo_idx USING rtree (b);
CREATE INDEX geo_idx_multi ON geo_idx USING gist (b, c) INCLUDE (id);
SELECT c.relname, a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam
  WHERE c.relname LIKE 'geo_idx_%' ORDER BY c.relname;
SELECT pg_get_indexdef('geo_idx_b'::regclass), pg_get_indexdef('geo_idx_sp'::regclass), pg_get_indexdef('geo_idx_multi'::regclass);
SELECT amname FROM pg_am WHERE amname IN ('gist', 'spgist') ORDER BY 1;
-- (a non-default operator class is checked but not kept, so \d would not show kd_point_ops)
DROP INDEX geo_idx_kd;
\d geo_idx
-- refused
CREATE INDEX ON geo_idx (b);
CREATE INDEX ON geo_idx USING btree (p);
CREATE UNIQUE INDEX ON geo_idx USING gist (b);
CREATE INDEX ON geo_idx USING spgist (c);
CREATE INDEX ON geo_idx USING gist (b point_ops);
CREATE INDEX ON geo_idx USING gist (b nosuch_ops);
CREATE INDEX ON geo_idx USING spgist (b, p);
CREATE INDEX ON geo_idx USING gist (b DESC);
ALTER TABLE geo_idx ADD UNIQUE (b);
ALTER TABLE geo_idx ADD PRIMARY KEY (p);
-- box columns as INCLUDE columns of btree keys
CREATE TABLE geo_inc (c1 int, c2 int, c3 int, c4 box, UNIQUE (c1, c2) INCLUDE (c3, c4));
INSERT INTO geo_inc SELECT x, 2 * x, 3 * x, box('4,4,4,4') FROM generate_series(1, 10) x;
INSERT INTO geo_inc VALUES (1, 2, 0, '(1,1),(0,0)');
CREATE UNIQUE INDEX geo_inc_idx ON geo_inc (c1) INCLUDE (c4);
SELECT pg_get_indexdef('geo_inc_idx'::regclass);
SELECT c1, c4 FROM geo_inc WHERE c1 = 3;
-- results with the indexes present
SELECT id, b FROM geo_idx WHERE b && '(5,5),(6,6)'::box ORDER BY id;
SELECT id FROM geo_idx WHERE b <@ '(0,0),(10,10)'::box ORDER BY id;
SELECT id, p FROM geo_idx WHERE p <@ '(3,-3),(6,-6)'::box ORDER BY id;
SELECT id FROM geo_idx WHERE po && '(2.5,0.5),(4.5,0.7)'::polygon ORDER BY id;
SELECT id, c FROM geo_idx WHERE c @> '(3,3)'::point ORDER BY id;
SELECT id, p <-> '(10,-10)' AS d FROM geo_idx WHERE p IS NOT NULL ORDER BY p <-> '(10,-10)', id LIMIT 4;
SELECT count(*) FROM geo_idx WHERE b IS NULL;
UPDATE geo_idx SET b = '(100,100),(99,99)' WHERE id = 5;
DELETE FROM geo_idx WHERE id = 6;
SELECT id, b FROM geo_idx WHERE b && '(4,4),(100,100)'::box ORDER BY id;
SELECT count(*) FROM geo_idx WHERE b ~= '(100,100),(99,99)';
DROP TABLE geo_idx;
DROP TABLE geo_inc;
