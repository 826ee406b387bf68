package org.certfree.proofs.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.certfree.proofs.commitment.PledgeQueries;
import org.certfree.proofs.commitment.PledgeService;
import org.certfree.proofs.commitment.dto.PledgeInput;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.consent.IdentityCheck;
import org.certfree.proofs.consent.dto.AssistanceInput;
import org.certfree.proofs.proof.dto.SubjectInput;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.jboss.logging.Logger;

/**
 * Demo pledges (告知承诺) on the demo notify-and-commit matters, one per state of the loop: a fresh one, one
 * checked and CONFIRMED, one found FALSE (the holder objects), one whose check is overdue (taken down at a
 * window for an older holder, checked with another department's help), and pledges on a sampled matter,
 * drawn and not drawn. Through the real services; seeded once, when no pledge exists.
 */
@ApplicationScoped
public class CommitmentDemoData {

    private static final Logger LOG = Logger.getLogger(CommitmentDemoData.class);

    @Inject
    PledgeService pledges;

    @Inject
    PledgeQueries queries;

    @Inject
    Clock clock;

    /** Seeds the demo pledges once; a failure is logged, never fatal. Returns how many pledges were made. */
    @ActivateRequestContext
    public int seed() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> queries.any() ? 0 : seedPledges());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Demo pledges could not be seeded: %s", e.getMessage());
            return 0;
        }
    }

    private int seedPledges() {
        Instant now = clock.instant();
        int made = 0;
        // fresh: a citizen pledges online for a business licence, the check is on its way
        pledge(ProofDemoData.ZHANG, "BZSCJGJ-N001", ProofDemoData.KORLA_WINDOW, "个体工商户设立登记",
                answers("address", "库尔勒市人民东路 8 号 1 层商铺", "useRight", "租赁"), null, now);
        made++;
        // overdue: taken down at the Korla window for an older holder 35 days ago; 民政局 assists the check (协查)
        pledge(ProofDemoData.AHMAT, "BZGAJ-N001", ProofDemoData.KORLA_WINDOW, "投靠子女落户",
                answers("relative", "买买提·艾合买提", "relationship", "父子"), ProofDemoData.KORLA_WINDOW, now.minus(Duration.ofDays(35)));
        made++;
        // 抽查 (50 %): the company and two citizens pledge until one pledge is drawn and one is not
        boolean drawn = false;
        boolean passed = false;
        SubjectInput[] who = { ProofDemoData.COMPANY, ProofDemoData.LI, ProofDemoData.WANG };
        for (int i = 0; i < 12 && !(drawn && passed); i++) {
            PledgeView v = pledge(who[i % who.length], "BZWJW-N001", ProofDemoData.LUNTAI_WINDOW, "医疗机构执业登记",
                    answers("address", "轮台县团结路 " + (20 + i) + " 号", "area", "320"), null, now.minus(Duration.ofDays(3)));
            drawn |= v.check().required();
            passed |= !v.check().required();
            made++;
        }
        LOG.infof("Demo pledges: %d made (fresh, overdue check, drawn and not drawn for 抽查)", made);
        return made;
    }

    private PledgeView pledge(SubjectInput holder, String matter, String unit, String serviceMatter, Map<String, String> answers,
            String window, Instant at) {
        String hash = queries.template(matter).hash();
        AssistanceInput assistance = window == null ? null
                : new AssistanceInput(IdentityCheck.ID_CARD_READER, sha256("demo window form " + matter));
        Caller caller = window == null ? Caller.acting(holder.id(), null, Role.CITIZEN)
                : Caller.acting("demo-verifier-" + window.toLowerCase(), window, Role.VERIFIER);
        return pledges.pledge(new PledgeInput(matter, hash, unit, serviceMatter, holder, answers, true, assistance), caller, at);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> answers(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
