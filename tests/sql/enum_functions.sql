-- enum_first, enum_last and enum_range over an enum type (Pagila's mpaa_rating uses enum_range).
create type mood as enum ('sad', 'ok', 'happy', 'ecstatic');
select enum_range(null::mood), enum_first(null::mood), enum_last('ok'::mood);
select enum_range('ok'::mood, 'happy'::mood), enum_range(null, 'ok'::mood), enum_range('happy'::mood, null), enum_range('happy'::mood, 'sad'::mood);
select enum_range(null::mood, null::mood);
select pg_typeof(enum_range(null::mood));
select enum_range(1);
select enum_first('x');
alter type mood add value 'meh' before 'ok';
select enum_range(null::mood), enum_range('meh'::mood, 'happy');
create table moods (m mood);
insert into moods values ('ok'), ('sad');
select m, m = any(enum_range(null::mood, 'ok')) as low from moods order by m;
create type empty as enum (); select enum_range(null::empty); select enum_last(null::empty);
