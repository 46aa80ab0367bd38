package hmip.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hmip.load.FindingStore;
import hmip.load.Warehouse;
import hmip.load.WarehouseBusyException;
import hmip.model.CheckFinding;
import hmip.model.Severity;
import hmip.pipeline.Pipeline;
import hmip.validate.CheckRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hmip check}: reruns every check over the warehouse and lists the findings grouped by document.
 * By default it opens the warehouse for writing and stores the result (per-document findings, name
 * resolutions and cross-document findings, in one transaction), so {@code check_findings} and the views are
 * current. With {@code --read-only}, or when another process holds the warehouse, it computes the same
 * findings from a read-only connection and stores nothing.
 */
@Command(name = "check", description = "Validation checks: scores, key-question bands, standards, prose ratings, "
        + "unit names, PDU reports against regional letters.")
final class CheckCommand implements Callable<Integer> {
    @Mixin Locations.WarehouseFile db;

    @Option(names = "--json", description = "print findings as JSON")
    boolean json;

    @Option(names = "--read-only", description = "compute without storing the findings")
    boolean readOnly;

    @Option(names = "--alarms", description = "only unexplained errors and warnings")
    boolean alarms;

    @Override
    public Integer call() throws Exception {
        Path dbPath = db.path();
        CheckRun.Result result;
        boolean stored = false;
        if (!readOnly) {
            try (Warehouse wh = Warehouse.open(dbPath)) {
                result = new CheckRun(Pipeline.standard().validator()).run(wh.connection());
                FindingStore.replaceAll(wh.connection(), result.documents(), result.cross());
                stored = true;
                print(wh.connection(), result, stored);
                return 0;
            } catch (WarehouseBusyException e) {
                System.err.println("check: warehouse busy; computing read-only, findings not stored");
            }
        }
        try (Warehouse wh = Warehouse.openReadOnly(dbPath)) {
            result = new CheckRun(Pipeline.standard().validator()).run(wh.connection());
            print(wh.connection(), result, stored);
        }
        return 0;
    }

    private void print(Connection conn, CheckRun.Result result, boolean stored) throws Exception {
        List<CheckFinding> findings = result.findings().stream().filter(f -> !alarms || f.alarming()).toList();
        Map<String, List<CheckFinding>> byDoc = new TreeMap<>();
        for (CheckFinding f : findings) byDoc.computeIfAbsent(String.valueOf(f.docId()), k -> new ArrayList<>()).add(f);
        byDoc.values().forEach(l -> l.sort((a, b) -> a.severity() != b.severity() ? a.severity().compareTo(b.severity())
                : a.checkId().compareTo(b.checkId())));
        Map<String, String[]> docs = documents(conn);
        Map<String, List<String>> reasons = statusReasons(conn);
        List<Map<String, Object>> corrections = corrections(conn);
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map.Entry<String, List<CheckFinding>> e : byDoc.entrySet()) {
                Map<String, Object> d = new LinkedHashMap<>();
                String[] info = docs.getOrDefault(e.getKey(), new String[2]);
                d.put("doc_id", e.getKey());
                d.put("doc_type", info[0]);
                d.put("title", info[1]);
                d.put("status", Map.of("level", String.valueOf(info[2]), "reasons", reasons.getOrDefault(e.getKey(), List.of())));
                d.put("findings", e.getValue().stream().map(CheckCommand::asMap).toList());
                out.add(d);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("documents_checked", result.documents().size());
            root.put("stored", stored);
            root.put("summary", summary(findings));
            root.put("documents", out);
            List<Map<String, Object>> partial = new ArrayList<>();
            docs.forEach((id, info) -> {
                if (!"complete".equals(info[2]) && info[2] != null) {
                    partial.add(Map.of("doc_id", id, "level", info[2], "reasons", reasons.getOrDefault(id, List.of())));
                }
            });
            root.put("not_read_completely", partial);
            root.put("corrections", corrections);
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            return;
        }
        for (Map.Entry<String, List<CheckFinding>> e : byDoc.entrySet()) {
            String[] info = docs.getOrDefault(e.getKey(), new String[3]);
            System.out.printf("%s  %s%s%s%n", e.getKey(), info[0] == null ? "" : info[0],
                    info[1] == null ? "" : "  " + info[1], info[2] == null ? "" : "  [read: " + info[2] + "]");
            for (CheckFinding f : e.getValue()) {
                String where = f.page() == null ? "" : "p." + f.page() + "  ";
                String what = (f.provider() == null ? "" : f.provider()) + (f.standard() == null ? "" : " " + f.standard());
                System.out.printf("  %-8s %-36s %s%s%s%n", f.severity().label() + (f.explained() ? "*" : ""), f.checkId(),
                        where, what.isBlank() ? "" : "[" + what.strip() + "]  ", f.message());
                if (f.relatedDocId() != null) System.out.printf("  %-8s %-36s vs %s%n", "", "", f.relatedDocId());
            }
            System.out.println();
        }
        boolean header = false;
        for (Map.Entry<String, String[]> d : docs.entrySet()) {
            String level = d.getValue()[2];
            if (level == null || level.equals("complete")) continue;
            if (!header) { System.out.println("documents not read completely"); header = true; }
            System.out.printf("  %s  %s: %s%n", d.getKey(), level, String.join("; ", reasons.getOrDefault(d.getKey(), List.of())));
        }
        if (header) System.out.println();
        if (!corrections.isEmpty()) {
            System.out.println("analyst corrections (data/corrections)");
            for (Map<String, Object> c : corrections) {
                System.out.printf("  %-9s %s  %s%s%s: %s -> %s  (%s)%s%n", c.get("status"), c.get("doc_id") == null ? "-" : c.get("doc_id"),
                        c.get("field"), c.get("provider") == null ? "" : " " + c.get("provider"),
                        c.get("standard") == null ? "" : " " + c.get("standard"), c.get("published_value"), c.get("corrected_value"),
                        c.get("label"), c.get("detail") == null ? "" : "; " + c.get("detail"));
            }
            System.out.println();
        }
        Map<String, Long> s = summary(findings);
        System.out.printf("%d documents checked; %d findings: %d errors, %d warnings, %d info (%d explained)%s%n",
                result.documents().size(), findings.size(), s.get("error"), s.get("warning"), s.get("info"),
                s.get("explained"), stored ? "; stored in check_findings" : "; not stored (read-only)");
        if (findings.stream().anyMatch(CheckFinding::explained)) System.out.println("* explained by the document itself");
    }

    private static Map<String, Long> summary(List<CheckFinding> findings) {
        Map<String, Long> s = new LinkedHashMap<>();
        for (Severity sev : Severity.values()) {
            s.put(sev.label(), findings.stream().filter(f -> f.severity() == sev).count());
        }
        s.put("explained", findings.stream().filter(CheckFinding::explained).count());
        return s;
    }

    private static Map<String, Object> asMap(CheckFinding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", f.checkId());
        m.put("scope", f.scope());
        m.put("severity", f.severity().label());
        m.put("explained", f.explained());
        m.put("page", f.page());
        m.put("span", f.spanStart() == null ? null : List.of(f.spanStart(), f.spanEnd()));
        m.put("provider", f.provider());
        m.put("standard", f.standard());
        m.put("message", f.message());
        m.put("values", f.values());
        if (f.relatedDocId() != null) m.put("related_doc_id", f.relatedDocId());
        return m;
    }

    private static boolean hasTable(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM information_schema.tables WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Document id to its type, readable title and how completely it was read. */
    private static Map<String, String[]> documents(Connection conn) throws SQLException {
        Map<String, String[]> m = new LinkedHashMap<>();
        boolean status = hasTable(conn, "status_reasons");
        try (PreparedStatement ps = conn.prepareStatement(status
                ? "SELECT doc_id, doc_type, coalesce(display_title, title), status_level FROM documents ORDER BY doc_id"
                : "SELECT doc_id, doc_type, title, NULL FROM documents ORDER BY doc_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) m.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        }
        return m;
    }

    private static Map<String, List<String>> statusReasons(Connection conn) throws SQLException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (!hasTable(conn, "status_reasons")) return m; // a warehouse from before document status
        try (PreparedStatement ps = conn.prepareStatement("SELECT doc_id, reason FROM status_reasons ORDER BY doc_id, ordinal");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) m.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
        return m;
    }

    /** The analysts' corrections as last applied by ingest: applied or unmatched, and why. */
    private static List<Map<String, Object>> corrections(Connection conn) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!hasTable(conn, "corrections")) return out; // a warehouse from before corrections
        try (PreparedStatement ps = conn.prepareStatement("SELECT status, doc_id, field, provider, standard, "
                + "published_value, corrected_value, who, why, detail, file, line FROM corrections ORDER BY file, line");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> c = new LinkedHashMap<>();
                String[] names = {"status", "doc_id", "field", "provider", "standard", "published_value", "corrected_value",
                        "who", "why", "detail", "file"};
                for (int i = 0; i < names.length; i++) c.put(names[i], rs.getString(i + 1));
                c.put("line", rs.getInt(12));
                c.put("label", "corrected" + (c.get("who") == null ? "" : " by " + c.get("who"))
                        + (c.get("why") == null ? "" : ": " + c.get("why")));
                out.add(c);
            }
        }
        return out;
    }
}
