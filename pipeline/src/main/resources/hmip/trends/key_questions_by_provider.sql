-- Key-question percentage 'Yes' per canonical question, by provider and year.
-- Parameters: $1 region, $2 from year, $3 to year, $4 standard (canonical code or name); NULL = no restriction.
-- question_focus lines up the same question across frameworks ('service user' in 2018, 'person on probation'
-- from 2021): safety | desistance | engagement | outcomes, otherwise the normalised question text.
WITH params AS (
    SELECT CAST($1 AS VARCHAR) AS region, CAST($2 AS INTEGER) AS from_year,
           CAST($3 AS INTEGER) AS to_year, CAST($4 AS VARCHAR) AS standard),
kq AS (
    SELECT d.region, coalesce(i.year, try_cast(left(d.published, 4) AS INTEGER)) AS year,
           k.provider, k.framework, k.standard, k.canonical_standard, s.canonical_name, k.code, k.question,
           k.percent_yes, k.doc_id, k.page,
           CASE WHEN k.canonical_standard = '2.6' OR regexp_matches(lower(k.question), 'outcomes demonstrate') THEN 'outcomes'
                WHEN regexp_matches(lower(k.question), 'safe') THEN 'safety'
                WHEN regexp_matches(lower(k.question), 'desist|reoffend') THEN 'desistance'
                WHEN regexp_matches(lower(k.question), 'engag|complian') THEN 'engagement'
                ELSE trim(regexp_replace(regexp_replace(lower(k.question), 'service user|people on probation',
                     'person on probation', 'g'), '[^a-z ]+', ' ', 'g')) END AS question_focus
    FROM key_questions k
    JOIN documents d ON d.doc_id = k.doc_id
    LEFT JOIN provider_inspections i ON i.doc_id = k.doc_id AND i.provider = k.provider
    LEFT JOIN ref_standards s ON s.framework = k.framework AND s.code = k.standard
    , params q
    WHERE d.status = 'ok' AND coalesce(i.copy, 1) = 1
      AND (q.region IS NULL OR lower(d.region) = lower(q.region))
      AND (q.from_year IS NULL OR coalesce(i.year, try_cast(left(d.published, 4) AS INTEGER)) >= q.from_year)
      AND (q.to_year IS NULL OR coalesce(i.year, try_cast(left(d.published, 4) AS INTEGER)) <= q.to_year)
      AND (q.standard IS NULL OR k.canonical_standard = q.standard OR lower(s.canonical_name) = lower(q.standard)))
SELECT region, year, provider, framework, standard, canonical_standard, canonical_name AS standard_name,
       question_focus, code, question, percent_yes,
       min(percent_yes) OVER (PARTITION BY doc_id, provider, canonical_standard) = percent_yes AS lowest_in_standard,
       doc_id, page
FROM kq
ORDER BY region, year, provider, canonical_standard, question_focus
