package org.certfree.proofs.stats.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.certfree.proofs.stats.InspectionKind;

/** A 随机抽查 to make: {@code size} items of {@code kind} of {@code department} in the days {@code from}..{@code to}. */
public record DrawInput(@NotNull InspectionKind kind, @NotBlank String department, @NotBlank String from,
        @NotBlank String to, @NotNull Integer size) {
}
