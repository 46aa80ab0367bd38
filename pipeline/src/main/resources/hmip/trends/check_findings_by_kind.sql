-- Validation check findings by check and region, with how many were errors/warnings and how many the
-- documents themselves explain (e.g. professional discretion).
-- Parameters: $1 region, $2 from year, $3 to year (document published year), $4 standard (not used).
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
selected AS (
    SELECT c.check_id AS kind, c.severity, c.explained, c.doc_id, d.region,
           try_cast(left(d.published, 4) AS INTEGER) AS year
    FROM check_findings c LEFT JOIN documents d ON d.doc_id = c.doc_id, params q
    WHERE (q.region IS NULL OR lower(d.region) = lower(q.region))
      AND (q.from_year IS NULL OR try_cast(left(d.published, 4) AS INTEGER) >= q.from_year)
      AND (q.to_year IS NULL OR try_cast(left(d.published, 4) AS INTEGER) <= q.to_year))
SELECT kind, region, count(*) AS findings,
       count(*) FILTER (WHERE severity = 'error') AS errors,
       count(*) FILTER (WHERE severity = 'warning') AS warnings,
       count(*) FILTER (WHERE explained) AS explained,
       count(DISTINCT doc_id) AS documents,
       string_agg(DISTINCT doc_id, '; ' ORDER BY doc_id) AS doc_ids
FROM selected
GROUP BY kind, region
ORDER BY findings DESC, kind, region
