package org.certfree.proofs.system.integrity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.json.CanonicalJson;
import org.certfree.proofs.system.crypto.PersonalDataProtector;

/**
 * The MAC of a row of a sealed log: HMAC-SHA256, keyed by the service's index key (configuration, never
 * in the database), over the RFC 8785 JSON of the row's columns but {@code txid} and {@code mac}, with
 * the log's purpose for domain separation. Sealing shows a row deleted or changed after it was sealed;
 * this shows a row someone with only database access inserted (and had sealed): they cannot compute its MAC.
 */
@ApplicationScoped
public class RowMac {

    @Inject
    PersonalDataProtector protector;

    /** Empty when {@code row} carries its MAC under {@code purpose}; else the transparency check's finding. */
    public Optional<String> problem(String purpose, SealedRow row) {
        String mac = row.fields().get("mac");
        return mac != null && mac.equals(of(purpose, row.fields())) ? Optional.empty()
                : Optional.of(Messages.SEAL_CHECK_ROW_MAC.formatted(row.at(), row.txid()));
    }

    /** The MAC of the row with these columns (as {@link SealedRow} reads them: text values, nulls left out). */
    public String of(String purpose, Map<String, String> columns) {
        TreeMap<String, String> signed = new TreeMap<>(columns);
        signed.remove("txid");
        signed.remove("mac");
        return protector.blindIndex(new String(CanonicalJson.canonicalizeStrings(signed), StandardCharsets.UTF_8), purpose);
    }
}
