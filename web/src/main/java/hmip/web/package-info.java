/**
 * The local, read-only web interface: server-side rendered pages (search, document, provider, trends,
 * comparison) and the JSON API behind them, served by Javalin on 127.0.0.1. {@link hmip.web.WebServer}
 * wires everything; {@link hmip.web.WarehouseReader} holds every SQL query (all parameterised);
 * {@link hmip.web.SearchBackend} is the thin seam over the search module.
 */
package hmip.web;
