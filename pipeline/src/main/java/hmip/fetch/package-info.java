/**
 * Fetching the published reports, their landing pages and press releases from the Inspectorate's website, with
 * provenance. Owns: the site structure as data ({@link hmip.fetch.SiteConfig}, {@code data/sources/*.json}),
 * polite and safe HTTP ({@link hmip.fetch.PoliteHttp}: robots.txt through crawler-commons, per-host delay, timeouts,
 * retries with backoff, Retry-After, size limit, http(s) and allowed hosts only, conditional and resumed GETs),
 * listing and landing pages read with jsoup ({@code PageReader}), the run itself ({@link hmip.fetch.Fetcher}: atomic
 * writes through {@code .fetch/parts/}, resume after a kill), {@code manifest.csv} ({@link hmip.fetch.Manifest}) and
 * its lookup at ingest time ({@link hmip.fetch.SourceManifest}: a file's source URL, landing page and retrieval time).
 *
 * <p>Nothing here parses documents: fetched files are ingested by {@code hmip ingest DIR} like any other.
 */
package hmip.fetch;
