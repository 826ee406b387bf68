package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.certfree.proofs.system.integrity.SealedTable;
import org.certfree.proofs.system.integrity.SealedRow;

/**
 * The holders' access log (the verification table) as a sealed log: every column a holder's access
 * log or a receipt shows — the whole row — is in its leaf, so a deleted, altered or inserted row no
 * longer matches its signed checkpoint. Reads only: the hot path writes rows as before and the
 * database fills in their {@code txid}.
 */
@ApplicationScoped
public class AccessLogRows extends SealedTable {

    /** The log's name and integrity scope. */
    public static final String NAME = "access-log";

    static final List<String> COLUMNS = List.of("id", "proof_number", "subject_id_index", "issuer_dept", "matter_code",
            "unit_code", "verifier", "purpose", "service_matter", "indication", "sub_indication", "proof_status", "retrieved",
            "consent_id", "verified_at", "receipt", "txid");


    @Inject
    DataSource db;

    @Inject
    ReceiptCheck receipts;

    /** A row that identified a proof must carry the receipt its department signed, saying what the row says. */
    @Override
    public Optional<String> problem(SealedRow row) {
        return receipts.problem(row);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected DataSource db() {
        return db;
    }

    @Override
    protected String table() {
        return "verification";
    }

    @Override
    protected List<String> columns() {
        return COLUMNS;
    }

    @Override
    protected String timeColumn() {
        return "verified_at";
    }
}
