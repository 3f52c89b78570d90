-- A day of the bookstore, for a profiling run (docs/impact-model.md, "With a
-- profile"): 200 books, 50 customers, 2,000 open orders of 3 lines each.
--   sqlite3 bookstore.db < examples/bookstore/data/seed.sql
DROP TABLE IF EXISTS books;
DROP TABLE IF EXISTS customers;
DROP TABLE IF EXISTS orders;
DROP TABLE IF EXISTS order_lines;
CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT, author TEXT, price REAL);
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, status TEXT);
CREATE TABLE order_lines (order_id INTEGER, book_id INTEGER, quantity INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO books SELECT i, 'Title ' || i, 'Author ' || (i % 40), 5 + i % 20
  FROM n WHERE i <= 200;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO customers SELECT i, 'Customer ' || i, 'c' || i || '@example.com' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO orders SELECT i, 1 + i % 50, 'open' FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
INSERT INTO order_lines SELECT 1 + (i - 1) / 3, 1 + i % 200, 1 + i % 3 FROM n;
CREATE INDEX order_lines_by_order ON order_lines (order_id);
