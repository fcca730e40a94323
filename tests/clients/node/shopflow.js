// node-postgres (pg) against tenon serve, the way the seed documents' ShopFlow examples use it:
// a Pool, parameterized queries ($1), transactions on a checked-out client, RETURNING ids, the
// ShopFlow schema with its foreign keys, and the errors an application catches (err.code,
// err.constraint, err.detail). Connection settings come from PGHOST/PGPORT/PGUSER/PGDATABASE.
// Prints one "ok" line per check; any failure throws and exits non-zero.
'use strict';
const assert = require('node:assert/strict');
const { Pool, Client } = require('pg');

let checks = 0;
function ok(name) { checks++; console.log(`ok ${checks} - ${name}`); }

async function expectError(promise, fields) {
  try {
    await promise;
  } catch (err) {
    for (const [k, v] of Object.entries(fields)) assert.equal(err[k], v, `err.${k} (${err.message})`);
    return err;
  }
  assert.fail(`expected an error with ${JSON.stringify(fields)}`);
}

async function schema(pool) {
  await pool.query(`CREATE TABLE users (
      id SERIAL PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT NOT NULL UNIQUE
    )`);
  await pool.query(`CREATE TABLE categories (
      id SERIAL PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      slug TEXT NOT NULL UNIQUE
    )`);
  await pool.query(`CREATE TABLE products (
      id SERIAL PRIMARY KEY,
      name TEXT NOT NULL,
      price NUMERIC(10, 2) NOT NULL CHECK (price >= 0),
      category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL
    )`);
  await pool.query('CREATE INDEX idx_products_category_id ON products(category_id)');
  await pool.query(`CREATE TABLE orders (
      id SERIAL PRIMARY KEY,
      user_id INTEGER NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
      CONSTRAINT fk_orders_user
        FOREIGN KEY (user_id) REFERENCES users(id)
        ON DELETE RESTRICT ON UPDATE CASCADE
    )`);
  await pool.query(`CREATE TABLE order_items (
      id SERIAL PRIMARY KEY,
      order_id INTEGER NOT NULL,
      product_id INTEGER NOT NULL,
      quantity INTEGER NOT NULL CHECK (quantity > 0),
      price_at_purchase NUMERIC(10, 2) NOT NULL CHECK (price_at_purchase >= 0),
      UNIQUE (order_id, product_id),
      CONSTRAINT fk_order_items_order
        FOREIGN KEY (order_id) REFERENCES orders(id)
        ON DELETE CASCADE ON UPDATE CASCADE,
      CONSTRAINT fk_order_items_product
        FOREIGN KEY (product_id) REFERENCES products(id)
        ON DELETE RESTRICT ON UPDATE CASCADE
    )`);
  await pool.query('CREATE INDEX idx_orders_user_id ON orders(user_id)');
  await pool.query('CREATE INDEX idx_order_items_order_id ON order_items(order_id)');
  await pool.query('CREATE INDEX idx_order_items_product_id ON order_items(product_id)');
  await pool.query(`CREATE TABLE user_profiles (
      user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
      bio TEXT,
      avatar_url TEXT
    )`);
  ok('ShopFlow schema created');
}

// The checkout flow: one transaction on a pooled client, rolled back on any error.
async function placeOrder(pool, userId, items) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows: [order] } = await client.query(
      'INSERT INTO orders (user_id) VALUES ($1) RETURNING id, status, created_at', [userId]);
    for (const { productId, quantity } of items) {
      await client.query(
        `INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase)
         SELECT $1, id, $3, price FROM products WHERE id = $2`,
        [order.id, productId, quantity]);
    }
    await client.query('COMMIT');
    return order;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}

async function main() {
  const pool = new Pool({ max: 4 });
  try {
    const { rows: [v] } = await pool.query('SELECT 1 + 1 AS two, $1::text AS echo', ['hi']);
    assert.deepEqual(v, { two: 2, echo: 'hi' });
    ok('connect and a parameterized SELECT');

    await schema(pool);

    // RETURNING ids from parameterized inserts
    const alice = (await pool.query(
      'INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id', ['Alice', 'alice@example.com'])).rows[0].id;
    const bob = (await pool.query(
      'INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id', ['Bob', 'bob@example.com'])).rows[0].id;
    assert.equal(alice, 1);
    assert.equal(bob, 2);
    ok('INSERT … RETURNING id');

    const cats = await pool.query(
      `INSERT INTO categories (name, slug) VALUES ('Electronics', 'electronics'), ('Accessories', 'accessories')
       RETURNING id, slug`);
    assert.equal(cats.rowCount, 2);
    const [electronics, accessories] = cats.rows.map(r => r.id);
    const ins = await pool.query(
      `INSERT INTO products (name, price, category_id) VALUES ($1, $2, $3), ($4, $5, $6), ($7, $8, $9) RETURNING id`,
      ['Laptop', '999.99', electronics, 'Mouse', 19.5, accessories, 'Cable', '4.00', null]);
    const [laptop, mouse, cable] = ins.rows.map(r => r.id);
    assert.equal(ins.command, 'INSERT');
    assert.equal(ins.rowCount, 3);
    ok('multi-row INSERT with parameters of several types, NULL included');

    // numeric comes back as a string, as node-postgres does for PostgreSQL
    const { rows: prices } = await pool.query('SELECT name, price FROM products WHERE price > $1 ORDER BY price', [5]);
    assert.deepEqual(prices, [{ name: 'Mouse', price: '19.50' }, { name: 'Laptop', price: '999.99' }]);
    ok('numeric(10,2) values as strings');

    // transactions on a pooled client
    const order1 = await placeOrder(pool, alice, [{ productId: laptop, quantity: 1 }, { productId: mouse, quantity: 2 }]);
    assert.equal(order1.status, 'pending');
    assert.ok(order1.created_at instanceof Date, 'timestamptz parsed into a Date');
    const order2 = await placeOrder(pool, bob, [{ productId: cable, quantity: 3 }]);
    const { rows: totals } = await pool.query(
      `SELECT u.name, count(oi.id)::int AS items, sum(oi.quantity * oi.price_at_purchase) AS total
         FROM users u JOIN orders o ON o.user_id = u.id JOIN order_items oi ON oi.order_id = o.id
        GROUP BY u.name ORDER BY u.name`);
    assert.deepEqual(totals, [{ name: 'Alice', items: 2, total: '1038.99' }, { name: 'Bob', items: 1, total: '12.00' }]);
    ok('checkout transactions committed; join with GROUP BY');

    // a failing transaction rolls back all of its rows
    const err = await expectError(placeOrder(pool, alice, [{ productId: mouse, quantity: 1 }, { productId: mouse, quantity: 1 }]),
      { code: '23505', constraint: 'order_items_order_id_product_id_key', table: 'order_items' });
    assert.match(err.detail, /^Key \(order_id, product_id\)=\(\d+, \d+\) already exists\.$/);
    assert.equal(err.message, 'duplicate key value violates unique constraint "order_items_order_id_product_id_key"');
    assert.equal((await pool.query('SELECT count(*)::int AS n FROM orders')).rows[0].n, 2);
    ok('unique violation: err.code 23505, err.constraint, err.detail; transaction rolled back');

    // foreign key violations
    const fk = await expectError(pool.query('INSERT INTO orders (user_id) VALUES ($1)', [9999]),
      { code: '23503', constraint: 'fk_orders_user', table: 'orders', severity: 'ERROR' });
    assert.equal(fk.detail, 'Key (user_id)=(9999) is not present in table "users".');
    assert.equal(fk.message, 'insert or update on table "orders" violates foreign key constraint "fk_orders_user"');
    ok('FK violation on insert: 23503 with constraint and detail');

    const restrict = await expectError(pool.query('DELETE FROM users WHERE id = $1', [alice]),
      { code: '23503', constraint: 'fk_orders_user', table: 'orders' });
    assert.equal(restrict.detail, `Key (id)=(${alice}) is still referenced from table "orders".`);
    assert.equal(restrict.message,
      'update or delete on table "users" violates foreign key constraint "fk_orders_user" on table "orders"');
    ok('ON DELETE RESTRICT blocks deleting a user with orders');

    await expectError(pool.query('DELETE FROM products WHERE id = $1', [laptop]),
      { code: '23503', constraint: 'fk_order_items_product' });
    await expectError(pool.query('INSERT INTO order_items (order_id, product_id, quantity, price_at_purchase) VALUES ($1, $2, 0, 1)', [order1.id, cable]),
      { code: '23514', constraint: 'order_items_quantity_check' });
    await expectError(pool.query('INSERT INTO users (name, email) VALUES ($1, $2)', [null, 'x@example.com']),
      { code: '23502', column: 'name', table: 'users' });
    ok('RESTRICT on products, CHECK and NOT NULL violations');

    // ON UPDATE CASCADE propagates a changed key
    await pool.query('UPDATE users SET id = 100 WHERE id = $1', [bob]);
    assert.equal((await pool.query('SELECT user_id FROM orders WHERE id = $1', [order2.id])).rows[0].user_id, 100);
    ok('ON UPDATE CASCADE');

    // ON DELETE CASCADE: deleting an order deletes its items
    const del = await pool.query('DELETE FROM orders WHERE id = $1', [order1.id]);
    assert.equal(del.rowCount, 1);
    assert.equal((await pool.query('SELECT count(*)::int AS n FROM order_items WHERE order_id = $1', [order1.id])).rows[0].n, 0);
    ok('ON DELETE CASCADE removes order items');

    // ON DELETE SET NULL: products lose their category
    await pool.query('DELETE FROM categories WHERE slug = $1', ['electronics']);
    assert.equal((await pool.query('SELECT category_id FROM products WHERE id = $1', [laptop])).rows[0].category_id, null);
    ok('ON DELETE SET NULL');

    // one-to-one profile, cascaded with its user (after the user's orders are handled explicitly)
    await pool.query('INSERT INTO user_profiles (user_id, bio) VALUES ($1, $2)', [alice, 'hello']);
    await expectError(pool.query('INSERT INTO user_profiles (user_id) VALUES ($1)', [alice]),
      { code: '23505', constraint: 'user_profiles_pkey' });
    await pool.query('BEGIN');
    await pool.query('DELETE FROM users WHERE id = $1', [alice]);
    assert.equal((await pool.query('SELECT count(*)::int AS n FROM user_profiles')).rows[0].n, 0);
    await pool.query('ROLLBACK');
    ok('one-to-one profile: PK violation, cascade (rolled back)');

    // pooled clients working concurrently, each with its own transaction
    const clients = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    try {
      await Promise.all(clients.map(async (c, i) => {
        await c.query('BEGIN');
        await c.query('INSERT INTO categories (name, slug) VALUES ($1, $2)', [`c${i}`, `slug-${i}`]);
        if (i === 2) await c.query('ROLLBACK'); else await c.query('COMMIT');
      }));
    } finally {
      clients.forEach(c => c.release());
    }
    const { rows: slugs } = await pool.query("SELECT slug FROM categories WHERE slug LIKE 'slug-%' ORDER BY slug");
    assert.deepEqual(slugs.map(r => r.slug), ['slug-0', 'slug-1']);
    ok('three pooled clients in parallel transactions');

    // a named prepared statement reused across calls; rowMode array
    const byEmail = { name: 'user-by-email', text: 'SELECT id, name FROM users WHERE email = $1' };
    assert.equal((await pool.query({ ...byEmail, values: ['alice@example.com'] })).rows[0].name, 'Alice');
    assert.equal((await pool.query({ ...byEmail, values: ['bob@example.com'] })).rows[0].id, 100);
    const arr = await pool.query({ text: 'SELECT $1::int AS a, $2::text AS b', values: [7, 'x'], rowMode: 'array' });
    assert.deepEqual(arr.rows, [[7, 'x']]);
    assert.deepEqual(arr.fields.map(f => f.name), ['a', 'b']);
    ok('named prepared statements and rowMode array');

    // a plain Client with a multi-statement simple query
    const client = new Client();
    await client.connect();
    const multi = await client.query('SELECT 1 AS a; SELECT 2 AS b');
    assert.deepEqual(multi.map(r => r.rows[0]), [{ a: 1 }, { b: 2 }]);
    await client.end();
    ok('Client with a multi-statement simple query');
  } finally {
    await pool.end();
  }
  console.log(`all ${checks} checks passed`);
}

main().catch(err => {
  console.error('FAILED:', err && err.stack || err);
  if (err && err.code) console.error(`  code=${err.code} constraint=${err.constraint} detail=${err.detail}`);
  process.exit(1);
});
