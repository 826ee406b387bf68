package org.certfree.proofs.supervision.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An optimistic-lock version for a state change without other input. */
@Schema(name = "LockInput", description = "乐观锁版本 / optimistic-lock version")
public record LockInput(Integer version) {
}
