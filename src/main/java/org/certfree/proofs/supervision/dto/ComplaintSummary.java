package org.certfree.proofs.supervision.dto;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Complaints filed in a period, counted per unit complained about. */
@Schema(name = "ComplaintSummary", description = "按单位统计的投诉 / complaints per unit")
public record ComplaintSummary(LocalDate from, LocalDate to, List<Unit> units) {

    /** One unit's counts; {@code open} = received − founded − dismissed. */
    public record Unit(String departmentCode, String departmentName, long received, long founded, long dismissed, long open) {
    }
}
