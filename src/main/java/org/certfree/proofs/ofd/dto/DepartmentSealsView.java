package org.certfree.proofs.ofd.dto;

import java.util.List;

/**
 * A department's current seal and the seals it replaced (kept for audit), newest first.
 *
 * @param departmentCode the department
 * @param current        the seal its OFD proofs carry now
 * @param replaced       earlier seals, newest first
 */
public record DepartmentSealsView(String departmentCode, SealView current, List<SealView> replaced) {
}
