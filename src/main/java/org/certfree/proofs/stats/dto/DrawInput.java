package org.certfree.proofs.stats.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.stats.InspectionKind;

/** A 随机抽查 to make: {@code size} items of {@code kind} of {@code department} in the days {@code from}..{@code to}. */
public record DrawInput(
        @NotNull(message = Messages.DRAW_KIND_REQUIRED) InspectionKind kind,
        @NotBlank(message = Messages.DRAW_DEPARTMENT_REQUIRED) String department,
        @NotBlank(message = Messages.DRAW_FROM_REQUIRED) String from,
        @NotBlank(message = Messages.DRAW_TO_REQUIRED) String to,
        @NotNull(message = Messages.DRAW_SIZE_REQUIRED) Integer size) {
}
