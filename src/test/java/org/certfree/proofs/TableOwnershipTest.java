package org.certfree.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each table (and sequence) the migrations create belongs to one feature, and only that feature's
 * package names it in SQL or maps it as an entity: one test per table. A new table must be given an
 * owner here. (ArchitectureTest keeps other features off the entities; this keeps them off the SQL.)
 */
class TableOwnershipTest {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "certfree", "proofs");

    /** The owner of every table and sequence: a feature, or a folder of system (e.g. "system/idempotency"). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("department", "department"),
            Map.entry("calendar_day", "calendar"),
            Map.entry("proof_matter", "catalog"),
            Map.entry("matter_version", "catalog"),
            Map.entry("matter_code_seq", "catalog"),
            Map.entry("signing_key", "keys"),
            Map.entry("pki_authority", "keys"),
            Map.entry("department_seal", "ofd"),
            Map.entry("seal_maker", "ofd"),
            Map.entry("department_certificate", "keys"),
            Map.entry("certificate_revocation_list", "keys"),
            Map.entry("publication_batch", "publication"),
            Map.entry("publication_entry", "publication"),
            Map.entry("list_entry", "publication"),
            Map.entry("transparency_tree_head", "publication"),
            Map.entry("list_signal", "publication"),
            Map.entry("usage_entry", "consent"),
            Map.entry("consent", "consent"),
            Map.entry("agent_authorisation", "consent"),
            Map.entry("proof", "proof"),
            Map.entry("proof_request", "proof"),
            Map.entry("subject_record", "proof"),
            Map.entry("code_attempt", "proof"),
            Map.entry("suspension_mark", "proof"),
            Map.entry("status_change", "proof"),
            Map.entry("issuance_job", "proof"),
            Map.entry("issuance_job_item", "proof"),
            Map.entry("revocation_run", "proof"),
            Map.entry("revocation_chunk", "proof"),
            Map.entry("pledge", "commitment"),
            Map.entry("pledge_check", "commitment"),
            Map.entry("pledge_notice", "commitment"),
            Map.entry("dispute", "dispute"),
            Map.entry("verification", "verification"),
            Map.entry("status_list_publication", "verification"),
            Map.entry("holder_access", "verification"),
            Map.entry("proof_copy", "copy"),
            Map.entry("audit_event", "audit"),
            Map.entry("seal_checkpoint", "audit"),
            Map.entry("list_dispute", "supervision"),
            Map.entry("demand_complaint", "supervision"),
            Map.entry("stats_daily", "stats"),
            Map.entry("stats_issue_latency", "stats"),
            Map.entry("stats_delta", "stats"),
            Map.entry("stats_latency_delta", "stats"),
            Map.entry("stats_daily_all", "stats"),
            Map.entry("stats_issue_latency_all", "stats"),
            Map.entry("inspection_draw", "stats"),
            Map.entry("idempotency_record", "system/idempotency"));

    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:table|sequence|view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        assertEquals(new TreeSet<>(OWNERS.keySet()), created(), "tables and sequences of the migrations vs OWNERS");
    }

    @TestFactory
    Stream<DynamicTest> onlyTheOwnerTouchesEachTable() throws IOException {
        Map<Path, String> literals = sqlLiterals();
        Map<String, String> entities = entityNames();
        return OWNERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(
                e.getKey() + " belongs to " + e.getValue(), () -> {
                    Pattern use = uses(e.getKey(), entities.get(e.getKey()));
                    List<String> strangers = new ArrayList<>();
                    int owned = 0;
                    for (Map.Entry<Path, String> file : literals.entrySet()) {
                        if (!use.matcher(file.getValue()).find()) {
                            continue;
                        }
                        String where = SOURCES.relativize(file.getKey()).toString().replace('\\', '/');
                        if (where.startsWith(e.getValue() + "/")) {
                            owned++;
                        } else {
                            strangers.add(where);
                        }
                    }
                    assertEquals(List.of(), strangers, e.getKey() + " is named outside its feature " + e.getValue());
                    assertTrue(owned > 0, e.getKey() + ": its owner " + e.getValue() + " never names it (wrong owner?)");
                }));
    }

    /**
     * SQL naming the table (FROM/JOIN/INTO/UPDATE/USING/TABLE t, @Table(name = "t"), a sequence call 't')
     * or JPQL naming its entity (FROM/JOIN Entity, when {@code entity} is given).
     */
    static Pattern uses(String table, String entity) {
        String sql = "(?i:\\b(?:from|join|into|update|using|table)\\s+" + table + "\\b|@Table\\(name\\s*=\\s*\"" + table
                + "\"|'" + table + "')";
        return Pattern.compile(entity == null ? sql : sql + "|(?i:\\b(?:from|join)\\s+)" + entity + "\\b");
    }

    @Test
    void theSqlAndJpqlItLooksForAreFound() {
        for (String sql : List.of("SELECT 1 FROM proof p", "... JOIN proof ON x", "INSERT INTO proof (id) VALUES (?)",
                "UPDATE proof SET status = 'REVOKED'", "DELETE FROM list_entry l USING proof e", "@Table(name = \"proof\")")) {
            assertTrue(uses("proof", "Proof").matcher(sql).find(), sql);
        }
        assertTrue(uses("proof", "Proof").matcher("select p from Proof p where p.number = :n").find(), "JPQL");
        assertTrue(uses("matter_code_seq", null).matcher("SELECT nextval('matter_code_seq')").find(), "sequence");
        for (String other : List.of("SELECT 1 FROM proof_request", "FROM ProofRequest r", "the proof is valid")) {
            assertFalse(uses("proof", "Proof").matcher(other).find(), other);
        }
    }

    private static final Pattern ENTITY = Pattern.compile("@Table\\(name\\s*=\\s*\"(\\w+)\"\\)\\s*(?:@\\w+\\s*)*public class (\\w+)");

    /** table → the simple name of the entity class mapping it (JPQL names the entity, not the table). */
    private static Map<String, String> entityNames() throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ENTITY.matcher(Files.readString(f));
                while (m.find()) {
                    names.put(m.group(1), m.group(2));
                }
            }
        }
        return names;
    }

    private static TreeSet<String> created() throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1).toLowerCase());
                }
            }
        }
        return names;
    }

    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:\\\\.|[^\"\\\\\\n])*)\"");
    private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(name\\s*=\\s*\"\\w+\"");

    /** For each main source file: its string literals and @Table annotations, where SQL lives (comments are left out). */
    private static Map<Path, String> sqlLiterals() throws IOException {
        Map<Path, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(f -> {
                try {
                    String src = Files.readString(f);
                    StringBuilder sql = new StringBuilder();
                    Matcher blocks = TEXT_BLOCK.matcher(src);
                    while (blocks.find()) {
                        sql.append(blocks.group(1)).append('\n');
                    }
                    Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(src).replaceAll(""));
                    while (strings.find()) {
                        sql.append(strings.group(1)).append('\n');
                    }
                    Matcher tables = TABLE_ANNOTATION.matcher(src);
                    while (tables.find()) {
                        sql.append(tables.group()).append('\n');
                    }
                    out.put(f, sql.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }
}
