-- Recommendations by theme, addressee level and region, from the recommendation_themes view; a
-- recommendation with several themes counts once under each, one with none under '(no theme)'.
-- Parameters: $1 region, $2 from year, $3 to year, $4 standard (not used: recommendations carry no standard).
-- distinct_texts counts recommendations once when a regional letter repeats a PDU report word for word.
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
inspections AS (
    SELECT p.doc_id,
           regexp_replace(regexp_replace(replace(lower(p.provider), '&', 'and'),
               '\b(pdu|nps|division)\b', '', 'g'), '[^a-z0-9]', '', 'g') AS provider_key,
           try_cast(left(p.fieldwork_started, 4) AS INTEGER) AS year
    FROM providers p),
recs AS (
    SELECT r.rec_id, r.doc_id, d.region, r.provider, coalesce(r.addressee_level, 'unknown') AS addressee_level, r.text,
           coalesce(
               (SELECT max(i.year) FROM inspections i WHERE i.doc_id = r.doc_id AND i.provider_key =
                   regexp_replace(regexp_replace(replace(lower(r.provider), '&', 'and'),
                       '\b(pdu|nps|division)\b', '', 'g'), '[^a-z0-9]', '', 'g')),
               try_cast(left(d.published, 4) AS INTEGER)) AS year,
           regexp_replace(lower(r.text), '[^a-z0-9]+', '', 'g') AS text_key
    FROM recommendations r JOIN documents d ON d.doc_id = r.doc_id
    WHERE d.status = 'ok'),
selected AS (
    SELECT recs.*, t.theme
    FROM recs LEFT JOIN recommendation_themes t ON t.rec_id = recs.rec_id, params q
    WHERE (q.region IS NULL OR lower(recs.region) = lower(q.region))
      AND (q.from_year IS NULL OR recs.year >= q.from_year)
      AND (q.to_year IS NULL OR recs.year <= q.to_year))
SELECT coalesce(theme, '(no theme)') AS theme, addressee_level, region,
       count(*) AS recommendations,
       count(DISTINCT text_key) AS distinct_texts,
       count(DISTINCT doc_id) AS documents,
       min(year) AS first_year, max(year) AS last_year,
       string_agg(DISTINCT doc_id, '; ' ORDER BY doc_id) AS doc_ids
FROM selected
GROUP BY ALL
ORDER BY theme, addressee_level, region
