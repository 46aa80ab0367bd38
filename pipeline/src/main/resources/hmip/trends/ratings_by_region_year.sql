-- Ratings distribution by region and year per canonical standard.
-- Parameters: $1 region, $2 from year, $3 to year, $4 standard (canonical code or name); NULL = no restriction.
-- One inspection counts once: a PDU printed both in its own report and in a regional letter is taken from
-- its own report (same provider name, same fieldwork year).
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
rated AS (
    SELECT i.region, i.year, i.framework, r.canonical_standard, s.canonical_name, r.rating,
           coalesce(sc.rank, -1) AS rating_rank, i.provider, i.doc_id
    FROM provider_inspections i
    JOIN ratings r ON r.doc_id = i.doc_id AND r.provider = i.provider
    LEFT JOIN ref_standards s ON s.framework = r.framework AND s.code = r.standard
    LEFT JOIN ref_rating_scale sc ON lower(sc.rating) = lower(r.rating)
    , params q
    WHERE i.copy = 1
      AND (q.region IS NULL OR lower(i.region) = lower(q.region))
      AND (q.from_year IS NULL OR i.year >= q.from_year)
      AND (q.to_year IS NULL OR i.year <= q.to_year)
      AND (q.standard IS NULL OR r.canonical_standard = q.standard OR lower(s.canonical_name) = lower(q.standard)))
SELECT region, year, framework, canonical_standard, canonical_name AS standard_name, rating,
       count(*) AS providers,
       sum(count(*)) OVER (PARTITION BY region, year, framework, canonical_standard) AS providers_in_standard,
       CASE WHEN lower(rating) <> 'not rated' THEN round(100.0 * count(*) / nullif(sum(
           CASE WHEN lower(rating) <> 'not rated' THEN count(*) ELSE 0 END)
           OVER (PARTITION BY region, year, framework, canonical_standard), 0), 1) END AS pct_of_rated,
       string_agg(provider, '; ' ORDER BY provider) AS provider_names,
       string_agg(DISTINCT doc_id, '; ' ORDER BY doc_id) AS doc_ids
FROM rated
GROUP BY region, year, framework, canonical_standard, canonical_name, rating, rating_rank
ORDER BY region, year, framework, canonical_standard, rating_rank DESC
