-- metric filters OR the key equality with a substring match (LIKE), so no query can use this index.
DROP INDEX `figures_metric_key`;