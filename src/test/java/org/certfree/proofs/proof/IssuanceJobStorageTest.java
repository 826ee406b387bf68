package org.certfree.proofs.proof;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.testsupport.ClearText;
import org.certfree.proofs.testsupport.Fixtures;
import org.certfree.proofs.testsupport.Matters;
import org.certfree.proofs.testsupport.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk issuance jobs as stored (issue #16, loose ends of item 2): two replicas working the same jobs at once make
 * no proof twice; a job's item rows, its proofs and their audit rows hold no name or ID number in clear, neither
 * while the items wait nor after they are issued or failed; jobs finished long ago are deleted, their proofs stay.
 */
@QuarkusTest
class IssuanceJobStorageTest {

    @Inject
    IssuanceJobWorker worker;

    @Inject
    IssuanceJobChunks chunks;

    @Inject
    DataSource db;

    @Inject
    IssuanceJobPurge purge;

    @Inject
    ControllableClock clock;

    private String matter;

    @BeforeEach
    void fixtures() {
        Fixtures.departments();
        matter = Matters.retained(Fixtures.GOOD_ISSUER, 0);
    }

    /**
     * Two replicas on one database, two workers each: four connections claim chunks of two jobs at once (here this
     * replica's own chunk code on four threads; another replica's workers are nothing more). Every item is issued
     * once: one proof per item, one audit row per proof, the jobs' counts exact.
     */
    @Test
    void twoReplicasWorkingTheSameJobsMakeNoProofTwice() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        worker.pause();
        List<String> jobs = new ArrayList<>();
        try {
            for (int j = 0; j < 2; j++) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    items.add(IssuanceJobTest.item(r + "-" + j + "-" + i, matter, Fixtures.randomResidentId(), "孙" + i));
                }
                jobs.add(submitted(IssuanceJobTest.ndjson(items)));
            }
            ExecutorService four = Executors.newFixedThreadPool(4);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(four.submit(() -> {
                    int done = 0;
                    while (chunks.processNext(20)) {
                        done++;
                    }
                    return done;
                }));
            }
            int chunksDone = 0;
            for (Future<Integer> f : workers) {
                chunksDone += f.get(300, TimeUnit.SECONDS);
            }
            four.shutdown();
            assertTrue(chunksDone >= 12, "240 items in chunks of 20: " + chunksDone);
        } finally {
            worker.resume();
        }
        for (String job : jobs) {
            UUID id = UUID.fromString(job);
            Map<?, ?> done = finished(job);
            assertEquals("DONE", done.get("status"));
            assertEquals(120, done.get("issued"));
            assertEquals(120, count("SELECT count(*) FROM issuance_job_item WHERE job_id = ? AND state = 'ISSUED'", id));
            assertEquals(120, count("SELECT count(DISTINCT proof_number) FROM issuance_job_item WHERE job_id = ?", id));
            assertEquals(120, count("SELECT count(*) FROM proof WHERE number IN (SELECT proof_number FROM issuance_job_item"
                    + " WHERE job_id = ?)", id));
            assertEquals(120, count("SELECT count(*) FROM audit_event WHERE action = 'proof.issued' AND details LIKE ?",
                    "%\"job\":\"" + job + "\"%"));
        }
        // and no item of either job made a proof besides its own
        assertEquals(240, count("SELECT count(*) FROM proof WHERE issuer_dept = ? AND purpose = '办理入学' AND number IN"
                + " (SELECT proof_number FROM issuance_job_item WHERE item_id LIKE ?)", Fixtures.GOOD_ISSUER, r + "-%"));
    }

    /**
     * The submitted NDJSON names people and their ID numbers: the job's item rows hold them encrypted while the items
     * wait (body_enc), and nothing in clear once they are issued or failed; nor do the proofs or their audit rows.
     */
    @Test
    void aJobsRowsHoldNoPersonalDataInClear() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String id1 = Fixtures.randomResidentId();
        String id2 = Fixtures.randomResidentId();
        String good = Fixtures.randomResidentId();
        String badId = good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");
        List<String> needles = List.of(id1, id2, badId, "慕容雪松", "东方红叶", "南宫白云");
        String job;
        worker.pause();
        try {
            job = submitted(IssuanceJobTest.ndjson(List.of(IssuanceJobTest.item(r + "-1", matter, id1, "慕容雪松"),
                    IssuanceJobTest.item(r + "-2", matter, id2, "东方红叶"),
                    IssuanceJobTest.item(r + "-3", matter, badId, "南宫白云")))); // fails on receipt: wrong check character
            UUID jobId = UUID.fromString(job);
            assertEquals(2, count("SELECT count(*) FROM issuance_job_item WHERE job_id = ? AND state = 'PENDING' AND body_enc IS NOT NULL",
                    jobId));
            assertNoClearText("SELECT t::text FROM issuance_job_item t WHERE job_id = ?", jobId, needles);
            assertNoClearText("SELECT t::text FROM issuance_job t WHERE id = ?", jobId, needles);
        } finally {
            worker.resume();
        }
        assertEquals(2, finished(job).get("issued"));
        UUID jobId = UUID.fromString(job);
        assertNoClearText("SELECT t::text FROM issuance_job_item t WHERE job_id = ?", jobId, needles);
        assertNoClearText("SELECT t::text FROM proof t WHERE number IN (SELECT proof_number FROM issuance_job_item WHERE job_id = ?)",
                jobId, needles);
        assertNoClearText("SELECT t::text FROM audit_event t WHERE details LIKE ?", "%" + job + "%", needles);
        assertEquals(2, count("SELECT count(*) FROM proof WHERE number IN (SELECT proof_number FROM issuance_job_item WHERE job_id = ?)",
                jobId));
    }

    /** A job finished longer ago than {@code certfree.issuance-jobs.keep-finished} (30 days) goes with its items; its proofs stay. */
    @Test
    void jobsFinishedLongAgoAreDeletedWithTheirItemsAndTheProofsStay() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String job = submitted(IssuanceJobTest.ndjson(List.of(IssuanceJobTest.item(r + "-1", matter, Fixtures.randomResidentId(), "钱七"))));
        assertEquals(1, finished(job).get("issued"));
        UUID jobId = UUID.fromString(job);
        String number = strings("SELECT proof_number FROM issuance_job_item WHERE job_id = ?", jobId).get(0);
        purge.purge();
        assertEquals(1, count("SELECT count(*) FROM issuance_job_item WHERE job_id = ?", jobId), "kept for 30 days");
        try {
            clock.advance(Duration.ofDays(29));
            purge.purge();
            assertEquals(1, count("SELECT count(*) FROM issuance_job WHERE id = ?", jobId));
            clock.advance(Duration.ofDays(2));
            assertTrue(purge.purge() >= 1);
        } finally {
            clock.reset();
        }
        assertEquals(0, count("SELECT count(*) FROM issuance_job_item WHERE job_id = ?", jobId));
        given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER))).get("/api/v1/issuance-jobs/" + job)
                .then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM proof WHERE number = ? AND status = 'VALID'", number), "the proof stays");
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'proof.issued' AND target_id = ?", number));
    }

    // ------------------------------------------------------------------ helpers

    private List<String> strings(String sql, Object param) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private void assertNoClearText(String sql, Object param, List<String> needles) throws Exception {
        int rows = 0;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String row = rs.getString(1);
                    ClearText.find(row, needles).ifPresent(hit -> {
                        throw new AssertionError("personal data in clear (" + hit + ") in " + sql);
                    });
                }
            }
        }
        assertTrue(rows > 0, "rows were scanned: " + sql);
    }

    private static String submitted(String body) {
        ExtractableResponse<Response> r = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                .contentType(IssuanceJobTest.NDJSON).body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/issuance-jobs")
                .then().extract();
        assertEquals(202, r.statusCode(), r.asString());
        return r.path("id");
    }

    private static Map<?, ?> finished(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (true) {
            Map<?, ?> j = given().header("Authorization", Tokens.bearer(Tokens.issuer(Fixtures.GOOD_ISSUER)))
                    .get("/api/v1/issuance-jobs/" + id).then().statusCode(200).extract().as(Map.class);
            if ("DONE".equals(j.get("status")) || "CANCELLED".equals(j.get("status"))) {
                return j;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + id + " not finished: " + j);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
