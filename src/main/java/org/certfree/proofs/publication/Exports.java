package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certfree.proofs.catalog.CheckMethod;
import org.certfree.proofs.catalog.IssuanceChannel;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.ReplacementWay;
import org.certfree.proofs.catalog.Scenario;
import org.certfree.proofs.common.error.Messages;

/**
 * CSV exports for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 * RFC 4180 quoting by Apache Commons CSV, Chinese column headings and Chinese values for codes.
 */
final class Exports {

    static final String CSV_MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final char BOM = '\uFEFF';

    private Exports() {
    }

    /** A CSV document: header row, then rows written by {@code body}. */
    static byte[] csv(List<String> header, Consumer<CSVPrinter> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(BOM);
            CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
            body.accept(printer);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void print(CSVPrinter printer, List<?> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column headings every list kind shares. */
    static List<String> commonHeader() {
        return Messages.EXPORT_MATTER_COLUMNS;
    }

    /** Column headings of the matter content of a list kind. */
    static List<String> contentHeader(ListKind kind) {
        List<String> h = new ArrayList<>(commonHeader());
        h.addAll(switch (kind) {
            case RETAINED -> Messages.EXPORT_RETAINED_COLUMNS;
            case CANCELLED -> Messages.EXPORT_CANCELLED_COLUMNS;
            case NOTIFY_COMMIT -> Messages.EXPORT_NOTIFY_COMMIT_COLUMNS;
        });
        return h;
    }

    /** The content columns of one matter (see {@link #contentHeader}). */
    static List<String> contentRow(JsonNode c) {
        ListKind kind = ListKind.valueOf(c.path("kind").asText());
        List<String> row = new ArrayList<>(List.of(c.path("code").asText(), c.path("name").asText(), kind.label(),
                c.path("department").path("code").asText(), c.path("department").path("name").asText(),
                StreamSupport.stream(c.path("scenarios").spliterator(), false)
                        .map(s -> Scenario.valueOf(s.asText()).label()).collect(Collectors.joining("、")),
                c.path("version").asText(), text(c.path("description"))));
        switch (kind) {
            case RETAINED -> {
                JsonNode r = c.path("retained");
                row.add(StreamSupport.stream(r.path("legalBases").spliterator(), false)
                        .map(b -> b.path("law").asText() + b.path("article").asText()).collect(Collectors.joining("；")));
                row.add(channel(r.path("channel").asText()));
                JsonNode limit = r.path("timeLimit");
                row.add("IMMEDIATE".equals(limit.path("kind").asText()) ? Messages.EXPORT_IMMEDIATE
                        : Messages.EXPORT_WORKING_DAYS.formatted(limit.path("workingDays").asText()));
                row.add(r.path("validityDays").asText());
                row.add(r.path("electronic").asBoolean() ? Messages.EXPORT_YES : Messages.EXPORT_NO);
            }
            case CANCELLED -> {
                JsonNode x = c.path("cancelled");
                row.add(replacement(x.path("replacement").asText()));
                row.add(text(x.path("handlingInstead")));
                row.add(text(x.path("sharedDataSource")));
            }
            case NOTIFY_COMMIT -> {
                JsonNode n = c.path("notifyCommit");
                row.add(text(n.path("commitment").path("proofObligation")));
                row.add(text(n.path("commitment").path("proofContent")));
                row.add(text(n.path("commitment").path("legalLiability")));
                row.add(check(n.path("checkMethod").asText()));
                row.add(n.path("checkWithinDays").asText());
                row.add(text(n.path("checkDescription")));
            }
        }
        return row;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }

    private static String channel(String value) {
        return switch (IssuanceChannel.valueOf(value)) {
            case ONLINE -> "线上开具";
            case WINDOW -> "窗口开具";
            case ONLINE_AND_WINDOW -> "线上、窗口均可";
        };
    }

    private static String replacement(String value) {
        return switch (ReplacementWay.valueOf(value)) {
            case DIRECT_CANCELLATION -> "直接取消";
            case DATA_SHARING -> "数据共享";
            case ONLINE_VERIFICATION -> "部门在线核验";
            case NOTIFY_COMMIT -> "告知承诺";
            case IN_DEPARTMENT_CHECK -> "部门自行核查";
        };
    }

    private static String check(String value) {
        return CheckMethod.valueOf(value).chinese();
    }
}
