package org.certfree.proofs.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.IssuanceChannel;
import org.certfree.proofs.catalog.MatterEditService;
import org.certfree.proofs.catalog.MatterReviewService;
import org.certfree.proofs.catalog.TimeLimitKind;
import org.certfree.proofs.catalog.dto.MatterInput;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.catalog.dto.TimeLimit;
import org.certfree.proofs.common.ControllableClock;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentInput;
import org.certfree.proofs.publication.BatchQueries;
import org.certfree.proofs.publication.PublicationService;
import org.certfree.proofs.publication.PublishingService;
import org.certfree.proofs.publication.dto.BatchInput;
import org.certfree.proofs.publication.dto.BatchSummary;
import org.certfree.proofs.publication.dto.EntryInput;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.jboss.logging.Logger;

/**
 * Demo proof-matter lists: 35 matters of the kinds the seed names (身份、资产、工作证明; 出生、教育、工作、养老、
 * 就医; 企业开办、经营) drafted by the departments' list editors, reviewed by the justice bureau and
 * published in two batches, "2024年第1批" (31 January 2024) and "2024年第2批" (28 June 2024, with an
 * amendment and a removal), so the lists and their history can be browsed on first start.
 *
 * <p>The work is done through the real services by the demo departments' staff, at the historical
 * instants passed to them, so review and publication times agree; on a database that already has
 * published batches everything happens at the current time instead. Idempotent:
 * existing matters are left alone, a batch is published only if its number is not taken yet.
 */
@ApplicationScoped
public class ListDemoData {

    private static final Logger LOG = Logger.getLogger(ListDemoData.class);

    static final String JUSTICE = "BZSFJ";
    static final String FIRST_BATCH = "2024年第1批";
    static final String SECOND_BATCH = "2024年第2批";
    static final Instant DRAFTED = at(2024, 1, 15, 9, 30);
    static final Instant FIRST_PUBLISHED = at(2024, 1, 31, 10, 0);
    static final Instant AMENDED = at(2024, 6, 12, 15, 0);
    static final Instant SECOND_PUBLISHED = at(2024, 6, 28, 10, 0);

    /** Matters that join the lists only in the second batch. */
    static final List<String> SECOND_BATCH_ADDS = List.of("BZYBJ-C001", "BZYBJ-N001", "BZWJW-N001");
    static final String AMENDED_MATTER = "BZGAJ-R002";
    static final String REMOVED_MATTER = "BZZJJ-R001";

    @Inject
    CatalogService catalog;

    @Inject
    MatterEditService editing;

    @Inject
    MatterReviewService review;

    @Inject
    PublicationService publication;

    @Inject
    PublishingService publishing;

    @Inject
    BatchQueries batches;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    /** Seeds what is missing; returns how many matters were added. A failure is logged, never fatal. */
    public int seed() {
        try {
            return seedLists();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo lists could not be seeded completely: %s", e.getMessage());
            return 0;
        }
    }

    private int seedLists() {
        int added = 0;
        for (DepartmentInput d : DemoMatters.EXTRA_DEPARTMENTS) {
            if (departments.find(d.code()).isEmpty()) {
                departments.create(d);
            }
        }
        if (published(FIRST_BATCH).isPresent() && published(SECOND_BATCH).isPresent()) {
            return 0;
        }
        // On a fresh database the history is written as it happened in 2024; when batches exist already
        // (the lists' history is ordered by publication time) everything happens now.
        boolean historical = logIsEmpty();
        Instant drafted = when(historical, DRAFTED);
        for (MatterInput m : DemoMatters.MATTERS) {
            if (catalog.find(m.code()).isEmpty()) {
                Caller editor = editor(m.departmentCode());
                editing.create(editor, m, drafted);
                editing.submit(editor, m.code(), 1, null, drafted);
                review.approve(reviewer(), m.code(), 1, "设定依据和办理方式经审查无误", null, drafted);
                added++;
            }
        }
        if (published(FIRST_BATCH).isEmpty()) {
            Instant assembled = when(historical, FIRST_PUBLISHED.minus(Duration.ofHours(2)));
            long id = publication.create(reviewer(), new BatchInput(FIRST_BATCH,
                    "巴音郭楞蒙古自治州证明事项清单（" + FIRST_BATCH + "）"), assembled).id();
            for (MatterInput m : DemoMatters.MATTERS) {
                if (!SECOND_BATCH_ADDS.contains(m.code())) {
                    publication.addEntry(reviewer(), id, new EntryInput(m.code(), 1, null), assembled);
                }
            }
            // the signatures are made now, and say so (their iat)
            publishing.publishAt(publisher(), id, null, when(historical, FIRST_PUBLISHED));
        }
        if (published(SECOND_BATCH).isEmpty()) {
            Instant amended = when(historical, AMENDED);
            amendNoCriminalRecordProof(amended);
            requestRemovalOfRentalRecord(amended);
            Instant assembled = when(historical, SECOND_PUBLISHED.minus(Duration.ofHours(2)));
            long id = publication.create(reviewer(), new BatchInput(SECOND_BATCH,
                    "巴音郭楞蒙古自治州证明事项清单（" + SECOND_BATCH + "）"), assembled).id();
            for (String code : SECOND_BATCH_ADDS) {
                publication.addEntry(reviewer(), id, new EntryInput(code, 1, null), assembled);
            }
            publication.addEntry(reviewer(), id, new EntryInput(AMENDED_MATTER, 2, null), assembled);
            publication.addEntry(reviewer(), id, new EntryInput(REMOVED_MATTER, 2, null), assembled);
            publishing.publishAt(publisher(), id, null, when(historical, SECOND_PUBLISHED));
        }
        LOG.infof("Demo lists: %d matters added (%d defined), batches %s and %s published", added, DemoMatters.MATTERS.size(),
                FIRST_BATCH, SECOND_BATCH);
        return added;
    }

    /** Since June 2024 the no-criminal-record proof is issued immediately online. */
    private void amendNoCriminalRecordProof(Instant at) {
        if (catalog.findVersion(AMENDED_MATTER, 2).isPresent()) {
            return;
        }
        MatterInput v1 = DemoMatters.MATTERS.stream().filter(m -> m.code().equals(AMENDED_MATTER)).findFirst().orElseThrow();
        MatterInput v2 = new MatterInput(null, null, null, v1.name(),
                "用于就业、招聘、出国（境）等需证明本人无犯罪记录的情形；自2024年7月起在线即时开具电子证明。", v1.scenarios(),
                new RetainedFields(v1.retained().legalBases(), IssuanceChannel.ONLINE_AND_WINDOW,
                        new TimeLimit(TimeLimitKind.IMMEDIATE, null), 180, true),
                null, null, null);
        editing.amend(editor("BZGAJ"), AMENDED_MATTER, v2, at);
        editing.submit(editor("BZGAJ"), AMENDED_MATTER, 2, null, at);
        review.approve(reviewer(), AMENDED_MATTER, 2, "在线即时开具，同意修改", null, at);
    }

    /** The rental-registration record became shared data: the department asks to take it off the list. */
    private void requestRemovalOfRentalRecord(Instant at) {
        if (catalog.findVersion(REMOVED_MATTER, 2).isPresent()) {
            return;
        }
        editing.requestRemoval(editor("BZZJJ"), REMOVED_MATTER,
                "房屋租赁登记备案信息已接入一体化政务服务平台共享，办理单位可直接查询，不再需要开具证明。", at);
        editing.submit(editor("BZZJJ"), REMOVED_MATTER, 2, null, at);
        review.approve(reviewer(), REMOVED_MATTER, 2, "同意移出保留清单", null, at);
    }

    private Optional<BatchSummary> published(String number) {
        return batches.list(null, false).stream().filter(b -> b.number().equals(number)).findFirst();
    }

    private boolean logIsEmpty() {
        return batches.list(null, false).isEmpty();
    }

    /** The historical instant on a fresh database, else now. */
    private Instant when(boolean historical, Instant then) {
        return historical ? then : clock.instant();
    }

    private static Caller editor(String dept) {
        return Caller.acting("demo-list-editor-" + dept.toLowerCase(), dept, Role.LIST_EDITOR);
    }

    /** A second reviewer of the justice bureau: who assembles a batch never publishes it (four eyes). */
    private static Caller publisher() {
        return Caller.acting("demo-publisher-bzsfj", JUSTICE, Role.REVIEWER);
    }

    private static Caller reviewer() {
        return Caller.acting("demo-reviewer-bzsfj", JUSTICE, Role.REVIEWER);
    }

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(ControllableClock.ZONE).toInstant();
    }
}
