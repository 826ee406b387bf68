package org.certfree.proofs.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.stats.dto.StatisticsReport;
import org.certfree.proofs.stats.dto.StatisticsRow;
import org.certfree.proofs.system.security.Caller;

/**
 * The 工作台账 (issue #15, item 6), read from the daily rollup only ({@code stats_daily_all}, {@code
 * stats_issue_latency_all}): triggers on the source tables append a delta in the same transaction as each record
 * (V39, V44), {@link StatsFolder} folds the deltas into the rollup, and the views read both in one statement, so
 * the figures are the committed records' with no lag and no drift, and a month of a department is a few hundred
 * rows at any volume.
 */
@ApplicationScoped
public class StatisticsService {

    static final String SOURCE = "daily rollup: deltas written by triggers in the recording transaction, folded every 2 s, read together (no lag)";

    /** The metrics this version names; any other metric in the rollup is reported under {@code more}. */
    static final Set<String> NAMED = Set.of("issued_direct", "issued_request", "issued_immediate", "issued_reissue",
            "requests", "requests_due", "requests_due_on_time", "verifications_received", "verifications_made",
            "retrievals_received", "retrievals_made", "pledges", "false_findings", "false_findings_withdrawn", "signals", "disputes_opened",
            "disputes_upheld", "disputes_dismissed", "disputes_decided_late", "disputes_due", "disputes_due_on_time",
            "complaints_received",
            "complaints_founded", "complaints_dismissed");

    static final List<String> CSV_COLUMNS = List.of("department", "from", "to", "issued_direct", "issued_request",
            "issued_immediate", "issued_reissue", "issued_total", "requests", "median_issue_minutes", "p90_issue_minutes",
            "overdue_requests", "verifications_received", "verifications_made", "retrievals_received", "retrievals_made",
            "pledges", "false_findings", "false_findings_withdrawn", "supervision_signals", "disputes_opened", "disputes_upheld",
            "disputes_dismissed", "disputes_decided_late", "disputes_overdue", "complaints_received", "complaints_founded",
            "complaints_dismissed", "more");

    @Inject
    EntityManager em;

    @Inject
    StatsAccess access;

    @Inject
    Clock clock;

    public StatisticsReport report(Caller caller, String from, String to, String department) {
        String dept = access.scope(caller, department);
        Period period = Period.parse(from, to, clock);
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        if (dept != null) {
            sums.put(dept, new TreeMap<>());
        }
        for (Object[] r : rows("""
                SELECT department, metric, SUM(n) FROM stats_daily_all WHERE day BETWEEN :from AND :to
                AND (CAST(:dept AS VARCHAR) IS NULL OR department = CAST(:dept AS VARCHAR)) GROUP BY department, metric
                """, period.from(), period.to(), dept)) {
            sums.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        // overdue: requests due on a day already over, not decided by then (today's are not overdue yet)
        Map<String, Long> overdue = new TreeMap<>();
        Map<String, Long> overdueDisputes = new TreeMap<>();
        LocalDate lastPast = LocalDate.now(clock.withZone(ControllableClock.ZONE)).minusDays(1);
        LocalDate until = period.to().isBefore(lastPast) ? period.to() : lastPast;
        if (!until.isBefore(period.from())) {
            for (Object[] r : rows("""
                    SELECT department, SUM(CASE metric WHEN 'requests_due' THEN n WHEN 'requests_due_on_time' THEN -n ELSE 0 END),
                           SUM(CASE metric WHEN 'disputes_due' THEN n WHEN 'disputes_due_on_time' THEN -n ELSE 0 END)
                    FROM stats_daily_all
                    WHERE metric IN ('requests_due', 'requests_due_on_time', 'disputes_due', 'disputes_due_on_time')
                    AND day BETWEEN :from AND :to
                    AND (CAST(:dept AS VARCHAR) IS NULL OR department = CAST(:dept AS VARCHAR)) GROUP BY department
                    """, period.from(), until, dept)) {
                overdue.put((String) r[0], ((Number) r[1]).longValue());
                overdueDisputes.put((String) r[0], ((Number) r[2]).longValue());
            }
        }
        Map<String, List<long[]>> latency = new TreeMap<>();
        for (Object[] r : rows("""
                SELECT department, minutes, SUM(n) FROM stats_issue_latency_all WHERE day BETWEEN :from AND :to
                AND (CAST(:dept AS VARCHAR) IS NULL OR department = CAST(:dept AS VARCHAR))
                GROUP BY department, minutes ORDER BY department, minutes
                """, period.from(), period.to(), dept)) {
            latency.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new long[] { ((Number) r[1]).longValue(), ((Number) r[2]).longValue() });
        }
        List<StatisticsRow> out = new ArrayList<>();
        sums.forEach((d, m) -> {
            long direct = m.getOrDefault("issued_direct", 0L);
            long request = m.getOrDefault("issued_request", 0L);
            long immediate = m.getOrDefault("issued_immediate", 0L);
            long reissue = m.getOrDefault("issued_reissue", 0L);
            List<long[]> histogram = latency.getOrDefault(d, List.of());
            Map<String, Long> more = new TreeMap<>();
            m.forEach((k, v) -> {
                if (!NAMED.contains(k)) {
                    more.put(k, v);
                }
            });
            out.add(new StatisticsRow(d, direct, request, immediate, reissue, direct + request + immediate + reissue,
                    m.getOrDefault("requests", 0L), percentile(histogram, 0.5), percentile(histogram, 0.9),
                    Math.max(0, overdue.getOrDefault(d, 0L)), m.getOrDefault("verifications_received", 0L),
                    m.getOrDefault("verifications_made", 0L), m.getOrDefault("retrievals_received", 0L),
                    m.getOrDefault("retrievals_made", 0L), m.getOrDefault("pledges", 0L),
                    m.getOrDefault("false_findings", 0L), m.getOrDefault("false_findings_withdrawn", 0L),
                    m.getOrDefault("signals", 0L),
                    m.getOrDefault("disputes_opened", 0L), m.getOrDefault("disputes_upheld", 0L),
                    m.getOrDefault("disputes_dismissed", 0L), m.getOrDefault("disputes_decided_late", 0L),
                    Math.max(0, overdueDisputes.getOrDefault(d, 0L)),
                    m.getOrDefault("complaints_received", 0L), m.getOrDefault("complaints_founded", 0L),
                    m.getOrDefault("complaints_dismissed", 0L), more));
        });
        return new StatisticsReport(period.from(), period.to(), clock.instant(), SOURCE, out);
    }

    /** RFC 4180 CSV of the report, one line per department. */
    public String csv(StatisticsReport report) {
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(CSV_COLUMNS.toArray(String[]::new)).get().print(w)) {
            for (StatisticsRow r : report.departments()) {
                csv.printRecord(r.department(), report.from(), report.to(), r.issuedDirect(), r.issuedRequest(),
                        r.issuedImmediate(), r.issuedReissue(), r.issuedTotal(), r.requests(), r.medianIssueMinutes(),
                        r.p90IssueMinutes(), r.overdueRequests(), r.verificationsReceived(), r.verificationsMade(),
                        r.retrievalsReceived(), r.retrievalsMade(), r.pledges(), r.falseFindings(),
                        r.falseFindingsWithdrawn(), r.supervisionSignals(), r.disputesOpened(), r.disputesUpheld(), r.disputesDismissed(),
                        r.disputesDecidedLate(), r.disputesOverdue(), r.complaintsReceived(), r.complaintsFounded(), r.complaintsDismissed(),
                        more(r.more()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /**
     * The nearest-rank percentile of a histogram of (minutes, count) sorted by minutes: the first value whose
     * cumulative share reaches {@code p} (as PostgreSQL's percentile_disc); null for an empty histogram.
     */
    static Long percentile(List<long[]> histogram, double p) {
        long total = histogram.stream().mapToLong(b -> b[1]).sum();
        long seen = 0;
        for (long[] b : histogram) {
            seen += b[1];
            if (seen >= p * total) {
                return b[0];
            }
        }
        return null;
    }

    private static String more(Map<String, Long> more) {
        StringBuilder s = new StringBuilder();
        more.forEach((k, v) -> s.append(s.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, LocalDate from, LocalDate to, String dept) {
        return em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to).setParameter("dept", dept)
                .getResultList();
    }
}
