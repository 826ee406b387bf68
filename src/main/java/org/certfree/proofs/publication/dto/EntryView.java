package org.certfree.proofs.publication.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.certfree.proofs.catalog.ListKind;
import org.certfree.proofs.publication.EntryAction;

/** One entry of a batch; {@code content} is the matter content as (to be) published. */
public record EntryView(int seq, EntryAction action, String matterCode, ListKind kind, int matterVersion, String name,
        String departmentCode, String reason, String addedBy, Instant addedAt, JsonNode content) {
}
