package org.certfree.proofs.publication;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.publication.dto.SignalCount;
import org.certfree.proofs.publication.dto.SignalView;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.cache.SharedCache;
import org.certfree.proofs.system.config.CertfreeConfig;

/**
 * 监督信号 (issue #15, item 4): a using unit asking for a matter that is cancelled or not on the retained list at
 * that moment. Kept here, below consent, proof and verification, because the lists decide what is a signal and
 * all three channels must reach it. A signal is written in a transaction of its own: the attempt is usually
 * refused, and the refusal's rollback must not take the signal with it.
 */
@ApplicationScoped
public class ListSignals {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ListSignals.class);

    @Inject
    EffectiveLists lists;

    @Inject
    org.certfree.proofs.catalog.CatalogService catalog;

    @Inject
    EntityManager em;

    @Inject
    ChangeSignals signals;

    @Inject
    CertfreeConfig config;

    /** The current retained list's answer per matter (dropped on every publication: {@link EffectiveLists#TOPIC}). */
    private SharedCache<String, Current> current;

    @PostConstruct
    void init() {
        current = signals.cache(EffectiveLists.TOPIC, 100_000, config.cacheMaxAge());
    }

    /**
     * Records a signal when {@code matter} is not on the retained list at {@code at}; true when it did. One row
     * per unit, matter, channel and day: a repeat counts as another attempt of the same signal.
     */
    public boolean recordIfNotRetained(String unit, String matter, SignalChannel channel, Instant at) {
        // the retained list first (published lists are cached: the common case, a retained matter, costs no query);
        // then only a matter of the catalogue: a made-up code is an input error, not a demand to supervise
        if (unit == null || matter == null || retained(matter, at) || catalog.find(matter).isEmpty()) {
            return false;
        }
        String state = lists.entry(ListKind.CANCELLED, matter, at).isPresent() ? "CANCELLED" : "NOT_RETAINED";
        LocalDate day = LocalDate.ofInstant(at, ControllableClock.ZONE);
        try {
            record(unit, matter, channel, day, state, at);
        } catch (RuntimeException e) { // recording a signal never changes the answer to the request it comes from
            LOG.warnf(e, "supervision signal not recorded: unit %s, channel %s", unit, channel);
            return false;
        }
        return true;
    }

    /**
     * Whether the matter is on the retained list at {@code at}: asked on every verification, so the current list's
     * answer is cached until the next publication (on any replica); an earlier {@code at} is read from the history.
     */
    private boolean retained(String matter, Instant at) {
        Current c = current.get(matter, m -> new Current(lists.entry(ListKind.RETAINED, m, null).isPresent(), lists.lastPublished()));
        if (c.lastPublished() == null || !at.isBefore(c.lastPublished())) {
            return c.retained();
        }
        return lists.entry(ListKind.RETAINED, matter, at).isPresent();
    }

    private record Current(boolean retained, Instant lastPublished) {
    }

    private void record(String unit, String matter, SignalChannel channel, LocalDate day, String state, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO list_signal (unit_code, matter_code, channel, day, list_state, attempts, first_at, last_at)
                VALUES (:unit, :matter, :channel, :day, :state, 1, :at, :at)
                ON CONFLICT (unit_code, matter_code, channel, day) DO UPDATE SET attempts = list_signal.attempts + 1,
                    last_at = GREATEST(list_signal.last_at, EXCLUDED.last_at),
                    first_at = LEAST(list_signal.first_at, EXCLUDED.first_at)
                """).setParameter("unit", unit).setParameter("matter", matter).setParameter("channel", channel.name())
                .setParameter("day", day).setParameter("state", state).setParameter("at", Timestamp.from(at))
                .executeUpdate());
    }

    /**
     * Signals and attempts per unit over days {@code from}..{@code to} (inclusive), of one unit when given, most
     * signals first: counted in SQL over every row, so the totals are exact however many rows there are.
     */
    public List<SignalCount> perUnit(LocalDate from, LocalDate to, String unit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT unit_code, count(*), sum(attempts) FROM list_signal
                WHERE day BETWEEN :from AND :to AND (CAST(:unit AS VARCHAR) IS NULL OR unit_code = CAST(:unit AS VARCHAR))
                GROUP BY unit_code ORDER BY count(*) DESC, unit_code
                """).setParameter("from", from).setParameter("to", to).setParameter("unit", unit).getResultList();
        return rows.stream().map(r -> new SignalCount((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue()))
                .toList();
    }

    /** One page of the signals of days {@code from}..{@code to} (inclusive), of one unit when given, newest first. */
    public Page<SignalView> list(LocalDate from, LocalDate to, String unit, PageRequest page) {
        long total = ((Number) em.createNativeQuery("""
                SELECT count(*) FROM list_signal
                WHERE day BETWEEN :from AND :to AND (CAST(:unit AS VARCHAR) IS NULL OR unit_code = CAST(:unit AS VARCHAR))
                """).setParameter("from", from).setParameter("to", to).setParameter("unit", unit).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT unit_code, matter_code, channel, day, list_state, attempts, first_at, last_at FROM list_signal
                WHERE day BETWEEN :from AND :to AND (CAST(:unit AS VARCHAR) IS NULL OR unit_code = CAST(:unit AS VARCHAR))
                ORDER BY day DESC, unit_code, matter_code, channel LIMIT :limit OFFSET :offset
                """).setParameter("from", from).setParameter("to", to).setParameter("unit", unit)
                .setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        List<SignalView> items = rows.stream().map(r -> new SignalView((String) r[0], (String) r[1], (String) r[2], date(r[3]),
                (String) r[4], ((Number) r[5]).intValue(), instant(r[6]), instant(r[7]))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) o;
    }
}
