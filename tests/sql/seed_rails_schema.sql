-- Seed 003 (Rails keys chapter): the schemas its ActiveRecord migrations create, written as the SQL
-- PostgreSQL receives (t.references = bigint column + index; foreign_key: true = REFERENCES).
CREATE TABLE authors (id BIGSERIAL PRIMARY KEY, name VARCHAR,
  created_at TIMESTAMP(6) NOT NULL, updated_at TIMESTAMP(6) NOT NULL);
CREATE TABLE books (id BIGSERIAL PRIMARY KEY, author_id BIGINT NOT NULL, title VARCHAR,
  created_at TIMESTAMP(6) NOT NULL, updated_at TIMESTAMP(6) NOT NULL);
ALTER TABLE books ADD CONSTRAINT fk_rails_books_author FOREIGN KEY (author_id) REFERENCES authors(id);
INSERT INTO authors (name, created_at, updated_at) VALUES
  ('Le Guin', '2024-01-01 10:00:00', '2024-01-01 10:00:00'),
  ('Borges', '2024-01-02 11:30:00.123456', '2024-01-02 11:30:00.1234567');
INSERT INTO books (author_id, title, created_at, updated_at) VALUES
  (1, 'The Dispossessed', '2024-02-01', '2024-02-01'),
  (1, 'The Lathe of Heaven', '2024-02-02', '2024-02-02'),
  (2, 'Ficciones', '2024-02-03', '2024-02-03');
INSERT INTO books (author_id, title, created_at, updated_at) VALUES (3, 'Orphan', '2024-02-04', '2024-02-04');
INSERT INTO books (title, created_at, updated_at) VALUES ('No author', '2024-02-04', '2024-02-04');
SELECT a.name, b.title, b.created_at FROM authors a JOIN books b ON b.author_id = a.id ORDER BY a.name, b.title;
SELECT id, name, updated_at FROM authors ORDER BY id;
-- orders / products / order_items via t.references ... null: false, foreign_key: true
CREATE TABLE customers (id BIGSERIAL PRIMARY KEY, name VARCHAR NOT NULL);
CREATE TABLE orders (id BIGSERIAL PRIMARY KEY, order_number VARCHAR, total_amount DECIMAL,
  status VARCHAR NOT NULL DEFAULT 'pending', customer_id BIGINT REFERENCES customers(id));
CREATE TABLE products (id BIGSERIAL PRIMARY KEY, title VARCHAR NOT NULL);
CREATE TABLE order_items (
  id BIGSERIAL PRIMARY KEY,
  order_id BIGINT NOT NULL REFERENCES orders(id),
  product_id BIGINT NOT NULL REFERENCES products(id),
  quantity INTEGER,
  price DECIMAL);
CREATE INDEX index_order_items_on_order_id ON order_items (order_id);
CREATE INDEX index_order_items_on_product_id ON order_items (product_id);
CREATE INDEX index_orders_on_status_and_customer_id ON orders (status, customer_id);
INSERT INTO customers (name) VALUES ('Acme'), ('Globex');
INSERT INTO orders (order_number, total_amount, customer_id) VALUES ('A-1', 30.5, 1), ('A-2', 12, 2);
INSERT INTO orders (order_number, total_amount, status, customer_id) VALUES ('A-3', 99.999, 'paid', 1);
INSERT INTO products (title) VALUES ('Widget'), ('Gadget'), ('Doohickey');
INSERT INTO order_items (order_id, product_id, quantity, price) VALUES
  (1, 1, 2, 10.25), (1, 2, 1, 10), (2, 3, 4, 3), (3, 1, 1, 99.999);
INSERT INTO order_items (order_id, product_id, quantity, price) VALUES (1, 9, 1, 1);
-- The chapter's query: pending orders with customer and product
SELECT orders.*, customers.name, products.title
FROM orders
JOIN customers ON customers.id = orders.customer_id
JOIN order_items ON order_items.order_id = orders.id
JOIN products ON products.id = order_items.product_id
WHERE orders.status = 'pending'
ORDER BY orders.id, products.title;
-- Deleting an order with items: the default FK action is NO ACTION
DELETE FROM orders WHERE id = 2;
-- destroy_with_items: delete the children, then the parent, in one transaction
BEGIN;
DELETE FROM order_items WHERE order_id = 2;
DELETE FROM orders WHERE id = 2;
COMMIT;
SELECT id, order_number FROM orders ORDER BY id;
-- Composite primary key (order_id, line_number)
CREATE TABLE order_line_items (order_id BIGINT, line_number INTEGER,
  product_id BIGINT REFERENCES products(id), price DECIMAL,
  PRIMARY KEY (order_id, line_number));
ALTER TABLE order_line_items ADD FOREIGN KEY (order_id) REFERENCES orders(id);
INSERT INTO order_line_items VALUES (1, 1, 1, 10), (1, 2, 2, 20), (3, 1, 1, 5);
INSERT INTO order_line_items VALUES (1, 2, 3, 30);
INSERT INTO order_line_items VALUES (1, NULL, 3, 30);
INSERT INTO order_line_items VALUES (2, 1, 3, 30);
SELECT order_id, line_number, product_id, price FROM order_line_items ORDER BY order_id, line_number;
-- UUID primary keys (enable_extension 'pgcrypto')
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE documents (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), title VARCHAR, content TEXT);
CREATE TABLE document_versions (id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id UUID NOT NULL, version_number INTEGER, content TEXT);
ALTER TABLE document_versions ADD FOREIGN KEY (document_id) REFERENCES documents(id);
CREATE INDEX index_document_versions_on_document_id ON document_versions (document_id);
INSERT INTO documents (id, title) VALUES ('00000000-0000-4000-8000-000000000001', 'Spec');
INSERT INTO documents (title) VALUES ('Draft');
INSERT INTO document_versions (document_id, version_number, content) VALUES
  ('00000000-0000-4000-8000-000000000001', 1, 'v1'), ('00000000-0000-4000-8000-000000000001', 2, 'v2');
INSERT INTO document_versions (document_id, version_number) VALUES ('00000000-0000-4000-8000-0000000000ff', 1);
SELECT d.title, v.version_number, v.content FROM documents d JOIN document_versions v ON v.document_id = d.id
ORDER BY v.version_number;
-- One-to-one: user_profiles.user_id with a unique index
CREATE TABLE users (id BIGSERIAL PRIMARY KEY, username VARCHAR);
CREATE TABLE user_profiles (id BIGSERIAL PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id), bio VARCHAR, avatar_url VARCHAR);
CREATE UNIQUE INDEX index_user_profiles_on_user_id ON user_profiles (user_id);
INSERT INTO users (username) VALUES ('ann'), ('ben');
INSERT INTO user_profiles (user_id, bio) VALUES (1, 'hi'), (2, 'yo');
INSERT INTO user_profiles (user_id, bio) VALUES (1, 'again');
-- Self-referential categories (t.references :parent, foreign_key: { to_table: :categories })
CREATE TABLE categories (id BIGSERIAL PRIMARY KEY, name VARCHAR, parent_id BIGINT REFERENCES categories(id));
CREATE INDEX index_categories_on_parent_id ON categories (parent_id);
INSERT INTO categories (name, parent_id) VALUES ('Root', NULL), ('Books', 1), ('Fiction', 2), ('Music', 1);
INSERT INTO categories (name, parent_id) VALUES ('Lost', 42);
SELECT c.name, p.name AS parent FROM categories c LEFT JOIN categories p ON p.id = c.parent_id ORDER BY c.id;
SELECT p.name, count(c.id) AS subcategories FROM categories p LEFT JOIN categories c ON c.parent_id = p.id
GROUP BY p.id, p.name ORDER BY p.id;
DELETE FROM categories WHERE name = 'Books';
-- Polymorphic taggings: no database FK on taggable_id, only on tag_id
CREATE TABLE tags (id BIGSERIAL PRIMARY KEY, name VARCHAR);
CREATE TABLE taggings (id BIGSERIAL PRIMARY KEY, tag_id BIGINT NOT NULL REFERENCES tags(id),
  taggable_type VARCHAR NOT NULL, taggable_id BIGINT NOT NULL);
CREATE UNIQUE INDEX index_taggings_unique ON taggings (taggable_type, taggable_id, tag_id);
INSERT INTO tags (name) VALUES ('classic'), ('new');
INSERT INTO taggings (tag_id, taggable_type, taggable_id) VALUES (1, 'Book', 1), (1, 'Author', 1), (2, 'Book', 1);
INSERT INTO taggings (tag_id, taggable_type, taggable_id) VALUES (1, 'Book', 1);
INSERT INTO taggings (tag_id, taggable_type, taggable_id) VALUES (2, 'Book', 999);
SELECT t.name, tg.taggable_type, tg.taggable_id FROM taggings tg JOIN tags t ON t.id = tg.tag_id
ORDER BY tg.taggable_type, tg.taggable_id, t.name;
-- Soft delete: deleted_at plus an "active" scope; references stay intact
ALTER TABLE users ADD COLUMN deleted_at TIMESTAMP;
CREATE INDEX index_users_on_deleted_at ON users (deleted_at);
UPDATE users SET deleted_at = '2024-03-01 12:00:00' WHERE username = 'ben';
SELECT id, username FROM users WHERE deleted_at IS NULL ORDER BY id;
SELECT u.username, p.bio, u.deleted_at FROM users u JOIN user_profiles p ON p.user_id = u.id ORDER BY u.id;
-- Composite foreign key and a custom-named foreign key with cascade options
CREATE TABLE parents (id1 INTEGER, id2 INTEGER, label TEXT, PRIMARY KEY (id1, id2));
CREATE TABLE children (id SERIAL PRIMARY KEY, col1 INTEGER, col2 INTEGER, buyer_id BIGINT);
ALTER TABLE children ADD FOREIGN KEY (col1, col2) REFERENCES parents (id1, id2)
  ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE children ADD CONSTRAINT fk_orders_buyers FOREIGN KEY (buyer_id) REFERENCES customers(id);
INSERT INTO parents VALUES (1, 1, 'a'), (1, 2, 'b');
INSERT INTO children (col1, col2, buyer_id) VALUES (1, 1, 1), (1, 2, NULL), (NULL, 9, 2);
INSERT INTO children (col1, col2) VALUES (2, 1);
INSERT INTO children (col1, col2, buyer_id) VALUES (1, 1, 5);
UPDATE parents SET id2 = 20 WHERE id2 = 2;
DELETE FROM parents WHERE id1 = 1 AND id2 = 1;
SELECT id, col1, col2, buyer_id FROM children ORDER BY id;
