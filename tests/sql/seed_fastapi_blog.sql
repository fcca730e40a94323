-- Seed 000 (FastAPI blog tutorial): every SQL example, in order, made runnable.
-- Primary key option 1: BIGSERIAL
CREATE TABLE posts (
id BIGSERIAL PRIMARY KEY, -- 1, 2, 3, 4 ...
title TEXT NOT NULL
);
INSERT INTO posts (title) VALUES ('first'), ('second'), ('third');
SELECT id, title FROM posts ORDER BY id;
INSERT INTO posts (title) VALUES (NULL);
INSERT INTO posts (id, title) VALUES (2, 'duplicate id');
-- Primary key option 2: UUID. gen_random_uuid() is built into PostgreSQL 13+;
-- the extension is harmless (IF NOT EXISTS) and also provides it.
CREATE EXTENSION IF NOT EXISTS "pgcrypto"; -- enable UUID generation
CREATE TABLE users (
id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
email TEXT NOT NULL
);
INSERT INTO users (email) VALUES ('a@example.com'), ('b@example.com');
SELECT count(*), count(DISTINCT id), bool_and(id IS NOT NULL) FROM users;
SELECT email, length(id::text) AS len, substr(id::text, 15, 1) AS version FROM users ORDER BY email;
INSERT INTO users (id, email) VALUES ('a8098c1a-f86e-11da-bd1a-00112444be1e', 'c@example.com');
INSERT INTO users (id, email) VALUES ('a8098c1a-f86e-11da-bd1a-00112444be1e', 'd@example.com');
SELECT id, email FROM users WHERE email = 'c@example.com';
-- Option 3: composite primary key; tags must exist first
CREATE TABLE post_tags (
post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
PRIMARY KEY (post_id, tag_id) -- no separate id column needed
);
CREATE TABLE tags (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE post_tags (
post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
PRIMARY KEY (post_id, tag_id) -- no separate id column needed
);
INSERT INTO tags (name) VALUES ('sql'), ('python');
INSERT INTO post_tags VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO post_tags VALUES (1, 1);
INSERT INTO post_tags VALUES (3, 99);
SELECT * FROM post_tags ORDER BY post_id, tag_id;
DROP TABLE post_tags, tags, posts, users;
-- Basic foreign key: users(id) is UUID here, so a BIGINT column cannot reference it
CREATE TABLE users (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), email TEXT NOT NULL);
CREATE TABLE posts (
id BIGSERIAL PRIMARY KEY,
author_id BIGINT NOT NULL REFERENCES users(id),
title TEXT NOT NULL
);
DROP TABLE users;
-- ... with BIGSERIAL users it works
CREATE TABLE users (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE categories (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (
id BIGSERIAL PRIMARY KEY,
author_id BIGINT NOT NULL REFERENCES users(id),
title TEXT NOT NULL
);
INSERT INTO users (name) VALUES ('ann');
INSERT INTO posts (title, author_id) VALUES ('Test', 1);
-- Verify FK constraints are working
INSERT INTO posts (title, author_id) VALUES ('Test', 9999);
-- Default ON DELETE is NO ACTION: a user with posts cannot be deleted
DELETE FROM users WHERE id = 1;
DROP TABLE posts;
-- Explicit ON DELETE behaviour
CREATE TABLE posts (
id BIGSERIAL PRIMARY KEY,
author_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
category_id BIGINT REFERENCES categories(id) ON DELETE SET NULL
-- author_id: delete post when user deleted (post is owned by user)
-- category_id: keep post but null the category when category deleted
);
INSERT INTO users (name) VALUES ('bob');
INSERT INTO categories (name) VALUES ('news'), ('misc');
INSERT INTO posts (author_id, category_id) VALUES (1, 1), (1, 2), (2, 1), (2, NULL);
DELETE FROM categories WHERE id = 1;
SELECT * FROM posts ORDER BY id;
DELETE FROM users WHERE id = 1;
SELECT * FROM posts ORDER BY id;
DROP TABLE posts, categories, users;
-- Modelling relationship types: one-to-many, one-to-one, many-to-many
CREATE TABLE users (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE posts (
id BIGSERIAL PRIMARY KEY,
author_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
title TEXT NOT NULL
);
CREATE TABLE user_profiles (
user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
-- user_id is BOTH the PK and the FK — enforces one-to-one
bio TEXT,
avatar_url TEXT
);
CREATE TABLE tags (
id BIGSERIAL PRIMARY KEY,
name TEXT NOT NULL UNIQUE
);
CREATE TABLE post_tags (
post_id BIGINT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
tag_id BIGINT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
PRIMARY KEY (post_id, tag_id),
created_at TIMESTAMPTZ NOT NULL DEFAULT NOW() -- when was this tag assigned?
);
INSERT INTO users (name) VALUES ('alice'), ('bob');
INSERT INTO posts (author_id, title) VALUES (1, 'Hello'), (1, 'Keys'), (2, 'Joins');
INSERT INTO user_profiles (user_id, bio) VALUES (1, 'writes about SQL');
INSERT INTO user_profiles (user_id, bio) VALUES (1, 'second profile');
INSERT INTO user_profiles (user_id, bio) VALUES (3, 'nobody');
INSERT INTO tags (name) VALUES ('postgres'), ('python'), ('fastapi');
INSERT INTO tags (name) VALUES ('python');
INSERT INTO post_tags (post_id, tag_id) VALUES (1, 1), (1, 3), (2, 1), (3, 2);
-- Query: find all tags for post 1
SELECT t.name
FROM tags t
JOIN post_tags pt ON t.id = pt.tag_id
WHERE pt.post_id = 1
ORDER BY t.name;
SELECT count(*) AS assigned, bool_and(created_at IS NOT NULL) AS stamped FROM post_tags;
-- Mass deletion through a cascade chain: users -> posts -> post_tags, users -> user_profiles
DELETE FROM users WHERE id = 1;
SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM post_tags) AS post_tags,
       (SELECT count(*) FROM user_profiles) AS profiles, (SELECT count(*) FROM tags) AS tags;
-- Mistake 2: a nullable FK lets a post exist without an author
CREATE TABLE drafts (id BIGSERIAL PRIMARY KEY, author_id BIGINT REFERENCES users(id));
INSERT INTO drafts (author_id) VALUES (NULL);
CREATE TABLE drafts_required (id BIGSERIAL PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES users(id));
INSERT INTO drafts_required (author_id) VALUES (NULL);
SELECT * FROM drafts;
-- Mistake 3: in PostgreSQL 15 gen_random_uuid() needs no extension
CREATE TABLE things (id UUID DEFAULT gen_random_uuid(), n INT);
INSERT INTO things (n) VALUES (1), (2);
SELECT n, id IS NOT NULL AS has_id FROM things ORDER BY n;
