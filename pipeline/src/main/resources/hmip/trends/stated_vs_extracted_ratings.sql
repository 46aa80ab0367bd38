-- Each unit's latest overall rating stated in a press release or landing page beside its latest overall rating
-- extracted from a report, so inspections whose report is not ingested yet show too.
-- Parameters: $1 region, $2 from year, $3 to year (year published: the statement's, else the report's),
-- $4 standard (not used: overall ratings only).
-- Units are matched through the gazetteer (provider_resolution: context 'stated' for statements, 'provider' for
-- reports); an unresolved name stands for itself. Dates: documents.published, else the landing page's date
-- (source_published), else (reports) fieldwork start.
-- status: agree | differ (same inspection: published within 183 days, or a date unknown) | report not ingested
-- (no extracted rating, or the latest is from an inspection more than 183 days before the statement) |
-- no stated rating (no statement, or only one about an older inspection than the latest report).
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
stated AS (
    SELECT coalesce(pr.canonical_name, s.unit, s.provider) AS unit,
           coalesce(pr.kind, CASE lower(s.provider_type) WHEN 'pdu' THEN 'pdu' WHEN 'nps division' THEN 'nps_division'
                                  WHEN 'crc' THEN 'crc' END) AS unit_kind,
           pr.region, s.provider AS stated_as, s.rating, s.score_points, s.score_max,
           coalesce(d.published, d.source_published) AS published, s.doc_id
    FROM stated_ratings s
    JOIN documents d ON d.doc_id = s.doc_id AND d.status = 'ok'
    LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * FROM provider_resolution WHERE context = 'stated') pr
           ON pr.doc_id = s.doc_id AND pr.printed_name = s.provider),
latest_stated AS (
    SELECT *, row_number() OVER (PARTITION BY unit, unit_kind ORDER BY published DESC NULLS LAST, doc_id DESC) AS n
    FROM stated),
extracted AS (
    SELECT coalesce(pr.canonical_name, p.provider) AS unit,
           coalesce(pr.kind, CASE lower(p.provider_type) WHEN 'pdu' THEN 'pdu' WHEN 'nps division' THEN 'nps_division'
                                  WHEN 'crc' THEN 'crc' END) AS unit_kind,
           coalesce(pr.region, d.region) AS region, p.provider AS extracted_as, p.overall_rating,
           p.score_points, p.score_max, coalesce(d.published, d.source_published, p.fieldwork_started) AS published,
           p.doc_id, d.doc_type
    FROM providers p
    JOIN documents d ON d.doc_id = p.doc_id AND d.status = 'ok'
    LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * FROM provider_resolution WHERE context = 'provider') pr
           ON pr.doc_id = p.doc_id AND pr.printed_name = p.provider),
latest_extracted AS (
    SELECT *, row_number() OVER (PARTITION BY unit, unit_kind
                                 ORDER BY published DESC NULLS LAST, doc_type = 'regional_letter', doc_id) AS n
    FROM extracted),
joined AS (
    SELECT coalesce(s.unit, e.unit) AS unit, coalesce(s.unit_kind, e.unit_kind) AS unit_kind,
           coalesce(s.region, e.region) AS region,
           s.rating AS stated_rating,
           CASE WHEN s.score_points IS NOT NULL THEN s.score_points || '/' || s.score_max END AS stated_score,
           s.published AS stated_published, s.stated_as, s.doc_id AS stated_doc_id,
           e.overall_rating AS extracted_rating,
           CASE WHEN e.score_points IS NOT NULL THEN e.score_points || '/' || e.score_max END AS extracted_score,
           e.published AS extracted_published, e.extracted_as, e.doc_id AS extracted_doc_id,
           date_diff('day',
               try_cast(CASE length(e.published) WHEN 7 THEN e.published || '-01' WHEN 4 THEN e.published || '-07-01'
                        ELSE e.published END AS DATE),
               try_cast(CASE length(s.published) WHEN 7 THEN s.published || '-01' WHEN 4 THEN s.published || '-07-01'
                        ELSE s.published END AS DATE)) AS days_stated_after_report
    FROM (SELECT * FROM latest_stated WHERE n = 1) s
    FULL OUTER JOIN (SELECT * FROM latest_extracted WHERE n = 1) e
         ON e.unit = s.unit AND e.unit_kind IS NOT DISTINCT FROM s.unit_kind)
SELECT j.unit, j.unit_kind, j.region, j.stated_rating, j.stated_score, j.stated_published, j.stated_as,
       j.stated_doc_id, j.extracted_rating, j.extracted_score, j.extracted_published, j.extracted_as, j.extracted_doc_id,
       CASE WHEN j.stated_rating IS NULL THEN 'no stated rating'
            WHEN j.extracted_rating IS NULL THEN 'report not ingested'
            WHEN j.days_stated_after_report > 183 THEN 'report not ingested'
            WHEN j.days_stated_after_report < -183 THEN 'no stated rating'
            WHEN lower(j.stated_rating) = lower(trim(j.extracted_rating)) THEN 'agree'
            ELSE 'differ' END AS status,
       1 AS units
FROM joined j, params q
WHERE (q.region IS NULL OR lower(j.region) = lower(q.region))
  AND (q.from_year IS NULL
       OR try_cast(left(coalesce(j.stated_published, j.extracted_published), 4) AS INTEGER) >= q.from_year)
  AND (q.to_year IS NULL
       OR try_cast(left(coalesce(j.stated_published, j.extracted_published), 4) AS INTEGER) <= q.to_year)
ORDER BY CASE WHEN j.stated_rating IS NULL THEN 1 ELSE 0 END, j.region NULLS LAST, j.unit
