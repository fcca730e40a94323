-- Queries, violations and cascades over Chinook's keys, run after the dataset loads.
-- Outputs are compared line by line with PostgreSQL 15's (tests/Tenon.Tests/Datasets).

-- Row counts of every table.
SELECT 'artist' AS t, count(*) FROM artist UNION ALL
SELECT 'album', count(*) FROM album UNION ALL
SELECT 'track', count(*) FROM track UNION ALL
SELECT 'genre', count(*) FROM genre UNION ALL
SELECT 'media_type', count(*) FROM media_type UNION ALL
SELECT 'playlist', count(*) FROM playlist UNION ALL
SELECT 'playlist_track', count(*) FROM playlist_track UNION ALL
SELECT 'customer', count(*) FROM customer UNION ALL
SELECT 'employee', count(*) FROM employee UNION ALL
SELECT 'invoice', count(*) FROM invoice UNION ALL
SELECT 'invoice_line', count(*) FROM invoice_line;

-- Joins along the keys.
SELECT ar.name AS artist, al.title AS album, t.name AS track, g.name AS genre, m.name AS media
FROM track t
JOIN album al ON al.album_id = t.album_id
JOIN artist ar ON ar.artist_id = al.artist_id
JOIN genre g ON g.genre_id = t.genre_id
JOIN media_type m ON m.media_type_id = t.media_type_id
WHERE t.track_id IN (1, 2, 100, 1000, 3503)
ORDER BY t.track_id;

-- Top-N: artists with the most albums.
SELECT ar.artist_id, ar.name, count(*) AS albums
FROM artist ar JOIN album al ON al.artist_id = ar.artist_id
GROUP BY ar.artist_id, ar.name
ORDER BY albums DESC, ar.artist_id
LIMIT 10;

-- Counts per foreign key, including parents without children.
SELECT g.genre_id, g.name, count(t.track_id) AS tracks, sum(t.milliseconds) AS ms
FROM genre g LEFT JOIN track t ON t.genre_id = g.genre_id
GROUP BY g.genre_id, g.name
ORDER BY g.genre_id;

SELECT count(*) AS artists_without_albums
FROM artist ar WHERE NOT EXISTS (SELECT 1 FROM album al WHERE al.artist_id = ar.artist_id);

-- Sales per country and per support representative.
SELECT c.country, count(DISTINCT c.customer_id) AS customers, count(i.invoice_id) AS invoices, sum(i.total) AS total
FROM customer c JOIN invoice i ON i.customer_id = c.customer_id
GROUP BY c.country
ORDER BY total DESC, c.country
LIMIT 8;

SELECT e.employee_id, e.first_name || ' ' || e.last_name AS rep, boss.last_name AS reports_to,
       count(DISTINCT c.customer_id) AS customers, sum(i.total) AS sales
FROM employee e
LEFT JOIN employee boss ON boss.employee_id = e.reports_to
LEFT JOIN customer c ON c.support_rep_id = e.employee_id
LEFT JOIN invoice i ON i.customer_id = c.customer_id
GROUP BY e.employee_id, e.first_name, e.last_name, boss.last_name
ORDER BY e.employee_id;

-- Invoice totals agree with their lines.
SELECT count(*) AS mismatched_invoices
FROM invoice i
WHERE i.total <> (SELECT sum(il.unit_price * il.quantity) FROM invoice_line il WHERE il.invoice_id = i.invoice_id);

-- Best-selling tracks and playlists by size.
SELECT t.track_id, t.name, sum(il.quantity) AS sold, sum(il.unit_price * il.quantity) AS revenue
FROM track t JOIN invoice_line il ON il.track_id = t.track_id
GROUP BY t.track_id, t.name
ORDER BY sold DESC, t.track_id
LIMIT 5;

SELECT p.playlist_id, p.name, count(pt.track_id) AS tracks
FROM playlist p LEFT JOIN playlist_track pt ON pt.playlist_id = p.playlist_id
GROUP BY p.playlist_id, p.name
ORDER BY tracks DESC, p.playlist_id;

SELECT date_trunc('year', invoice_date) AS year, count(*), sum(total), min(invoice_date), max(invoice_date)
FROM invoice GROUP BY 1 ORDER BY 1;

-- Violations: orphans, duplicate keys, NOT NULL, referenced parents.
INSERT INTO album (album_id, title, artist_id) VALUES (9999, 'Orphan', 999999);
INSERT INTO track (track_id, name, album_id, media_type_id, genre_id, milliseconds, unit_price) VALUES (9999, 'x', 1, 99, 1, 1, 0.99);
INSERT INTO invoice_line VALUES (99999, 1, 999999, 0.99, 1);
INSERT INTO artist (artist_id, name) VALUES (1, 'Duplicate');
INSERT INTO playlist_track VALUES (1, 3402);
INSERT INTO genre (genre_id) VALUES (NULL);
DELETE FROM artist WHERE artist_id = 1;
DELETE FROM genre WHERE genre_id = 1;
DELETE FROM employee WHERE employee_id = 1;
DELETE FROM invoice WHERE invoice_id = 1;
UPDATE artist SET artist_id = 100000 WHERE artist_id = 1;
UPDATE album SET artist_id = 999999 WHERE album_id = 1;
UPDATE customer SET support_rep_id = 42 WHERE customer_id = 1;
UPDATE employee SET reports_to = 99 WHERE employee_id = 2;

-- Nothing changed.
SELECT count(*) FROM artist WHERE artist_id = 1 OR name = 'Duplicate';
SELECT artist_id FROM album WHERE album_id = 1;

-- Deletes and key updates inside transactions, rolled back.
BEGIN;
DELETE FROM invoice_line WHERE invoice_id IN (SELECT invoice_id FROM invoice WHERE customer_id = 1);
DELETE FROM invoice WHERE customer_id = 1;
DELETE FROM customer WHERE customer_id = 1;
SELECT count(*) FROM customer;
SELECT count(*) FROM invoice;
SELECT count(*) FROM invoice_line;
ROLLBACK;
SELECT count(*) FROM customer;
SELECT count(*) FROM invoice_line;

-- Cascading keys: replace NO ACTION constraints with CASCADE / SET NULL inside a transaction.
BEGIN;
ALTER TABLE album DROP CONSTRAINT album_artist_id_fkey;
ALTER TABLE album ADD CONSTRAINT album_artist_id_fkey
    FOREIGN KEY (artist_id) REFERENCES artist (artist_id) ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE track DROP CONSTRAINT track_album_id_fkey;
ALTER TABLE track ADD CONSTRAINT track_album_id_fkey
    FOREIGN KEY (album_id) REFERENCES album (album_id) ON DELETE SET NULL ON UPDATE CASCADE;
UPDATE artist SET artist_id = 1000 WHERE artist_id = 1;
SELECT album_id, title, artist_id FROM album WHERE artist_id IN (1, 1000) ORDER BY album_id;
UPDATE album SET album_id = album_id + 1000 WHERE artist_id = 1000;
SELECT album_id, count(*) FROM track WHERE album_id > 1000 GROUP BY album_id ORDER BY album_id;
DELETE FROM artist WHERE artist_id = 1000;
SELECT count(*) AS albums_left FROM album WHERE album_id > 1000;
SELECT count(*) AS tracks_without_album FROM track WHERE album_id IS NULL;
-- The track rows are still referenced by invoice lines and playlists.
DELETE FROM track WHERE album_id IS NULL;
ROLLBACK;
SELECT count(*) FROM album WHERE artist_id = 1;
SELECT count(*) FROM track WHERE album_id IS NULL;

-- A failed statement inside a transaction, then a savepoint.
BEGIN;
UPDATE track SET unit_price = unit_price * 2 WHERE genre_id = 1;
SAVEPOINT s;
DELETE FROM media_type WHERE media_type_id = 1;
ROLLBACK TO SAVEPOINT s;
SELECT sum(unit_price) FROM track WHERE genre_id = 1;
ROLLBACK;
SELECT sum(unit_price) FROM track WHERE genre_id = 1;
