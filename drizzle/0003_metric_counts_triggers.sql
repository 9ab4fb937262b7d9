-- Keeps metric_counts exact: every insert, delete (including ON DELETE CASCADE from articles)
-- and metric/kind/place change of a figure adjusts its (metric, kind, place) count in the same
-- statement, so the count can never drift from the figures table.
INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`)
  SELECT `metric`, `kind`, coalesce(`place_key`, ''), count(*) FROM `figures` WHERE `metric` IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `figures_count_insert` AFTER INSERT ON `figures` WHEN new.metric IS NOT NULL BEGIN
  INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`) VALUES (new.metric, new.kind, coalesce(new.place_key, ''), 1)
    ON CONFLICT (`metric`, `kind`, `place_key`) DO UPDATE SET `figures` = `figures` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_delete` AFTER DELETE ON `figures` WHEN old.metric IS NOT NULL BEGIN
  UPDATE `metric_counts` SET `figures` = `figures` - 1
    WHERE `metric` = old.metric AND `kind` = old.kind AND `place_key` = coalesce(old.place_key, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_update_old` AFTER UPDATE OF `metric`, `kind`, `place_key` ON `figures` WHEN old.metric IS NOT NULL BEGIN
  UPDATE `metric_counts` SET `figures` = `figures` - 1
    WHERE `metric` = old.metric AND `kind` = old.kind AND `place_key` = coalesce(old.place_key, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_update_new` AFTER UPDATE OF `metric`, `kind`, `place_key` ON `figures` WHEN new.metric IS NOT NULL BEGIN
  INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`) VALUES (new.metric, new.kind, coalesce(new.place_key, ''), 1)
    ON CONFLICT (`metric`, `kind`, `place_key`) DO UPDATE SET `figures` = `figures` + 1;
END;
