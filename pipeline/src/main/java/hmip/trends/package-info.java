/**
 * Trends: named, documented tables computed from the warehouse for policy staff (ratings by region
 * and year, key-question spreads, recommendation counts by theme ...). {@link hmip.trends.Trends} is
 * the catalogue and the one way to run a table; the CLI, exports, notebooks and the web pages all
 * use it, so a table means the same everywhere.
 */
package hmip.trends;
