package org.certfree.proofs.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * The MAC of a {@code holder_access} row: HMAC-SHA256, keyed by the service's index key (configuration,
 * never in the database), over the RFC 8785 JSON of the row's columns but {@code txid} and {@code mac}
 * — as the audit log's rows carry theirs. Sealing shows a row deleted or changed after it was sealed;
 * this shows a row inserted by someone with only database access ("the tax bureau read your proof"),
 * which is sealed like any other: they cannot compute its MAC.
 */
@ApplicationScoped
class HolderAccessMac {

    /** Domain separation from the holders' blind index and the audit log's MAC under the same key. */
    static final String PURPOSE = "holder-access.row.v1";

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
