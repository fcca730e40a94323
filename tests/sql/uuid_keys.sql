-- UUID keys: gen_random_uuid() (built into PostgreSQL 13+, no extension), uuid input forms and
-- output format, invalid input (22P02), uniqueness, uuid foreign keys, comparisons and casts.
-- Random values are never printed: only counts, lengths, NULL-ness and version digits.
SELECT gen_random_uuid() IS NOT NULL AS generated, length(gen_random_uuid()::text) AS len;
SELECT gen_random_uuid() = gen_random_uuid() AS same;
SELECT substr(gen_random_uuid()::text, 15, 1) AS version_digit,
       substr(gen_random_uuid()::text, 20, 1) IN ('8', '9', 'a', 'b') AS rfc4122_variant;
SELECT pg_typeof(gen_random_uuid());
-- accepted input forms all print in the canonical lower-case form
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid AS upper_case;
SELECT '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}'::uuid AS braces;
SELECT 'a0eebc999c0b4ef8bb6d6bb9bd380a11'::uuid AS no_hyphens;
SELECT 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11'::uuid AS hyphen_groups;
-- invalid input
SELECT 'not-a-uuid'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11x'::uuid;
SELECT 'g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid;
-- a uuid primary key with a default
CREATE TABLE users (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  email TEXT NOT NULL UNIQUE
);
INSERT INTO users (email) SELECT 'user' || n || '@example.com' FROM generate_series(1, 50) AS n;
SELECT count(*) AS rows, count(DISTINCT id) AS distinct_ids, bool_and(id IS NOT NULL) AS all_set FROM users;
SELECT count(*) FILTER (WHERE substr(id::text, 15, 1) = '4') AS v4 FROM users;
INSERT INTO users (id, email) VALUES ('11111111-1111-1111-1111-111111111111', 'fixed@example.com');
INSERT INTO users (id, email) VALUES ('11111111-1111-1111-1111-111111111111', 'dup@example.com');
INSERT INTO users (id, email) VALUES ('{11111111111111111111111111111111}', 'dup2@example.com');
INSERT INTO users (id, email) VALUES ('bogus', 'bogus@example.com');
INSERT INTO users (id, email) VALUES (NULL, 'null@example.com');
-- RETURNING a generated uuid: show only its shape
INSERT INTO users (email) VALUES ('ret@example.com') RETURNING length(id::text) AS len, email;
-- a uuid foreign key
CREATE TABLE sessions (
  token UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  label TEXT
);
INSERT INTO sessions (user_id, label) VALUES ('11111111-1111-1111-1111-111111111111', 'laptop');
INSERT INTO sessions (user_id, label) VALUES ('11111111-1111-1111-1111-111111111111', 'phone');
INSERT INTO sessions (user_id, label) VALUES ('22222222-2222-2222-2222-222222222222', 'ghost');
INSERT INTO sessions (user_id, label) SELECT id, 'bulk' FROM users WHERE email LIKE 'user1%';
SELECT count(*) FROM sessions;
SELECT u.email, s.label FROM sessions s JOIN users u ON u.id = s.user_id
WHERE u.email = 'fixed@example.com' ORDER BY s.label;
DELETE FROM users WHERE id = '11111111-1111-1111-1111-111111111111';
SELECT count(*) FROM sessions;
-- a uuid column cannot reference an integer key, nor the other way round
CREATE TABLE int_parent (id INTEGER PRIMARY KEY);
CREATE TABLE bad_child (pid UUID REFERENCES int_parent);
CREATE TABLE bad_child2 (pid INTEGER REFERENCES users);
-- comparison, ordering and casts of fixed values
CREATE TABLE fixed (u UUID PRIMARY KEY);
INSERT INTO fixed VALUES ('ffffffff-ffff-ffff-ffff-ffffffffffff'), ('00000000-0000-0000-0000-000000000000'),
  ('0a000000-0000-0000-0000-000000000000'), ('a0000000-0000-0000-0000-000000000000');
SELECT u FROM fixed ORDER BY u;
SELECT u FROM fixed WHERE u > '0a000000-0000-0000-0000-000000000000' ORDER BY u DESC;
SELECT u::text || '!' AS as_text FROM fixed WHERE u = '00000000-0000-0000-0000-000000000000';
SELECT '00000000-0000-0000-0000-000000000000'::uuid = '00000000000000000000000000000000'::uuid AS equal;
SELECT min(u::text), max(u::text) FROM fixed;
SELECT 1::uuid;
