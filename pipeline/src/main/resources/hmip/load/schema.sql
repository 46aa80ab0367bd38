-- Warehouse schema, version 1. Statements are separated by ';' at line ends and run in order;
-- every statement is idempotent so migration can run at every open.
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL);

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id INTEGER PRIMARY KEY, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
    files_ok INTEGER, files_failed INTEGER, files_skipped INTEGER, pages INTEGER, seconds DOUBLE,
    arguments VARCHAR);

-- One row per source file ever seen. status: ok | failed. Failed files keep their error and no other rows.
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, media_type VARCHAR,
    bytes BIGINT, status VARCHAR NOT NULL, error_code VARCHAR, error VARCHAR,
    doc_type VARCHAR, framework VARCHAR, title VARCHAR, published VARCHAR, region VARCHAR,
    pages INTEGER, ocr_pages INTEGER, indexed BOOLEAN NOT NULL DEFAULT false,
    run_id INTEGER, ingested_at TIMESTAMP NOT NULL);
-- Passages the index holds for the document (0: nothing searchable). Added after version 1.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS passages INTEGER;
-- How completely a loaded document was read: complete | partial | not_a_report (null for failed files);
-- the reasons are in status_reasons. display_title: a readable title for every document. Added after version 1.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS status_level VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS display_title VARCHAR;

-- Why a document is partial or not a report, in plain words, in the order the status judge gave them.
CREATE TABLE IF NOT EXISTS status_reasons (doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, reason VARCHAR NOT NULL);

-- Where a fetched document came from (`hmip fetch` writes manifest.csv beside the files; ingest reads it).
-- Empty for files that did not come through fetch. Added after version 1.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS landing_url VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS retrieved_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_published VARCHAR;

CREATE TABLE IF NOT EXISTS pages (
    doc_id VARCHAR NOT NULL, page INTEGER NOT NULL, text VARCHAR NOT NULL, ocr BOOLEAN NOT NULL,
    removed_lines VARCHAR);

CREATE TABLE IF NOT EXISTS blocks (
    doc_id VARCHAR NOT NULL, page INTEGER NOT NULL, ordinal INTEGER NOT NULL, kind VARCHAR NOT NULL,
    text VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    x REAL, y REAL, width REAL, height REAL);

CREATE TABLE IF NOT EXISTS providers (
    doc_id VARCHAR NOT NULL, provider VARCHAR NOT NULL, provider_type VARCHAR, fieldwork_started VARCHAR,
    score_points INTEGER, score_max INTEGER, overall_rating VARCHAR,
    page INTEGER, span_start INTEGER, span_end INTEGER);

CREATE TABLE IF NOT EXISTS ratings (
    doc_id VARCHAR NOT NULL, provider VARCHAR NOT NULL, framework VARCHAR, standard VARCHAR NOT NULL,
    canonical_standard VARCHAR, rating VARCHAR NOT NULL, page INTEGER, span_start INTEGER, span_end INTEGER);

-- Analyst corrections (data/corrections/*.csv, applied at the end of every ingest): rating, overall_rating,
-- score_points/score_max and fieldwork_started hold the value in use (the correction when there is one); the
-- published_* columns always hold what the document prints; correction says who corrected it and why.
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS published_rating VARCHAR;
ALTER TABLE ratings ADD COLUMN IF NOT EXISTS correction VARCHAR;
ALTER TABLE providers ADD COLUMN IF NOT EXISTS published_overall_rating VARCHAR;
ALTER TABLE providers ADD COLUMN IF NOT EXISTS published_score_points INTEGER;
ALTER TABLE providers ADD COLUMN IF NOT EXISTS published_score_max INTEGER;
ALTER TABLE providers ADD COLUMN IF NOT EXISTS published_fieldwork_started VARCHAR;
ALTER TABLE providers ADD COLUMN IF NOT EXISTS correction VARCHAR;

-- Every correction row of the corrections files as last applied: status applied | unmatched, and why not.
CREATE TABLE IF NOT EXISTS corrections (
    file VARCHAR NOT NULL, line INTEGER NOT NULL, sha256 VARCHAR NOT NULL, field VARCHAR NOT NULL, provider VARCHAR,
    standard VARCHAR, corrected_value VARCHAR NOT NULL, who VARCHAR, why VARCHAR, doc_id VARCHAR,
    published_value VARCHAR, status VARCHAR NOT NULL, detail VARCHAR);

CREATE TABLE IF NOT EXISTS key_questions (
    doc_id VARCHAR NOT NULL, provider VARCHAR, framework VARCHAR, standard VARCHAR, canonical_standard VARCHAR,
    code VARCHAR, question VARCHAR NOT NULL, percent_yes INTEGER NOT NULL,
    page INTEGER, span_start INTEGER, span_end INTEGER);

CREATE TABLE IF NOT EXISTS recommendations (
    rec_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, provider VARCHAR, addressee VARCHAR,
    addressee_level VARCHAR, number INTEGER, text VARCHAR NOT NULL,
    page INTEGER, span_start INTEGER, span_end INTEGER);

CREATE TABLE IF NOT EXISTS findings (
    finding_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, provider VARCHAR, standard VARCHAR,
    polarity VARCHAR NOT NULL, text VARCHAR NOT NULL, page INTEGER, span_start INTEGER, span_end INTEGER);

CREATE TABLE IF NOT EXISTS extraction_notes (doc_id VARCHAR NOT NULL, note VARCHAR NOT NULL);

-- Overall ratings stated in sentences of press releases and landing pages (hmip.extract.stated), as printed.
-- provider: the unit as printed; unit: its name without type words (what the gazetteer resolves, see
-- provider_resolution context 'stated'); rule: the sentence pattern that read it. page/span: the statement;
-- score_page/score_start/score_end: the score's words when stated.
CREATE TABLE IF NOT EXISTS stated_ratings (
    doc_id VARCHAR NOT NULL, provider VARCHAR NOT NULL, unit VARCHAR, provider_type VARCHAR, rating VARCHAR NOT NULL,
    score_points INTEGER, score_max INTEGER, sentence VARCHAR, rule VARCHAR,
    page INTEGER, span_start INTEGER, span_end INTEGER, score_page INTEGER, score_start INTEGER, score_end INTEGER);

-- Reference data, reloaded from the jar's copy of data/reference at every migration.
CREATE TABLE IF NOT EXISTS ref_standards (
    framework VARCHAR, code VARCHAR, name VARCHAR, domain INTEGER, rated BOOLEAN,
    canonical_standard VARCHAR, canonical_name VARCHAR);

CREATE TABLE IF NOT EXISTS ref_rating_scale (
    rating VARCHAR, points INTEGER, rank INTEGER, kq_band_min INTEGER, kq_band_max INTEGER);

-- Reference data added with hmip.validate (see data/reference/README.md).
CREATE TABLE IF NOT EXISTS ref_canonical_standards (
    canonical_standard VARCHAR, name VARCHAR, sort_order INTEGER, case_supervision BOOLEAN, note VARCHAR);

CREATE TABLE IF NOT EXISTS ref_gazetteer (
    kind VARCHAR, canonical_name VARCHAR, region VARCHAR, variant VARCHAR, status VARCHAR);

CREATE TABLE IF NOT EXISTS ref_nps_lineage (
    nps_division_2018 VARCHAR, region_2021 VARCHAR, relation VARCHAR, note VARCHAR);

-- How each printed unit name of a document resolved through the gazetteer. context: provider (a ratings
-- table) | recommendation (an Annexe/section heading) | prose (a rating statement in the text).
-- status: resolved | unresolved | ambiguous. Written with the document; unresolved names are kept, not guessed.
CREATE TABLE IF NOT EXISTS provider_resolution (
    doc_id VARCHAR NOT NULL, context VARCHAR NOT NULL, printed_name VARCHAR NOT NULL, kind VARCHAR,
    canonical_name VARCHAR, region VARCHAR, nps_division VARCHAR, status VARCHAR NOT NULL);

-- Validation findings. scope 'document': written with the document at ingest (same transaction);
-- scope 'cross': comparisons between documents, recomputed by `hmip check`. severity: error | warning | info.
-- explained: the document itself accounts for the discrepancy (e.g. professional discretion).
CREATE TABLE IF NOT EXISTS check_findings (
    scope VARCHAR NOT NULL, check_id VARCHAR NOT NULL, severity VARCHAR NOT NULL, explained BOOLEAN NOT NULL,
    doc_id VARCHAR, page INTEGER, span_start INTEGER, span_end INTEGER, provider VARCHAR, standard VARCHAR,
    message VARCHAR NOT NULL, values_json VARCHAR, related_doc_id VARCHAR);

-- Thematic search (hmip.enrich, hmip.search). Themes assigned to every passage (paragraph, list item,
-- recommendation, finding ...) with the words that matched; passage_id is the search index id
-- (doc#p<page>b<ordinal>, doc#r<n> = recommendations.rec_id, doc#f<n> = findings.finding_id).
-- page/span_start/span_end locate the passage; evidence_start/evidence_end the first match in the passage text.
CREATE TABLE IF NOT EXISTS passage_themes (
    passage_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, provider VARCHAR, region VARCHAR,
    theme VARCHAR NOT NULL, score INTEGER NOT NULL, evidence VARCHAR NOT NULL,
    evidence_start INTEGER, evidence_end INTEGER, page INTEGER, span_start INTEGER, span_end INTEGER);

-- Numbers inspectors cite and what they count. value as printed (value_text) and parsed; unit (percent,
-- case, week, staff ...); total for "N out of M"; counted = the noun chunk counted; measure = what is
-- measured ("backlog", "delay", or the clause before a percentage); phrase = the words of the fact;
-- themes = comma-separated themes of its sentence, then of its passage; theme = the first.
-- page/span_start/span_end: the fact's page and span (page span of the passage plus the offset within it).
CREATE TABLE IF NOT EXISTS quant_facts (
    fact_id VARCHAR NOT NULL, passage_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, kind VARCHAR, provider VARCHAR,
    region VARCHAR, year VARCHAR, value DOUBLE NOT NULL, value_text VARCHAR NOT NULL, qualifier VARCHAR,
    unit VARCHAR, total DOUBLE, counted VARCHAR, measure VARCHAR, phrase VARCHAR NOT NULL, sentence VARCHAR,
    theme VARCHAR, themes VARCHAR, page INTEGER, span_start INTEGER, span_end INTEGER);

-- Embedding cache: one vector per distinct passage text (SHA-256 of the text) and model.
CREATE TABLE IF NOT EXISTS passage_vectors (
    text_sha VARCHAR NOT NULL, model VARCHAR NOT NULL, vector FLOAT[384] NOT NULL, created_at TIMESTAMP,
    PRIMARY KEY (text_sha, model));

-- Near-duplicate recommendations across documents (the same recommendation in a PDU report and in its
-- regional letter), rebuilt after every ingest. similarity: to the cluster's closest other member.
CREATE TABLE IF NOT EXISTS rec_clusters (
    cluster_id INTEGER NOT NULL, rec_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, provider VARCHAR,
    number INTEGER, size INTEGER NOT NULL, similarity DOUBLE);
