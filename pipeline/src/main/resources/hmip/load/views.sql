-- Views over the warehouse, recreated at every open after schema.sql. Same statement rules as schema.sql.

-- One row per printed rating, on the canonical standard, with the unit resolved through the gazetteer and
-- its geography lineage: a 2021+ PDU row carries its region and the 2018 NPS division that region came from;
-- a 2018 NPS division row carries the division itself (it spans several regions, so region_2021 is null).
CREATE OR REPLACE VIEW ratings_comparable AS
SELECT r.doc_id, d.doc_type, d.published,
       TRY_CAST(substr(coalesce(d.published, p.fieldwork_started), 1, 4) AS INTEGER) AS year,
       coalesce(r.framework, d.framework) AS framework,
       r.provider AS printed_provider, p.provider_type, pr.canonical_name AS unit, pr.kind AS unit_kind,
       coalesce(pr.status, 'unresolved') AS resolution,
       CASE WHEN pr.kind = 'nps_division' THEN NULL ELSE coalesce(pr.region, d.region) END AS region_2021,
       CASE WHEN pr.kind = 'nps_division' THEN pr.canonical_name ELSE l.nps_division_2018 END AS nps_division_2018,
       r.standard, r.canonical_standard, cs.name AS canonical_name, cs.sort_order,
       r.rating AS printed_rating, rs.rating AS rating, rs.points, rs.rank,
       p.fieldwork_started, r.page, r.span_start, r.span_end
FROM ratings r
JOIN documents d ON d.doc_id = r.doc_id
LEFT JOIN (SELECT DISTINCT ON (doc_id, provider) * FROM providers) p
       ON p.doc_id = r.doc_id AND p.provider = r.provider
LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * FROM provider_resolution WHERE context = 'provider') pr
       ON pr.doc_id = r.doc_id AND pr.printed_name = r.provider
LEFT JOIN ref_nps_lineage l ON l.region_2021 = coalesce(pr.region, d.region)
LEFT JOIN ref_canonical_standards cs ON cs.canonical_standard = r.canonical_standard
LEFT JOIN ref_rating_scale rs ON lower(rs.rating) = lower(trim(r.rating));

-- Key questions likewise, with the band their percentage falls in.
CREATE OR REPLACE VIEW key_questions_comparable AS
SELECT k.doc_id, d.doc_type, d.published,
       TRY_CAST(substr(coalesce(d.published, p.fieldwork_started), 1, 4) AS INTEGER) AS year,
       coalesce(k.framework, d.framework) AS framework,
       k.provider AS printed_provider, pr.canonical_name AS unit, pr.kind AS unit_kind,
       coalesce(pr.status, 'unresolved') AS resolution,
       CASE WHEN pr.kind = 'nps_division' THEN NULL ELSE coalesce(pr.region, d.region) END AS region_2021,
       CASE WHEN pr.kind = 'nps_division' THEN pr.canonical_name ELSE l.nps_division_2018 END AS nps_division_2018,
       k.standard, k.canonical_standard, cs.name AS canonical_name, k.code, k.question, k.percent_yes,
       b.rating AS band, k.page, k.span_start, k.span_end
FROM key_questions k
JOIN documents d ON d.doc_id = k.doc_id
LEFT JOIN (SELECT DISTINCT ON (doc_id, provider) * FROM providers) p
       ON p.doc_id = k.doc_id AND p.provider = k.provider
LEFT JOIN (SELECT DISTINCT ON (doc_id, printed_name) * FROM provider_resolution WHERE context = 'provider') pr
       ON pr.doc_id = k.doc_id AND pr.printed_name = k.provider
LEFT JOIN ref_nps_lineage l ON l.region_2021 = coalesce(pr.region, d.region)
LEFT JOIN ref_canonical_standards cs ON cs.canonical_standard = k.canonical_standard
LEFT JOIN ref_rating_scale b ON k.percent_yes BETWEEN b.kq_band_min AND b.kq_band_max;

-- Check findings with their document's type and title, most severe first.
CREATE OR REPLACE VIEW check_findings_by_document AS
SELECT f.*, d.doc_type, d.title, d.path,
       CASE f.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END AS severity_rank
FROM check_findings f LEFT JOIN documents d ON d.doc_id = f.doc_id;

-- Themes of recommendations (the trend tables and notebooks count recommendations by theme).
CREATE OR REPLACE VIEW recommendation_themes AS
SELECT t.passage_id AS rec_id, t.doc_id, t.theme, t.score, t.evidence
FROM passage_themes t WHERE t.kind = 'recommendation';

-- One row per provider printed in an ok document, with its inspection year (fieldwork start, else the
-- publication year) and its copy number: 1 for the inspection's own report, 2 and up for the same
-- inspection printed again (a PDU in its regional letter: same provider name, same fieldwork). Trend
-- tables count copy = 1 only, so an inspection counts once.
CREATE OR REPLACE VIEW provider_inspections AS
SELECT p.doc_id, p.provider, p.provider_type, d.region, d.framework,
       coalesce(try_cast(left(p.fieldwork_started, 4) AS INTEGER),
                try_cast(left(d.published, 4) AS INTEGER)) AS year,
       row_number() OVER (
           PARTITION BY regexp_replace(regexp_replace(replace(lower(p.provider), '&', 'and'),
                            '\b(pdu|nps|division)\b', '', 'g'), '[^a-z0-9]', '', 'g'),
                        coalesce(p.fieldwork_started, d.published, p.doc_id)
           ORDER BY d.doc_type = 'regional_letter', p.doc_id) AS copy
FROM providers p JOIN documents d ON d.doc_id = p.doc_id
WHERE d.status = 'ok';
