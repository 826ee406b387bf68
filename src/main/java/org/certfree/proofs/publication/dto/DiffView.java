package org.certfree.proofs.publication.dto;

import java.util.List;
import org.certfree.proofs.catalog.ListKind;

/** What changed in the lists between the state after batch {@code from} and the state after batch {@code to}. */
public record DiffView(BatchSummary from, BatchSummary to, List<Change> added, List<Change> removed,
        List<Change> amended) {

    /** One matter that differs; versions are null on the side where it is not listed. */
    public record Change(String matterCode, ListKind kind, String name, Integer fromVersion, Integer toVersion) {
    }
}
