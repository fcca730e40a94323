-- POSIX regular expression operators ~ ~* !~ !~* (as psql's describe patterns use them).
CREATE TABLE words (id int PRIMARY KEY, w text, v varchar(20), n name);
INSERT INTO words VALUES (1, 'apple', 'Apple', 'pg_class'), (2, 'banana', 'BANANA', 'pg_toast_1'),
  (3, 'cherry pie', 'cherry', 'orders'), (4, E'two\nlines', 'x', 'order_lines'), (5, NULL, NULL, NULL);
SELECT id, w ~ '^a', w ~* 'AN', w !~ 'e', w !~* 'E' FROM words ORDER BY id;
SELECT id FROM words WHERE v ~ '^[A-Z]+$' ORDER BY id;
SELECT id FROM words WHERE n OPERATOR(pg_catalog.~) '^(order.*)$' COLLATE pg_catalog.default ORDER BY id;
SELECT id FROM words WHERE n !~ '^pg_toast' ORDER BY id;
SELECT 'a
b' ~ 'a.b', 'a
' ~ 'a$', 'ab' ~ '^(a|b)+$', 'a]' ~ '[]a]+$', 'foo bar' ~ '\mbar', 'foobar' ~ '\mbar';
SELECT 'a1' ~ '[[:alpha:]][[:digit:]]', 'a-b' ~ '[a\-]', 'x{' ~ 'x{', 'aaa' ~ '^a{2,3}$', 'A' ~* '[a-c]';
SELECT 'abc' ~ NULL, NULL ~ 'a';
SELECT 'a' ~ '(';
SELECT 'a' ~ 'a)';
SELECT 'a' ~ '[';
SELECT 'a' ~ '*';
SELECT 'a' ~ 'a{2,1}';
SELECT 'a' ~ '\';
SELECT 'a' ~ '[[:foo:]]';
SELECT 'a' ~ '\q';
SELECT 1 ~ 'a';
SELECT id FROM words WHERE w NOT BETWEEN 'b' AND 'c' ORDER BY id;
select similar_to_escape('a%'), similar_to_escape('a_b.c$^'), similar_to_escape('[a-c]%|x*(y+)?{2}'), similar_to_escape('a\%b'), similar_to_escape('a#%b', '#'), similar_to_escape('a\b', '#'), similar_to_escape('a%', ''), similar_to_escape(null);
select 'abc' similar to 'a%', 'abc' similar to 'b%', 'a.c' similar to 'a.c', 'abc' similar to 'a.c', 'ab' not similar to '(a|b)+', 'a%' similar to 'a#%' escape '#';
select similar_to_escape('a', 'xy');
select regexp_replace('hello world', 'o', '0'), regexp_replace('hello world', 'o', '0', 'g'), regexp_replace('Hello', 'h(.)', '[\1]', 'i'), regexp_replace('abc', 'b', '\\&'), regexp_replace('abc', '(b)', 'x\&y');
select regexp_replace('abc', 'b', 'x', 'z');
select regexp_replace('aaa', 'a', 'b', 'gi'), regexp_replace('A1B2', '[[:digit:]]', '', 'g'), regexp_replace(NULL, 'a', 'b');
select id, w from words where w similar to '%(an|er)%' order by id;
