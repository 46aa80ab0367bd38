-- Fallback for check_findings_by_kind while the validation tables are not in the warehouse: no rows.
SELECT CAST(NULL AS VARCHAR) AS kind, CAST(NULL AS VARCHAR) AS region, CAST(NULL AS BIGINT) AS findings,
       CAST(NULL AS BIGINT) AS documents, CAST(NULL AS VARCHAR) AS doc_ids
FROM (SELECT CAST($1 AS VARCHAR), CAST($2 AS INTEGER), CAST($3 AS INTEGER), CAST($4 AS VARCHAR)) AS params
WHERE false
