-- Keeps entity_statement_stats in step with statement_about, so that a hover's statement counts
-- (all, and contested) read one row instead of counting every statement about the entity.
-- drizzle-kit cannot express triggers, so this is a "custom" migration (generate --custom).
UPDATE `statement_about` SET `contested` = (SELECT s.contested FROM statements s WHERE s.id = statement_about.statement_id);
--> statement-breakpoint
INSERT INTO `entity_statement_stats` (entity_id, statements, contested)
  SELECT entity_id, count(*), sum(contested) FROM statement_about GROUP BY entity_id;
--> statement-breakpoint
CREATE TRIGGER `statement_about_stats_insert` AFTER INSERT ON `statement_about` BEGIN
  INSERT INTO entity_statement_stats (entity_id, statements, contested) VALUES (new.entity_id, 1, new.contested)
    ON CONFLICT (entity_id) DO UPDATE SET statements = statements + 1, contested = contested + new.contested;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_about_stats_delete` AFTER DELETE ON `statement_about` BEGIN
  UPDATE entity_statement_stats SET statements = statements - 1, contested = contested - old.contested
    WHERE entity_id = old.entity_id;
END;
--> statement-breakpoint
CREATE TRIGGER `statement_about_stats_update` AFTER UPDATE OF contested ON `statement_about` BEGIN
  UPDATE entity_statement_stats SET contested = contested - old.contested + new.contested
    WHERE entity_id = new.entity_id;
END;
