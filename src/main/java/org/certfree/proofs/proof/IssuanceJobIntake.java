package org.certfree.proofs.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.proof.dto.IssueProofRequest;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.crypto.PersonalDataProtector;
import org.certfree.proofs.system.http.ProblemFields;

/**
 * Takes a bulk issuance job in: reads its NDJSON body line by line (never the whole body in memory) and stores every
 * item in the caller's transaction, in batches of {@value #BATCH} rows, so the 202 means every line is durable and a
 * refused job stores nothing.
 *
 * <p>What refuses the whole job (nothing stored): a line that is not a JSON object, or has no valid {@code itemId}
 * (400, listing up to {@value #LISTED} such lines); more than {@code certfree.issuance-jobs.max-items} items, a body
 * over {@code certfree.issuance-jobs.max-body-bytes}, or a line over {@value #MAX_LINE_BYTES} bytes (413); no item
 * (400). What fails one item (stored as FAILED, with the 4xx problem a single issuance would answer): a field that
 * does not bind or is invalid, a subject whose identifier fails its check character. The checks that depend on the
 * moment of issue (matter on the retained list and the department's own, validity) run when the item is issued.
 */
@ApplicationScoped
public class IssuanceJobIntake {

    /** Purpose of an item's encryption and of its content's MAC (it keys stored data: never change it). */
    static final String ITEM_PURPOSE = "proof.issuance-job.item";

    /** Longest line read, in bytes: 50 claims of 1,000 characters fit. */
    static final int MAX_LINE_BYTES = 256 * 1024;

    private static final int BATCH = 500;
    private static final int LISTED = 20;
    private static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9_.:/#-]{1,100}$");

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    @Inject
    PersonalDataProtector protector;

    @Inject
    CertfreeConfig config;

    @Inject
    Clock clock;

    @Inject
    DataSource db;

    @Inject
    IssuanceJobItemRows rows;

    private volatile ObjectReader lines;

    /** What the intake stored: the job's counts so far. */
    record Received(UUID job, int total, int failed, int duplicates) {
    }

    /** One parsed line: its item id, and either its canonical content (to issue) or why it cannot be issued. */
    record Line(int seq, String itemId, String mac, String content, Problem error) {
    }

    /** Reads {@code body} and stores job {@code job} of {@code department} in the caller's transaction. */
    Received receive(UUID job, String department, String submittedBy, InputStream body) {
        int maxItems = config.issuanceJobs().maxItems();
        Instant now = clock.instant();
        try (Connection conn = db.getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("""
                    INSERT INTO issuance_job (id, department, submitted_by, status, total, created_at)
                    VALUES (?, ?, ?, 'QUEUED', 0, ?)""")) {
                ps.setObject(1, job);
                ps.setString(2, department);
                ps.setString(3, submittedBy);
                ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            NdjsonLines reader = new NdjsonLines(body, MAX_LINE_BYTES, config.issuanceJobs().maxBodyBytes());
            List<Line> batch = new ArrayList<>(BATCH);
            List<Problem.FieldError> malformed = new ArrayList<>();
            int items = 0;
            int[] counts = new int[2]; // failed, duplicates
            for (byte[] line = reader.next(); line != null; line = reader.next()) {
                int lineNo = reader.lineNumber();
                if (blank(line, reader.length())) {
                    continue;
                }
                if (++items > maxItems) {
                    throw new ApiException(ProblemType.PAYLOAD_TOO_LARGE, Messages.BULK_ISSUE_TOO_MANY_ITEMS.formatted(maxItems));
                }
                Object parsed = parse(lineNo, line, reader.length());
                if (parsed instanceof Problem.FieldError e) {
                    if (malformed.size() < LISTED) {
                        malformed.add(e);
                    }
                } else if (malformed.isEmpty()) { // after a malformed line, only read on to list more
                    batch.add((Line) parsed);
                    if (batch.size() == BATCH) {
                        rows.store(conn, job, department, batch, counts);
                        batch.clear();
                    }
                }
            }
            if (!malformed.isEmpty()) {
                throw new ApiException(ProblemType.VALIDATION, Messages.BULK_ISSUE_MALFORMED.formatted(LISTED), null, malformed);
            }
            if (items == 0) {
                throw new ApiException(ProblemType.VALIDATION, Messages.BULK_ISSUE_EMPTY);
            }
            rows.store(conn, job, department, batch, counts);
            int done = counts[0] + counts[1];
            try (PreparedStatement ps = conn.prepareStatement("""
                    UPDATE issuance_job SET total = ?, done = ?, failed = ?, duplicates = ?,
                        status = CASE WHEN ? THEN 'DONE' ELSE 'QUEUED' END, finished_at = CASE WHEN ? THEN created_at END
                    WHERE id = ?""")) {
                ps.setInt(1, items);
                ps.setInt(2, done);
                ps.setInt(3, counts[0]);
                ps.setInt(4, counts[1]);
                ps.setBoolean(5, done == items);
                ps.setBoolean(6, done == items);
                ps.setObject(7, job);
                ps.executeUpdate();
            }
            return new Received(job, items, counts[0], counts[1]);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing issuance job " + job + " failed", e);
        }
    }

    private static boolean blank(byte[] line, int length) {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** A {@link Line}, or the {@link Problem.FieldError} that refuses the whole job. */
    private Object parse(int lineNo, byte[] bytes, int length) {
        String field = "line " + lineNo;
        JsonNode node;
        try {
            node = reader().readValue(bytes, 0, length);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            return new Problem.FieldError(field, Messages.BULK_ISSUE_LINE_NOT_JSON.formatted(why));
        }
        if (!(node instanceof ObjectNode item)) {
            return new Problem.FieldError(field, Messages.BULK_ISSUE_LINE_NOT_JSON.formatted(node == null ? "" : node.getNodeType()));
        }
        JsonNode id = item.remove("itemId");
        if (id == null || !id.isTextual() || !ITEM_ID.matcher(id.textValue()).matches()) {
            return new Problem.FieldError(field, Messages.BULK_ISSUE_ITEM_ID_INVALID);
        }
        String content = new String(CanonicalJson.canonicalize(item, json), StandardCharsets.UTF_8);
        String mac = protector.blindIndex(content, ITEM_PURPOSE);
        Problem error = check(item);
        return new Line(lineNo, id.textValue(), mac, error == null ? content : null, error);
    }

    /** Why {@code item} cannot be issued whatever the moment (what a single issuance answers 400 for), or null. */
    private Problem check(ObjectNode item) {
        IssueProofRequest request;
        try {
            request = json.treeToValue(item, IssueProofRequest.class);
        } catch (UnrecognizedPropertyException e) {
            String f = ProblemFields.of(e);
            return problem(ProblemType.MALFORMED_BODY, Messages.UNKNOWN_JSON_FIELD.formatted(f),
                    List.of(new Problem.FieldError(f, Messages.UNKNOWN_JSON_FIELD.formatted(f))));
        } catch (JsonMappingException e) {
            String f = ProblemFields.of(e);
            // not Jackson's message: it may quote the value (a name, an ID), and this one is stored
            String message = Messages.BULK_ISSUE_FIELD_TYPE.formatted(f);
            return problem(ProblemType.MALFORMED_BODY, message, List.of(new Problem.FieldError(f, message)));
        } catch (JsonProcessingException e) {
            return problem(ProblemType.MALFORMED_BODY, Messages.BULK_ISSUE_LINE_UNREADABLE, null);
        }
        Set<ConstraintViolation<IssueProofRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(ProblemFields.of(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList();
            String detail = errors.size() == 1 ? errors.get(0).field() + "：" + errors.get(0).message() : Messages.VALIDATION_FAILED;
            return problem(ProblemType.VALIDATION, detail, errors);
        }
        try {
            ProofSubject.of(request.subject(), "subject");
        } catch (ApiException e) {
            return problem(e);
        }
        return null;
    }

    static Problem problem(ApiException e) {
        return problem(e.type(), e.getMessage(), e.errors());
    }

    static Problem problem(ProblemType type, String detail, List<Problem.FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, errors);
    }

    private ObjectReader reader() {
        ObjectReader r = lines;
        if (r == null) {
            r = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            lines = r;
        }
        return r;
    }

}
