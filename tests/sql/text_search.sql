-- Full-text search: tsvector and tsquery I/O, parsing and stemming, @@, the update trigger.
SHOW default_text_search_config;

-- tsvector input and output
SELECT 'a fat cat sat on a mat and ate a fat rat'::tsvector;
SELECT $$the lexeme '    ' contains spaces$$::tsvector;
SELECT $$the lexeme 'Joe''s' contains a quote$$::tsvector;
SELECT 'a:1 fat:2 cat:3 sat:4 on:5 a:6 mat:7 and:8 ate:9 a:10 fat:11 rat:12'::tsvector;
SELECT 'a:1A fat:2B,4C cat:5D'::tsvector;
SELECT 'fat:2,4 cat:3 rat:5A'::tsvector, 'a:3,1,2,1B'::tsvector;
SELECT E'back\\\\slash quo\\''te'::tsvector;
SELECT 'x:20000 y:0001'::tsvector;
SELECT ''::tsvector, '   '::tsvector;
SELECT 'Fat Rats'::tsvector;
SELECT 'a b:2 b c:3,3 c:1'::tsvector;
SELECT length('a fat cat sat on a mat'::tsvector), strip('fat:2,4 cat:3 rat:5A'::tsvector);

-- tsquery input and output
SELECT 'fat & rat'::tsquery;
SELECT 'fat & (rat | cat)'::tsquery;
SELECT 'fat & rat & ! cat'::tsquery;
SELECT '(fat | rat) <-> cat'::tsquery, 'fat <2> cat'::tsquery, 'a <0> b'::tsquery;
SELECT 'fat:ab & cat'::tsquery, 'super:*'::tsquery, 'a:*B'::tsquery;
SELECT '!(a & b)'::tsquery, '!!a'::tsquery, 'a | b & c'::tsquery, '(a | b) & c'::tsquery;
SELECT 'a <-> (b <-> c)'::tsquery, '(a <-> b) <-> c'::tsquery, 'a & b <-> c'::tsquery;
SELECT $$'it''s' & 'a b'$$::tsquery;
SELECT numnode('(fat & rat) | cat'::tsquery), querytree('!a & b'::tsquery);

-- to_tsvector: parsing, stop words, stemming
SELECT to_tsvector('english', 'The quick brown foxes jumped over the lazy dogs');
SELECT to_tsvector('english', 'running runs ran');
SELECT to_tsvector('english', 'Fishing fishes');
SELECT to_tsvector('english', 'connection connected connecting connections');
SELECT to_tsvector('english', 'The well-known self-driving cars don''t stop');
SELECT to_tsvector('english', 'It''s 42 degrees, 3.14 radians and version 1.2.3 at -5');
SELECT to_tsvector('english', 'generously happily relational conditional hopefully');
SELECT to_tsvector('english', 'a b c the and or but if');
SELECT to_tsvector('simple', 'The quick brown foxes jumped over the lazy dogs');
SELECT to_tsvector('pg_catalog.simple', 'Fishing fishes');
SELECT to_tsvector('A Fat Cat sat on the mat. The cat was fat!');
SELECT to_tsvector('english', 'Write to foo@example.com or see www.example.org');

-- to_tsquery and friends
SELECT to_tsquery('english', 'The & Fat & Rats');
SELECT to_tsquery('english', 'supernovae & stars:*');
SELECT to_tsquery('english', 'fat:ab <-> cats');
SELECT to_tsquery('english', '!running | jumped');
SELECT to_tsquery('simple', 'The & Fat & Rats');
SELECT plainto_tsquery('english', 'The Fat Rats');
SELECT plainto_tsquery('english', 'The Fat & Rats:C');
SELECT phraseto_tsquery('english', 'The Fat Rats');
SELECT phraseto_tsquery('english', 'The Cat and Rats');
SELECT websearch_to_tsquery('english', 'The fat rats');
SELECT websearch_to_tsquery('english', '"supernovae stars" -crab');
SELECT websearch_to_tsquery('english', 'signal or noise');

-- @@
SELECT to_tsvector('english', 'The quick brown foxes') @@ to_tsquery('english', 'fox');
SELECT to_tsvector('english', 'The quick brown foxes') @@ to_tsquery('english', 'fox & !quick');
SELECT to_tsquery('english', 'fox | cat') @@ to_tsvector('english', 'The quick brown foxes');
SELECT 'a fat cat sat on a mat'::tsvector @@ 'cat & rat'::tsquery;
SELECT 'a fat cat sat on a mat'::tsvector @@ 'cat & !rat'::tsquery;
SELECT to_tsvector('fat cats ate rats') @@ to_tsquery('fat <-> cat');
SELECT to_tsvector('fat cats ate rats') @@ to_tsquery('cat <-> fat');
SELECT to_tsvector('fat cats ate rats') @@ to_tsquery('fat <2> ate');
SELECT to_tsvector('fat cats ate rats') @@ to_tsquery('supe:*');
SELECT to_tsvector('supernova fat') @@ to_tsquery('supe:*');
SELECT 'fat:1A cat:2B'::tsvector @@ 'fat:A'::tsquery, 'fat:1A cat:2B'::tsvector @@ 'cat:A'::tsquery;
SELECT 'fat cat' @@ to_tsquery('cat');
SELECT 'fat cats ate rats'::text @@ 'rat'::text;
SELECT to_tsvector('english', 'fat cats') @@ 'cats';
SELECT strip(to_tsvector('fat cats ate rats')) @@ to_tsquery('fat <-> ate');

-- setweight and ||
SELECT setweight(to_tsvector('english', 'The Fat Rats'), 'A');
SELECT setweight(to_tsvector('english', 'The Fat Rats'), 'A') || setweight(to_tsvector('english', 'cats ate rats'), 'B');
SELECT 'a:1 b:2'::tsvector || 'c:1 d:2 b:3'::tsvector;
SELECT 'a b'::tsvector || 'a:1'::tsvector;
SELECT 'fat & rat'::tsquery && 'cat'::tsquery, 'fat & rat'::tsquery || 'cat'::tsquery, 'fat'::tsquery <-> 'cat'::tsquery;

-- comparisons and casts
SELECT 'a:1 b:2'::tsvector = 'b:2 a:1'::tsvector, 'a & b'::tsquery = 'a & b'::tsquery;
SELECT ('cat:1'::tsvector)::text, 'fat & cat'::tsquery::text, pg_typeof('a'::tsvector), pg_typeof('a'::tsquery);
SELECT 'english'::regconfig, 'pg_catalog.simple'::regconfig, 'english'::regconfig::oid;

-- a table kept up to date by tsvector_update_trigger, with a GiST index
CREATE TABLE film (
    film_id serial PRIMARY KEY,
    title text NOT NULL,
    description text,
    fulltext tsvector NOT NULL
);
CREATE INDEX film_fulltext_idx ON film USING gist (fulltext);
CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON film FOR EACH ROW
    EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description');
INSERT INTO film (title, description, fulltext) VALUES
    ('ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies', ''),
    ('ACE GOLDFINGER', 'A Astounding Epistle of a Database Administrator And a Explorer who must Find a Car in Ancient China', ''),
    ('ADAPTATION HOLES', NULL, '');
SELECT film_id, title, fulltext FROM film ORDER BY film_id;
UPDATE film SET description = 'A Fast-Paced Documentary of a Pastry Chef' WHERE film_id = 3;
SELECT film_id, fulltext FROM film WHERE film_id = 3;
SELECT title FROM film WHERE fulltext @@ to_tsquery('english', 'scientists | databases') ORDER BY title;
SELECT title FROM film WHERE fulltext @@ plainto_tsquery('english', 'documentaries') ORDER BY title;
SELECT pg_get_indexdef('film_fulltext_idx'::regclass);
SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'film_fulltext_trigger';
CREATE INDEX film_fulltext_gin ON film USING gin (fulltext);
SELECT pg_get_indexdef('film_fulltext_gin'::regclass);
SELECT c.relname, a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.relname LIKE 'film%' ORDER BY 1;
DROP TABLE film;

-- errors
SELECT 'a:0'::tsvector;
SELECT 'a:b'::tsvector;
SELECT 'a:1AB'::tsvector;
SELECT E'a\\'::tsvector;
SELECT $$'abc$$::tsvector;
SELECT 'a &'::tsquery;
SELECT 'a & & b'::tsquery;
SELECT '(a & b'::tsquery;
SELECT 'a b'::tsquery;
SELECT 'a <20000> b'::tsquery;
SELECT to_tsvector('nosuchconfig', 'x');
SELECT to_tsquery('public.english', 'x');
SET default_text_search_config = 'nosuch';
SELECT 'a:1'::tsvector @@ 1;
SELECT to_tsvector('english', 'x') @@ to_tsvector('english', 'x');
SELECT to_tsquery('english', 'the');
SET default_text_search_config = 'simple';
SHOW default_text_search_config;
SELECT to_tsvector('The Fat Rats'), get_current_ts_config();
RESET default_text_search_config;
