-- Inherited columns keep their parent's storage (SET STORAGE); two parents with different
-- storage for a column, or LIKE … INCLUDING STORAGE disagreeing with a parent, are refused.
CREATE TABLE ctlt1 (a text, b text);
ALTER TABLE ctlt1 ALTER COLUMN a SET STORAGE MAIN;
CREATE TABLE ctlt3 (a text, c text);
ALTER TABLE ctlt3 ALTER COLUMN c SET STORAGE EXTERNAL;
CREATE TABLE ctlt4 (a text, c text);
ALTER TABLE ctlt4 ALTER COLUMN c SET STORAGE EXTERNAL;
CREATE TABLE ctlt1_inh () INHERITS (ctlt1);
\d+ ctlt1_inh
CREATE TABLE ctlt13_inh () INHERITS (ctlt1, ctlt3);
\d+ ctlt13_inh
CREATE TABLE inh_error1 () INHERITS (ctlt1, ctlt4);
CREATE TABLE inh_error2 (LIKE ctlt4 INCLUDING STORAGE) INHERITS (ctlt1);
CREATE TABLE inh_ok (LIKE ctlt1 INCLUDING STORAGE) INHERITS (ctlt1);
CREATE TABLE inh_ok2 (LIKE ctlt4) INHERITS (ctlt1);
SELECT c.relname, a.attname, a.attstorage FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  WHERE c.relname IN ('ctlt1_inh', 'ctlt13_inh', 'inh_ok', 'inh_ok2') AND a.attnum > 0 ORDER BY 1, 2;
SELECT count(*) FROM pg_class WHERE relname LIKE 'inh_error%';
DROP TABLE ctlt1, ctlt3, ctlt4 CASCADE;
