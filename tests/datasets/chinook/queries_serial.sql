-- The SerialPKs variant: its keys come from sequences owned by the key columns. The script
-- inserts no explicit keys, so each sequence stands at its table's row count.
SELECT pg_get_serial_sequence('artist', 'artist_id'), pg_get_serial_sequence('track', 'track_id');
BEGIN;
INSERT INTO artist (name) VALUES ('New artist') RETURNING artist_id, name;
INSERT INTO album (title, artist_id) VALUES ('New album', currval('artist_artist_id_seq')) RETURNING *;
INSERT INTO genre (name) VALUES ('New genre') RETURNING genre_id;
ROLLBACK;
-- Sequences do not roll back.
INSERT INTO genre (name) VALUES ('After rollback') RETURNING genre_id;
INSERT INTO genre (genre_id, name) VALUES (27, 'Explicit key');
SELECT genre_id, name FROM genre WHERE genre_id > 25 ORDER BY genre_id;
