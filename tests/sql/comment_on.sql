-- COMMENT ON TABLE / COLUMN / CONSTRAINT / INDEX / SEQUENCE: stored in the catalog (transactionally),
-- read back with obj_description and col_description, dropped with the object; lookup errors.
CREATE TABLE ct (a int PRIMARY KEY, b text CONSTRAINT b_chk CHECK (b <> ''));
CREATE INDEX ct_b_idx ON ct (b);
CREATE SEQUENCE cseq;
COMMENT ON TABLE ct IS 'a table';
COMMENT ON COLUMN ct.b IS 'column b';
COMMENT ON CONSTRAINT b_chk ON ct IS 'check b';
COMMENT ON CONSTRAINT ct_pkey ON ct IS 'the key';
COMMENT ON INDEX ct_b_idx IS 'an index';
COMMENT ON SEQUENCE cseq IS 'a sequence';
SELECT obj_description('ct'::regclass, 'pg_class'), obj_description('ct'::regclass), col_description('ct'::regclass, 2), col_description('ct'::regclass, 1);
SELECT obj_description('ct_b_idx'::regclass, 'pg_class'), obj_description('cseq'::regclass, 'pg_class');
SELECT conname, obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conrelid = 'ct'::regclass ORDER BY conname;
SELECT obj_description('ct'::regclass, 'pg_constraint');
COMMENT ON TABLE ct IS '';
SELECT obj_description('ct'::regclass, 'pg_class') IS NULL;
COMMENT ON TABLE ct IS 'again';
COMMENT ON TABLE ct IS NULL;
SELECT obj_description('ct'::regclass, 'pg_class') IS NULL;
-- errors
COMMENT ON TABLE nosuch IS 'x';
COMMENT ON TABLE ct_b_idx IS 'x';
COMMENT ON TABLE cseq IS 'x';
COMMENT ON INDEX ct IS 'x';
COMMENT ON SEQUENCE ct IS 'x';
COMMENT ON VIEW ct IS 'x';
COMMENT ON COLUMN ct.nosuch IS 'x';
COMMENT ON COLUMN nosuch.b IS 'x';
COMMENT ON COLUMN ct IS 'x';
COMMENT ON COLUMN public.ct.b IS 'qualified';
COMMENT ON COLUMN ct_b_idx.b IS 'x';
COMMENT ON COLUMN cseq.last_value IS 'x';
COMMENT ON CONSTRAINT nosuch ON ct IS 'x';
COMMENT ON CONSTRAINT b_chk ON nosuch IS 'x';
COMMENT ON CONSTRAINT b_chk ON public.ct IS 'qualified';
COMMENT ON TABLE nosuchschema.ct IS 'x';
SELECT col_description('ct'::regclass, 2), obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'b_chk';
-- transactional
BEGIN;
COMMENT ON TABLE ct IS 'in tx';
ROLLBACK;
SELECT obj_description('ct'::regclass, 'pg_class') IS NULL;
-- dropping the object drops its comment
ALTER TABLE ct DROP CONSTRAINT b_chk;
ALTER TABLE ct ADD CONSTRAINT b_chk CHECK (b <> '');
SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'b_chk';
SELECT obj_description(0, 'pg_class'), col_description(0, 1), obj_description(NULL, 'pg_class');
DROP TABLE ct;
