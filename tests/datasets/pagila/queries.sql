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
INSERT INTO store (store_id, manager_staff_id, address_id) VALUES (2, 1, 2);
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
