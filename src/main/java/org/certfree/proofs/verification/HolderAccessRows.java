package org.certfree.proofs.verification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.certfree.proofs.system.integrity.RowMac;
import org.certfree.proofs.system.integrity.SealedRow;
import org.certfree.proofs.system.integrity.SealedTable;

/**
 * The holders' reads-and-actions log ({@code holder_access}) as a sealed log: every column of a row is
 * in its leaf, and each row carries its {@link RowMac} (purpose {@link #MAC_PURPOSE}). Together with
 * {@link AccessLogRows} it is everything a holder's access log shows.
 */
@ApplicationScoped
public class HolderAccessRows extends SealedTable {

    /** Domain separation of its rows' MACs from the blind index and the other logs under the same key. */
    static final String MAC_PURPOSE = "holder-access.row.v1";

    /** The log's name and integrity scope. */
    public static final String NAME = "holder-access-log";

    static final List<String> COLUMNS = List.of("id", "at", "subject_id_index", "kind", "unit_code", "actor", "proof_number",
            "request_id", "consent_id", "purpose", "details", "mac", "txid");

    @Inject
    DataSource db;

    @Inject
    RowMac macs;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> problem(SealedRow row) {
        return macs.problem(MAC_PURPOSE, row);
    }

    @Override
    protected DataSource db() {
        return db;
    }

    @Override
    protected String table() {
        return "holder_access";
    }

    @Override
    protected List<String> columns() {
        return COLUMNS;
    }

    @Override
    protected String timeColumn() {
        return "at";
    }
}
