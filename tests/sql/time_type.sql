-- The time type (time without time zone): input, output, precision, arithmetic, casts, keys
SELECT '04:05:06'::time, '04:05:06.789'::time, '04:05'::time, '040506'::time, '4:05 PM'::time, '12:00 AM'::time, 'allballs'::time;
SELECT '24:00:00'::time, '23:59:59.9999999'::time, '2003-04-12 04:05:06'::time, '04:05:06 PST'::time;
SELECT '25:00:00'::time;
SELECT '12:60:00'::time;
SELECT 'nonsense'::time;
SELECT '04:05:06.123456'::time(2), '04:05:06.125'::time(2), '23:59:59.999'::time(0);
SELECT time '10:00' + interval '3 hours', time '22:00' + interval '3 hours', time '01:00' - interval '2 hours';
SELECT interval '1 hour' + time '10:30', time '10:30' - time '08:15:30.5', time '08:00' - time '10:00';
SELECT date '2024-01-31' + time '12:34', time '12:34' + date '2024-01-31', date '2024-01-31' + time '24:00';
SELECT timestamp '2024-03-01 13:14:15.5'::time, '15:16:17'::time::interval, interval '26 hours 5 minutes'::time, interval '-1 hour'::time;
SELECT extract(hour from time '13:14:15.5'), extract(minute from time '13:14:15.5'), extract(second from time '13:14:15.5'), extract(epoch from time '01:00:01');
SELECT date_part('hour', time '13:14:15'), extract(microseconds from time '00:00:01.25'), extract(milliseconds from time '00:00:01.25');
SELECT extract(day from time '13:14:15');
SELECT time '10:00' < time '11:00', time '10:00' = '10:00:00', time '10:00' <> time '10:00:00.000001', greatest(time '01:00', time '02:00');
SELECT make_time(8, 15, 23.5), make_time(24, 0, 0);
SELECT make_time(25, 0, 0);
SELECT to_char(time '13:14:15.5', 'HH12:MI:SS.MS AM'), to_char(time '00:05:00', 'HH24 "h" MI');
SELECT pg_typeof(time '10:00'), pg_typeof(localtime), localtime = localtime;
SELECT format_type('time'::regtype, -1), format_type('time'::regtype, 3), 'time(3)'::regtype, 'time without time zone'::regtype;
SELECT '{10:00,11:30:00.5}'::time[], array[time '01:00', '02:00'];

CREATE TABLE shifts (
    id serial PRIMARY KEY,
    starts time NOT NULL,
    ends time(0) NOT NULL DEFAULT '17:00',
    CHECK (ends > starts),
    UNIQUE (starts, ends)
);
INSERT INTO shifts (starts, ends) VALUES ('09:00', '17:00'), ('13:30', '22:00:00.4'), ('06:00', DEFAULT);
INSERT INTO shifts (starts, ends) VALUES ('09:00', '17:00');
INSERT INTO shifts (starts, ends) VALUES ('18:00', '08:00');
INSERT INTO shifts (starts, ends) VALUES ('7:00', 'noon');
SELECT id, starts, ends, ends - starts AS length FROM shifts ORDER BY starts DESC;
SELECT count(*), min(starts), max(ends), avg(ends - starts) FROM shifts;
SELECT * FROM shifts WHERE starts BETWEEN '08:00' AND '14:00' ORDER BY 1;
CREATE TABLE visits (shift_start time, shift_end time(0), FOREIGN KEY (shift_start, shift_end) REFERENCES shifts (starts, ends) ON UPDATE CASCADE);
INSERT INTO visits VALUES ('09:00', '17:00');
INSERT INTO visits VALUES ('09:00', '17:00:01');
UPDATE shifts SET starts = '08:30' WHERE starts = '09:00';
SELECT * FROM visits;
SELECT column_name, data_type, datetime_precision FROM information_schema.columns WHERE table_name = 'shifts' ORDER BY ordinal_position;
SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = 'shifts'::regclass AND a.attnum > 0 ORDER BY a.attnum;
ALTER TABLE shifts ALTER COLUMN ends TYPE text;
SELECT ends FROM shifts ORDER BY 1;
ALTER TABLE shifts ALTER COLUMN ends TYPE time USING ends::time;
SELECT starts::text, ends::varchar FROM shifts ORDER BY 1;
SELECT 'not a time'::text::time;
select '2003-04-12'::time;
select '0405'::time;
select '04:05:06.5 am'::time, '12:30 pm'::time, '12:30 am'::time, '040506.789'::time, 'T04:05:06'::time, '04:05:06Z'::time, '04:05:06+02'::time, 'now'::time is not null;
select '13:00 pm'::time;
select '4 pm'::time;
select 'infinity'::time;
select '24:00:00.000001'::time;
select '  04:05  '::time, '4:5'::time, '04:05:60'::time;
select '04:05:60.5'::time;
select '24:00'::time(0), time(2) '10:00:00.555', time '10:00:00.5' + interval '1 day 2 months 3 microseconds';
select time '24:00' + interval '0 s', time '23:00' - time '24:00', '10:00'::time::time(0);
select '11:30'::time between '10:00' and '12:00', min(t), max(t) from (values (time '10:00'), ('09:00')) v(t);
select extract(isodow from time '10:00');
select extract(foo from time '10:00');
select time '10:00' = timestamp '2020-01-01 10:00';
select cast(time '10:00' as timestamp);
select sum(t) from (values (time '10:00')) v(t);
select time 'abc';
select time '10:00' + 1;
