-- metric_counts now counts figures by metric key: the canonical key when the extractor knows the
-- indicator (地区生产总值 for GDP / 全省生产总值), else the metric as written, so the metrics
-- facet groups aliases together. Same invariants as 0003: every insert, delete and change of a
-- figure's metric, metric_key, kind or place adjusts its count in the same statement.
DROP TRIGGER IF EXISTS `figures_count_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figures_count_delete`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figures_count_update_old`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `figures_count_update_new`;
--> statement-breakpoint
DELETE FROM `metric_counts`;
--> statement-breakpoint
INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`)
  SELECT coalesce(`metric_key`, `metric`), `kind`, coalesce(`place_key`, ''), count(*) FROM `figures` WHERE `metric` IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
CREATE TRIGGER `figures_count_insert` AFTER INSERT ON `figures` WHEN new.metric IS NOT NULL BEGIN
  INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`) VALUES (coalesce(new.metric_key, new.metric), new.kind, coalesce(new.place_key, ''), 1)
    ON CONFLICT (`metric`, `kind`, `place_key`) DO UPDATE SET `figures` = `figures` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_delete` AFTER DELETE ON `figures` WHEN old.metric IS NOT NULL BEGIN
  UPDATE `metric_counts` SET `figures` = `figures` - 1
    WHERE `metric` = coalesce(old.metric_key, old.metric) AND `kind` = old.kind AND `place_key` = coalesce(old.place_key, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_update_old` AFTER UPDATE OF `metric`, `metric_key`, `kind`, `place_key` ON `figures` WHEN old.metric IS NOT NULL BEGIN
  UPDATE `metric_counts` SET `figures` = `figures` - 1
    WHERE `metric` = coalesce(old.metric_key, old.metric) AND `kind` = old.kind AND `place_key` = coalesce(old.place_key, '');
END;
--> statement-breakpoint
CREATE TRIGGER `figures_count_update_new` AFTER UPDATE OF `metric`, `metric_key`, `kind`, `place_key` ON `figures` WHEN new.metric IS NOT NULL BEGIN
  INSERT INTO `metric_counts` (`metric`, `kind`, `place_key`, `figures`) VALUES (coalesce(new.metric_key, new.metric), new.kind, coalesce(new.place_key, ''), 1)
    ON CONFLICT (`metric`, `kind`, `place_key`) DO UPDATE SET `figures` = `figures` + 1;
END;
