-- Full-text search over article text and claim quotes. drizzle-kit cannot express FTS5
-- virtual tables, so this is drizzle-kit's "custom" migration kind (generate --custom).
-- External-content tables: the text lives once, in articles/claims; triggers keep the index in step.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF title, text ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_fts` USING fts5(quote, source_text, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `claims_fts_insert` AFTER INSERT ON `claims` BEGIN
  INSERT INTO claims_fts(rowid, quote, source_text) VALUES (new.id, new.quote, new.source_text);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_delete` AFTER DELETE ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, source_text) VALUES ('delete', old.id, old.quote, old.source_text);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_update` AFTER UPDATE OF quote, source_text ON `claims` BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, quote, source_text) VALUES ('delete', old.id, old.quote, old.source_text);
  INSERT INTO claims_fts(rowid, quote, source_text) VALUES (new.id, new.quote, new.source_text);
END;
