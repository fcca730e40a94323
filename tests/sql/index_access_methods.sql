-- Index access methods Tenon records: which key types have a default operator class
CREATE TABLE docs (id int, tags text[], body jsonb, words tsvector, q tsquery, addr inet);
CREATE INDEX ON docs USING gin (tags);
CREATE INDEX ON docs USING gin (body);
CREATE INDEX ON docs USING gin (words);
CREATE INDEX ON docs USING gist (words);
CREATE INDEX ON docs USING gist (q);
CREATE INDEX ON docs USING gin (id);
CREATE INDEX ON docs USING gist (id);
CREATE INDEX ON docs USING gist (addr);
CREATE INDEX ON docs USING gin (words, id);
CREATE INDEX ON docs USING gin ((id + 1));
CREATE INDEX ON docs USING btree (id);
CREATE UNIQUE INDEX ON docs USING gin (id);
SELECT indexdef FROM pg_indexes WHERE tablename = 'docs' ORDER BY indexname;
