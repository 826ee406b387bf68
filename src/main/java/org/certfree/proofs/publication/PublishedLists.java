package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.certfree.proofs.catalog.CatalogService;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.publication.dto.ListEntryView;
import org.certfree.proofs.system.cache.ChangeSignals;
import org.certfree.proofs.system.cache.SharedCache;
import org.certfree.proofs.system.config.CertfreeConfig;

/** What other features ask of the published lists: is a matter on the retained list, in which version. */
@ApplicationScoped
public class PublishedLists {

    @Inject
    EffectiveLists lists;

    @Inject
    CatalogService catalog;

    @Inject
    ChangeSignals signals;

    @Inject
    CertfreeConfig config;

    /**
     * The current retained list's version per matter (dropped on every publication, on any replica:
     * {@link EffectiveLists#TOPIC}); a listed version's content never changes, so it is safe to keep until then.
     */
    private SharedCache<String, Current> current;

    private record Current(Optional<MatterVersionView> version, Instant lastPublished) {
    }

    @PostConstruct
    void init() {
        current = signals.cache(EffectiveLists.TOPIC, 10_000, config.cacheMaxAge());
    }

    /**
     * The catalogue version of the matter that the effective retained list names at {@code at}, if listed then.
     * Asked on every issuance: the current list's answer is cached until the next publication (four queries fewer
     * per proof); an earlier {@code at} is read from the history.
     */
    public Optional<MatterVersionView> retainedVersion(String matterCode, Instant at) {
        Current c = current.get(matterCode, m -> new Current(versionAt(m, null), lists.lastPublished()));
        if (c.lastPublished() == null || !at.isBefore(c.lastPublished())) {
            return c.version();
        }
        return versionAt(matterCode, at);
    }

    private Optional<MatterVersionView> versionAt(String matterCode, Instant at) {
        return lists.entry(ListKind.RETAINED, matterCode, at).flatMap(e -> catalog.findVersion(e.code(), e.version()));
    }

    /**
     * The matter's entry on the effective notify-and-commit list (告知承诺清单) at {@code at}, if listed then:
     * its published content carries the commitment template a pledge binds.
     */
    public Optional<ListEntryView> notifyCommitEntry(String matterCode, Instant at) {
        return lists.entry(ListKind.NOTIFY_COMMIT, matterCode, at);
    }

    /**
     * SHA-256 (hex) of the RFC 8785 canonical JSON of a published entry's content: the hash a pledge binds.
     * Anyone can recompute it from the batch manifest (a leaf of the transparency log), whose entries carry
     * the same content.
     */
    public static String contentHash(JsonNode content) {
        return Manifests.sha256Hex(new String(CanonicalJson.canonicalize(content.toString()), StandardCharsets.UTF_8));
    }

    /** Whether the matter is on the effective retained list at {@code at}. */
    public boolean retained(String matterCode, Instant at) {
        return lists.entry(ListKind.RETAINED, matterCode, at).isPresent();
    }
}
