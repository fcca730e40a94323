-- Queries, violations and cascades over Pagila's keys, run after the schema loads.
-- Outputs are compared line by line with PostgreSQL 15's (tests/Tenon.Tests/Datasets/PagilaTests.cs).
-- The schema is PostgreSQL 18's, so only objects both sides create are used here.
SET search_path = public;

-- The keys the dump declared, with their names and actions.
SELECT conrelid::regclass AS "table", conname, contype, pg_get_constraintdef(oid) AS definition
FROM pg_constraint
WHERE conrelid IN ('country'::regclass, 'city'::regclass, 'address'::regclass, 'customer'::regclass,
                   'store'::regclass, 'staff'::regclass, 'actor'::regclass, 'category'::regclass, 'language'::regclass)
ORDER BY conrelid::regclass::text, conname;
SELECT indexrelid::regclass AS index, indrelid::regclass AS "table", indisunique, indisprimary
FROM pg_index
WHERE indrelid IN ('customer'::regclass, 'address'::regclass, 'city'::regclass, 'store'::regclass)
ORDER BY indexrelid::regclass::text;

-- A chain of parents and children along the keys.
INSERT INTO country (country_id, country, last_update) VALUES (1, 'Afghanistan', '2022-02-15 09:44:00+00'), (2, 'Algeria', '2022-02-15 09:44:00+00');
INSERT INTO city (city_id, city, country_id, last_update) VALUES (1, 'Kabul', 1, '2022-02-15 09:45:25+00'), (2, 'Algiers', 2, '2022-02-15 09:45:25+00');
INSERT INTO city (city_id, city, country_id) VALUES (3, 'Nowhere', 99);
INSERT INTO address (address_id, address, district, city_id, phone, last_update)
VALUES (1, '47 MySakila Drive', 'Alberta', 1, '', '2022-02-15 09:45:30+00'),
       (2, '28 MySQL Boulevard', 'QLD', 2, '', '2022-02-15 09:45:30+00'),
       (3, '23 Workhaven Lane', 'Alberta', 2, '14033335568', '2022-02-15 09:45:30+00');
INSERT INTO address (address, district, city_id, phone) VALUES ('nowhere', 'x', 42, '');
INSERT INTO store (store_id, manager_staff_id, address_id, last_update) VALUES (1, 1, 1, '2022-02-15 09:57:12+00');
INSERT INTO store (store_id, manager_staff_id, address_id, last_update) VALUES (2, 2, 2, '2022-02-15 09:57:12+00');
INSERT INTO store (store_id, manager_staff_id, address_id) VALUES (3, 3, 99);
INSERT INTO staff (staff_id, first_name, last_name, address_id, store_id, username, last_update)
VALUES (1, 'Mike', 'Hillyer', 3, 1, 'Mike', '2022-02-15 09:57:16+00');
INSERT INTO staff (staff_id, first_name, last_name, address_id, store_id, username) VALUES (2, 'Jon', 'Stephens', 3, 2, 'Jon');
INSERT INTO customer (customer_id, store_id, first_name, last_name, email, address_id, create_date, last_update, active, uuid)
VALUES (1, 1, 'MARY', 'SMITH', 'MARY.SMITH@sakilacustomer.org', 2, '2022-02-14', '2022-02-15 09:57:20+00', 1, '0195e8f4-6a3b-7c1d-8e2f-000000000001'),
       (2, 1, 'PATRICIA', 'JOHNSON', 'PATRICIA.JOHNSON@sakilacustomer.org', 3, '2022-02-14', '2022-02-15 09:57:20+00', 1, '0195e8f4-6a3b-7c1d-8e2f-000000000002');
INSERT INTO customer (store_id, first_name, last_name, address_id) VALUES (1, 'NO', 'ONE', 77);
INSERT INTO customer (store_id, first_name, last_name, address_id, create_date, last_update, uuid)
VALUES (1, NULL, 'ONE', 1, '2022-02-14', '2022-02-15 09:57:20+00', '0195e8f4-6a3b-7c1d-8e2f-000000000003');
-- Keys made by the defaults: a serial and a uuid per row.
INSERT INTO customer (store_id, first_name, last_name, address_id) VALUES (1, 'LINDA', 'WILLIAMS', 1) RETURNING customer_id, uuid IS NOT NULL AS has_uuid;
SELECT count(*) AS customers, count(DISTINCT uuid) AS uuids, bool_and(activebool) AS all_active FROM customer;
SELECT id, name, address, phone, city, country, notes, sid FROM customer_list ORDER BY id;

-- ON UPDATE CASCADE along country -> city -> address -> customer.
UPDATE country SET country_id = 10 WHERE country_id = 1;
SELECT city_id, city, country_id FROM city ORDER BY city_id;
UPDATE address SET address_id = 20 WHERE address_id = 2;
SELECT customer_id, address_id FROM customer ORDER BY customer_id;
UPDATE city SET city_id = 5 WHERE city_id = 2 RETURNING city_id, city;
SELECT address_id, city_id FROM address ORDER BY address_id;

-- ON DELETE RESTRICT keeps every parent that still has children.
DELETE FROM country WHERE country_id = 2;
DELETE FROM city WHERE city_id = 5;
DELETE FROM address WHERE address_id = 20;
DELETE FROM store WHERE store_id = 1;
DELETE FROM customer WHERE customer_id = 2;
DELETE FROM address WHERE address_id = 3;
SELECT (SELECT count(*) FROM country) AS countries, (SELECT count(*) FROM city) AS cities,
       (SELECT count(*) FROM address) AS addresses, (SELECT count(*) FROM customer) AS customers;

-- The last_updated trigger stamps every update.
UPDATE customer SET first_name = 'MARIE' WHERE customer_id = 1;
SELECT first_name, last_update > '2022-02-15 09:57:20+00' AS stamped FROM customer WHERE customer_id = 1;

-- Unique indexes: one manager per store, one uuid per customer.
UPDATE store SET manager_staff_id = 1 WHERE store_id = 2;
INSERT INTO customer (store_id, first_name, last_name, address_id, uuid)
SELECT store_id, 'COPY', last_name, address_id, uuid FROM customer WHERE customer_id = 1;

-- Domains and enums of the schema.
SELECT 1901::year;
SELECT 1900::year;
SELECT enum_range(NULL::mpaa_rating);
SELECT 'PG-13'::mpaa_rating < 'R'::mpaa_rating AS ordered;
SELECT 'X'::mpaa_rating;

-- Functions of the schema.
SELECT last_day('2022-02-15 10:00:00+00'::timestamptz);
SELECT _group_concat('a', 'b'), _group_concat(NULL, 'b');

-- Joins over the keys.
SELECT co.country, count(DISTINCT ci.city_id) AS cities, count(a.address_id) AS addresses
FROM country co LEFT JOIN city ci USING (country_id) LEFT JOIN address a USING (city_id)
GROUP BY co.country ORDER BY co.country;

-- Films: the tsvector column filled by tsvector_update_trigger, the generated length_hours, the year domain.
INSERT INTO language (language_id, name, last_update) VALUES (1, 'English', '2022-02-15 10:02:19+00'), (2, 'Italian', '2022-02-15 10:02:19+00');
INSERT INTO film (film_id, title, description, release_year, language_id, rental_duration, rental_rate, length, replacement_cost, rating, last_update, special_features, fulltext)
VALUES (1, 'ACADEMY DINOSAUR', 'A Epic Drama of a Feminist And a Mad Scientist who must Battle a Teacher in The Canadian Rockies', 2012, 1, 6, 0.99, 86, 20.99, 'PG', '2022-09-10 16:46:03+00', '{"Deleted Scenes","Behind the Scenes"}', ''),
       (2, 'ACE GOLDFINGER', 'A Astounding Epistle of a Database Administrator And a Explorer who must Find a Car in Ancient China', 2012, 1, 3, 4.99, 48, 12.99, 'G', '2022-09-10 16:46:03+00', '{Trailers,"Deleted Scenes"}', '');
INSERT INTO film (film_id, title, language_id, fulltext) VALUES (3, 'NO LANGUAGE', 7, '');
INSERT INTO film (film_id, title, language_id, release_year, fulltext) VALUES (3, 'TOO OLD', 1, 1800, '');
SELECT film_id, title, length, length_hours, rating, fulltext FROM film ORDER BY film_id;
SELECT title FROM film WHERE fulltext @@ to_tsquery('english', 'scientists & battling');
UPDATE film SET description = 'A Fateful Reflection of a Moose And a Husband who must Overcome a Monkey in Nigeria' WHERE film_id = 2;
SELECT film_id, fulltext FROM film WHERE film_id = 2;
INSERT INTO actor (actor_id, first_name, last_name, last_update) VALUES (1, 'PENELOPE', 'GUINESS', '2022-02-15 09:34:33+00'), (2, 'NICK', 'WAHLBERG', '2022-02-15 09:34:33+00');
INSERT INTO category (category_id, name, last_update) VALUES (1, 'Action', '2022-02-15 09:46:27+00'), (2, 'Animation', '2022-02-15 09:46:27+00');
INSERT INTO film_actor (actor_id, film_id, last_update) VALUES (1, 1, '2022-02-15 10:05:03+00'), (2, 1, '2022-02-15 10:05:03+00'), (1, 2, '2022-02-15 10:05:03+00');
INSERT INTO film_actor (actor_id, film_id) VALUES (1, 99);
INSERT INTO film_category (film_id, category_id, last_update) VALUES (1, 2, '2022-02-15 10:07:09+00'), (2, 1, '2022-02-15 10:07:09+00');
INSERT INTO inventory (inventory_id, film_id, store_id, last_update) VALUES (1, 1, 1, '2022-02-15 10:09:17+00'), (2, 1, 1, '2022-02-15 10:09:17+00'), (3, 2, 2, '2022-02-15 10:09:17+00');

-- Rentals and payments: a partitioned table whose partitions carry the foreign keys.
INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date, staff_id, last_update, uuid)
VALUES (1, '2022-05-24 22:53:30+00', 1, 1, '2022-05-26 22:04:30+00', 1, '2022-02-16 02:30:53+00', '0195e8f4-6a3b-7c1d-8e2f-000000000101'),
       (2, '2022-05-24 22:54:33+00', 3, 1, NULL, 2, '2022-02-16 02:30:53+00', '0195e8f4-6a3b-7c1d-8e2f-000000000102');
INSERT INTO payment (payment_id, customer_id, staff_id, rental_id, amount, payment_date, uuid)
VALUES (1, 1, 1, 1, 2.99, '2022-05-25 11:30:37+00', '0195e8f4-6a3b-7c1d-8e2f-000000000201'),
       (2, 1, 2, 2, 0.99, '2022-06-28 16:58:42+00', '0195e8f4-6a3b-7c1d-8e2f-000000000202');
INSERT INTO payment (customer_id, staff_id, rental_id, amount, payment_date) VALUES (1, 1, 42, 1.00, '2022-05-30 00:00:00+00');
INSERT INTO payment (customer_id, staff_id, rental_id, amount, payment_date) VALUES (1, 1, 1, 1.00, '2021-05-30 00:00:00+00');
SELECT tableoid::regclass AS partition, payment_id, amount, payment_date FROM payment ORDER BY payment_id;
SELECT p.payment_id, c.first_name, f.title, s.username
FROM payment p JOIN rental r USING (rental_id) JOIN inventory i USING (inventory_id) JOIN film f USING (film_id)
JOIN customer c ON c.customer_id = p.customer_id JOIN staff s ON s.staff_id = p.staff_id
ORDER BY p.payment_id;
SELECT inventory_in_stock(1) AS in1, inventory_in_stock(3) AS in3;
SELECT * FROM film_in_stock(1, 1) ORDER BY 1;
SELECT * FROM sales_by_film_category;
-- film_list and nicer_but_slower_film_list call the user-defined aggregate group_concat; the order
-- its inputs arrive in depends on the join plan, so only what does not depend on it is shown.
SELECT fid, title, category, price, length, rating, length(actors) AS actors_length, actors LIKE '%NICK WAHLBERG%' AS with_nick
FROM film_list ORDER BY fid;
SELECT fid, title, category, length(actors) AS actors_length, actors LIKE '%PenelopeGuiness%' AS with_penelope
FROM nicer_but_slower_film_list ORDER BY fid;
SELECT group_concat(first_name ORDER BY actor_id) FROM actor;
SELECT * FROM rental_by_category;
REFRESH MATERIALIZED VIEW rental_by_category;
SELECT * FROM rental_by_category;
-- actor_info: each actor's films by category, built with jsonb_object_agg … FILTER.
SELECT * FROM actor_info ORDER BY actor_id;
SELECT actor_id, film_info -> 'Action' ->> 0 AS action, jsonb_typeof(film_info) FROM actor_info WHERE film_info ? 'Animation' ORDER BY actor_id;

-- Keys that hold the chain together.
DELETE FROM film WHERE film_id = 1;
DELETE FROM rental WHERE rental_id = 1;
DELETE FROM customer WHERE customer_id = 1;
UPDATE film SET film_id = 10 WHERE film_id = 1;
SELECT film_id, count(*) FROM inventory GROUP BY film_id ORDER BY film_id;
SELECT actor_id, film_id FROM film_actor ORDER BY actor_id, film_id;
UPDATE inventory SET inventory_id = 30 WHERE inventory_id = 3;
SELECT rental_id, inventory_id FROM rental ORDER BY rental_id;
