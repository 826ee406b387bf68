package org.certfree.proofs.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * The MAC of an audit row: HMAC-SHA256, keyed by the service's index key (configuration, never in the
 * database), over the RFC 8785 JSON of the row's columns but {@code txid} and {@code mac}. Sealing shows
 * a row deleted or changed after it was sealed; this shows a row someone with only database access
 * inserted (and had sealed): they cannot compute its MAC.
 */
@ApplicationScoped
class AuditMac {

    /** Domain separation from the holders' blind index under the same key. */
    static final String PURPOSE = "audit-log.row.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PersonalDataProtector protector;

    /** The MAC of the row with these columns (as {@code SealedRow} reads them: text values, nulls left out). */
    String of(Map<String, String> columns) {
        TreeMap<String, String> signed = new TreeMap<>(columns);
        signed.remove("txid");
        signed.remove("mac");
        return protector.blindIndex(new String(CanonicalJson.canonicalize(signed, JSON), StandardCharsets.UTF_8), PURPOSE);
    }
}
