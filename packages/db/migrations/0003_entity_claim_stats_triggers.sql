-- Keeps entity_sources and entity_claim_stats in step with claim_about, so that a hover's
-- "N claims from M sources" reads one row instead of counting every claim about the entity.
-- drizzle-kit cannot express triggers, so this is a "custom" migration (generate --custom).
--
-- A claim's source key: its actor, else its words (lower-cased), else the outlet's own voice.
-- The db package's sourceKey() computes the same key for new claims; this fills it in for old ones.
UPDATE `claim_about` SET `source_key` = (
  SELECT coalesce('actor:' || c.source_actor_id, 'text:' || lower(c.source_text), 'outlet:' || coalesce(a.outlet, ''))
  FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = claim_about.claim_id
);
--> statement-breakpoint
INSERT INTO `entity_sources` (entity_id, source_key, claims)
  SELECT entity_id, source_key, count(*) FROM claim_about GROUP BY entity_id, source_key;
--> statement-breakpoint
INSERT INTO `entity_claim_stats` (entity_id, claims, sources)
  SELECT entity_id, sum(claims), count(*) FROM entity_sources GROUP BY entity_id;
--> statement-breakpoint
CREATE TRIGGER `claim_about_stats_insert` AFTER INSERT ON `claim_about` BEGIN
  INSERT INTO entity_sources (entity_id, source_key, claims) VALUES (new.entity_id, new.source_key, 1)
    ON CONFLICT (entity_id, source_key) DO UPDATE SET claims = claims + 1;
  INSERT INTO entity_claim_stats (entity_id, claims, sources) VALUES (new.entity_id, 1, 1)
    ON CONFLICT (entity_id) DO UPDATE SET claims = claims + 1, sources = sources +
      (SELECT claims = 1 FROM entity_sources WHERE entity_id = new.entity_id AND source_key = new.source_key);
END;
--> statement-breakpoint
CREATE TRIGGER `claim_about_stats_delete` AFTER DELETE ON `claim_about` BEGIN
  UPDATE entity_sources SET claims = claims - 1 WHERE entity_id = old.entity_id AND source_key = old.source_key;
  UPDATE entity_claim_stats SET claims = claims - 1, sources = sources -
      (SELECT claims = 0 FROM entity_sources WHERE entity_id = old.entity_id AND source_key = old.source_key)
    WHERE entity_id = old.entity_id;
  DELETE FROM entity_sources WHERE entity_id = old.entity_id AND source_key = old.source_key AND claims = 0;
  DELETE FROM entity_claim_stats WHERE entity_id = old.entity_id AND claims = 0;
END;
--> statement-breakpoint
-- A merge moves claim_about rows to another entity; a changed source moves them to another key.
CREATE TRIGGER `claim_about_stats_update` AFTER UPDATE OF entity_id, source_key ON `claim_about` BEGIN
  UPDATE entity_sources SET claims = claims - 1 WHERE entity_id = old.entity_id AND source_key = old.source_key;
  UPDATE entity_claim_stats SET claims = claims - 1, sources = sources -
      (SELECT claims = 0 FROM entity_sources WHERE entity_id = old.entity_id AND source_key = old.source_key)
    WHERE entity_id = old.entity_id;
  DELETE FROM entity_sources WHERE entity_id = old.entity_id AND source_key = old.source_key AND claims = 0;
  DELETE FROM entity_claim_stats WHERE entity_id = old.entity_id AND claims = 0;
  INSERT INTO entity_sources (entity_id, source_key, claims) VALUES (new.entity_id, new.source_key, 1)
    ON CONFLICT (entity_id, source_key) DO UPDATE SET claims = claims + 1;
  INSERT INTO entity_claim_stats (entity_id, claims, sources) VALUES (new.entity_id, 1, 1)
    ON CONFLICT (entity_id) DO UPDATE SET claims = claims + 1, sources = sources +
      (SELECT claims = 1 FROM entity_sources WHERE entity_id = new.entity_id AND source_key = new.source_key);
END;
--> statement-breakpoint
-- A claim whose source changes (a merge, or its actor deleted) re-keys its claim_about rows.
CREATE TRIGGER `claims_source_key_update` AFTER UPDATE OF source_actor_id, source_text ON `claims` BEGIN
  UPDATE claim_about SET source_key = coalesce('actor:' || new.source_actor_id, 'text:' || lower(new.source_text),
      'outlet:' || coalesce((SELECT outlet FROM articles WHERE id = new.article_id), ''))
    WHERE claim_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `articles_outlet_source_key_update` AFTER UPDATE OF outlet ON `articles` BEGIN
  UPDATE claim_about SET source_key = 'outlet:' || coalesce(new.outlet, '')
    WHERE claim_id IN (SELECT id FROM claims WHERE article_id = new.id AND source_actor_id IS NULL AND source_text IS NULL);
END;
