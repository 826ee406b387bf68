package org.certfree.proofs.proof;

import java.time.Period;

/**
 * What issuance needs to know of a proof matter on the effective retained list (保留清单), as the
 * catalogue answers it: which department issues it, whether electronically, its statutory time
 * limit in working days (0 = immediate, 即时开具) and its default validity period.
 */
public record IssuableMatter(
        String code,
        int version,
        String name,
        String issuerDept,
        boolean electronic,
        int timeLimitWorkingDays,
        Period validity) {

    public boolean immediate() {
        return timeLimitWorkingDays == 0;
    }
}
