-- The per-entity counts SQLite keeps by triggers (its migrations 0003 and 0010), kept the same way
-- here: entity_sources and entity_claim_stats follow claim_about; entity_statement_stats follows
-- statement_about; claim_about.source_key follows its claim's source and its article's outlet.
-- drizzle-kit cannot express functions or triggers, so this is a "custom" migration (generate --custom).
--
-- Under concurrent writers the counts stay exact: every change is an UPDATE or an
-- INSERT … ON CONFLICT DO UPDATE of the count row, which locks it, so a second writer waits and then
-- adds to the committed value. Both triggers touch entity_sources before the entity's stats row.
CREATE FUNCTION sitrep_claim_about_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE entity_sources SET claims = claims - 1 WHERE entity_id = OLD.entity_id AND source_key = OLD.source_key;
    UPDATE entity_claim_stats SET claims = claims - 1, sources = sources -
        coalesce((SELECT (s.claims = 0)::int FROM entity_sources s
                  WHERE s.entity_id = OLD.entity_id AND s.source_key = OLD.source_key), 0)
      WHERE entity_id = OLD.entity_id;
    DELETE FROM entity_sources WHERE entity_id = OLD.entity_id AND source_key = OLD.source_key AND claims = 0;
    DELETE FROM entity_claim_stats WHERE entity_id = OLD.entity_id AND claims = 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO entity_sources AS s (entity_id, source_key, claims) VALUES (NEW.entity_id, NEW.source_key, 1)
      ON CONFLICT (entity_id, source_key) DO UPDATE SET claims = s.claims + 1;
    INSERT INTO entity_claim_stats AS t (entity_id, claims, sources) VALUES (NEW.entity_id, 1, 1)
      ON CONFLICT (entity_id) DO UPDATE SET claims = t.claims + 1, sources = t.sources +
        (SELECT (s.claims = 1)::int FROM entity_sources s WHERE s.entity_id = NEW.entity_id AND s.source_key = NEW.source_key);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A merge moves claim_about rows to another entity; a changed source moves them to another key.
CREATE TRIGGER claim_about_stats AFTER INSERT OR DELETE OR UPDATE OF entity_id, source_key ON claim_about
  FOR EACH ROW EXECUTE FUNCTION sitrep_claim_about_stats();
--> statement-breakpoint
-- A claim's source key: its actor, else its words (lower-cased), else the outlet's own voice; the
-- db package's sourceKey() computes the same key for new claims.
CREATE FUNCTION sitrep_claims_source_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_about SET source_key = coalesce('actor:' || NEW.source_actor_id, 'text:' || lower(NEW.source_text),
      'outlet:' || coalesce((SELECT outlet FROM articles WHERE id = NEW.article_id), ''))
    WHERE claim_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER claims_source_key_update AFTER UPDATE OF source_actor_id, source_text ON claims
  FOR EACH ROW EXECUTE FUNCTION sitrep_claims_source_key();
--> statement-breakpoint
CREATE FUNCTION sitrep_articles_outlet_source_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE claim_about SET source_key = 'outlet:' || coalesce(NEW.outlet, '')
    WHERE claim_id IN (SELECT id FROM claims WHERE article_id = NEW.id AND source_actor_id IS NULL AND source_text IS NULL);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER articles_outlet_source_key_update AFTER UPDATE OF outlet ON articles
  FOR EACH ROW EXECUTE FUNCTION sitrep_articles_outlet_source_key();
--> statement-breakpoint
CREATE FUNCTION sitrep_statement_about_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO entity_statement_stats AS t (entity_id, statements, contested) VALUES (NEW.entity_id, 1, NEW.contested::int)
      ON CONFLICT (entity_id) DO UPDATE SET statements = t.statements + 1, contested = t.contested + NEW.contested::int;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE entity_statement_stats SET statements = statements - 1, contested = contested - OLD.contested::int
      WHERE entity_id = OLD.entity_id;
  ELSE
    UPDATE entity_statement_stats SET contested = contested - OLD.contested::int + NEW.contested::int
      WHERE entity_id = NEW.entity_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER statement_about_stats AFTER INSERT OR DELETE OR UPDATE OF contested ON statement_about
  FOR EACH ROW EXECUTE FUNCTION sitrep_statement_about_stats();
