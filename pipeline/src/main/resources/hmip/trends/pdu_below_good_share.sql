-- Share of PDUs rated Inadequate / Requires improvement per standard by region, over the selected years.
-- Parameters: $1 region, $2 from year, $3 to year, $4 standard (canonical code or name); NULL = no restriction.
-- Only providers of type PDU count; 'Not rated' standards are left out of the denominator.
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
rated AS (
    SELECT i.region, i.year, r.canonical_standard, s.canonical_name, lower(r.rating) AS rating, i.provider, i.doc_id
    FROM provider_inspections i
    JOIN ratings r ON r.doc_id = i.doc_id AND r.provider = i.provider
    LEFT JOIN ref_standards s ON s.framework = r.framework AND s.code = r.standard
    , params q
    WHERE i.copy = 1 AND upper(i.provider_type) = 'PDU' AND lower(r.rating) <> 'not rated'
      AND (q.region IS NULL OR lower(i.region) = lower(q.region))
      AND (q.from_year IS NULL OR i.year >= q.from_year)
      AND (q.to_year IS NULL OR i.year <= q.to_year)
      AND (q.standard IS NULL OR r.canonical_standard = q.standard OR lower(s.canonical_name) = lower(q.standard)))
SELECT region, canonical_standard, canonical_name AS standard_name,
       min(year) AS first_year, max(year) AS last_year,
       count(*) AS pdus_rated,
       count(*) FILTER (WHERE rating = 'inadequate') AS inadequate,
       count(*) FILTER (WHERE rating = 'requires improvement') AS requires_improvement,
       round(100.0 * count(*) FILTER (WHERE rating = 'inadequate') / count(*), 1) AS inadequate_pct,
       round(100.0 * count(*) FILTER (WHERE rating = 'requires improvement') / count(*), 1) AS requires_improvement_pct,
       round(100.0 * count(*) FILTER (WHERE rating IN ('inadequate', 'requires improvement')) / count(*), 1)
           AS below_good_pct,
       string_agg(provider, '; ' ORDER BY provider) FILTER (WHERE rating = 'inadequate') AS inadequate_pdus,
       string_agg(DISTINCT doc_id, '; ' ORDER BY doc_id) AS doc_ids
FROM rated
GROUP BY region, canonical_standard, canonical_name
ORDER BY region, canonical_standard
