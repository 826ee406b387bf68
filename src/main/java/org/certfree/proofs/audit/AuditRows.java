package org.certfree.proofs.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.certfree.proofs.system.integrity.RowMac;
import org.certfree.proofs.system.integrity.SealedTable;
import org.certfree.proofs.system.integrity.SealedRow;

/**
 * The audit log as a sealed log: every column of a row is in its leaf, and each row carries its
 * {@link RowMac} (purpose {@link #MAC_PURPOSE}).
 */
@ApplicationScoped
public class AuditRows extends SealedTable {

    /** Domain separation of its rows' MACs from the blind index and the other logs under the same key. */
    static final String MAC_PURPOSE = "audit-log.row.v1";

    /** The log's name and integrity scope. */
    public static final String NAME = "audit-log";

    static final List<String> COLUMNS = List.of("id", "at", "actor", "actor_department", "action", "department", "target_type",
            "target_id", "outcome", "details", "correlation_id", "mac", "txid");


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
        return "audit_event";
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
