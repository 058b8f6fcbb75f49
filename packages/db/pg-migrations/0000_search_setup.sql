-- What the tables' search columns and indexes need, before the tables: drizzle-kit cannot express
-- extensions or text search configurations, so this is its "custom" migration kind (generate --custom).
-- Both extensions ship with PostgreSQL (contrib) and are trusted: a database owner may create them.
--
-- unaccent folds diacritics out of search words, as FTS5's `unicode61 remove_diacritics 2` does on SQLite.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- Trigrams of folded alias names: "did you mean" suggestions and substring look-ups by index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- `simple` (lower case, no stemming, no stop words: FTS5's unicode61 tokenizer does neither) with
-- unaccent in front of it for words that have letters beyond ASCII.
CREATE TEXT SEARCH CONFIGURATION sitrep (COPY = pg_catalog.simple);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION sitrep ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
