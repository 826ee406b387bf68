package org.certfree.proofs.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.certfree.proofs.catalog.dto.CancelledFields;
import org.certfree.proofs.catalog.dto.LegalBasis;
import org.certfree.proofs.catalog.dto.MatterInput;
import org.certfree.proofs.catalog.dto.NotifyCommitFields;
import org.certfree.proofs.catalog.dto.PledgeField;
import org.certfree.proofs.catalog.dto.RetainedFields;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;

/** The rules of a matter's content that Bean Validation cannot express, and the fields that never change. */
final class MatterRules {

    private MatterRules() {
    }

    /** Kind-specific rules Bean Validation cannot express: the right block, and dependent fields. */
    static void validateContent(ListKind kind, MatterInput input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<ListKind, Object> blocks = new HashMap<>();
        blocks.put(ListKind.RETAINED, input.retained());
        blocks.put(ListKind.CANCELLED, input.cancelled());
        blocks.put(ListKind.NOTIFY_COMMIT, input.notifyCommit());
        for (ListKind k : ListKind.values()) {
            String field = blockField(k);
            if (k == kind && blocks.get(k) == null) {
                errors.add(new Problem.FieldError(field, Messages.MATTER_BLOCK_REQUIRED.formatted(kind.label(), field)));
            } else if (k != kind && blocks.get(k) != null) {
                errors.add(new Problem.FieldError(field, Messages.MATTER_BLOCK_NOT_APPLICABLE.formatted(field, kind.label())));
            }
        }
        if (kind == ListKind.RETAINED && input.retained() != null) {
            RetainedFields r = input.retained();
            if (r.timeLimit() != null && r.timeLimit().kind() == TimeLimitKind.WORKING_DAYS && r.timeLimit().workingDays() == null) {
                errors.add(new Problem.FieldError("retained.timeLimit.workingDays", Messages.MATTER_WORKING_DAYS_REQUIRED));
            }
            if (r.timeLimit() != null && r.timeLimit().kind() == TimeLimitKind.IMMEDIATE && r.timeLimit().workingDays() != null) {
                errors.add(new Problem.FieldError("retained.timeLimit.workingDays", Messages.MATTER_WORKING_DAYS_FORBIDDEN));
            }
            if (r.legalBases() != null) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < r.legalBases().size(); i++) {
                    LegalBasis b = r.legalBases().get(i);
                    if (b != null && b.law() != null && b.article() != null && !seen.add(b.law().trim() + "|" + b.article().trim())) {
                        errors.add(new Problem.FieldError("retained.legalBases[" + i + "]",
                                Messages.MATTER_DUPLICATE_LEGAL_BASIS.formatted(b.law(), b.article())));
                    }
                }
            }
        }
        if (kind == ListKind.CANCELLED && input.cancelled() != null) {
            CancelledFields c = input.cancelled();
            if (c.replacement() == ReplacementWay.DATA_SHARING && (c.sharedDataSource() == null || c.sharedDataSource().isBlank())) {
                errors.add(new Problem.FieldError("cancelled.sharedDataSource", Messages.MATTER_SHARED_SOURCE_REQUIRED));
            }
        }
        if (kind == ListKind.NOTIFY_COMMIT && input.notifyCommit() != null) {
            notifyCommitRules(input.notifyCommit(), errors);
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + "：" + errors.get(0).message() : Messages.VALIDATION_FAILED;
            throw new ApiException(ProblemType.VALIDATION, detail, null, errors);
        }
    }

    private static void notifyCommitRules(NotifyCommitFields n, List<Problem.FieldError> errors) {
        boolean assisted = n.checkMethod() == CheckMethod.ASSISTED;
        boolean named = n.assistingDepartment() != null && !n.assistingDepartment().isBlank();
        if (assisted != named) {
            errors.add(new Problem.FieldError("notifyCommit.assistingDepartment", assisted
                    ? Messages.PLEDGE_ASSISTING_DEPARTMENT_REQUIRED : Messages.PLEDGE_ASSISTING_DEPARTMENT_FORBIDDEN));
        }
        if (n.checkMethod() == CheckMethod.RANDOM_SAMPLING && n.sampleRatioPercent() == null) {
            errors.add(new Problem.FieldError("notifyCommit.sampleRatioPercent", Messages.PLEDGE_SAMPLE_RATIO_REQUIRED));
        }
        Set<String> names = new HashSet<>();
        List<PledgeField> fields = n.fieldsOrEmpty();
        for (int i = 0; i < fields.size(); i++) {
            PledgeField f = fields.get(i);
            if (f != null && f.name() != null && !names.add(f.name())) {
                errors.add(new Problem.FieldError("notifyCommit.fields[" + i + "].name",
                        Messages.PLEDGE_FIELD_DUPLICATE.formatted(f.name())));
            }
        }
    }

    static String blockField(ListKind kind) {
        return switch (kind) {
            case RETAINED -> "retained";
            case CANCELLED -> "cancelled";
            case NOTIFY_COMMIT -> "notifyCommit";
        };
    }

    static void checkFixedFields(ProofMatter m, MatterInput input) {
        if (input.code() != null && !input.code().equals(m.code)) {
            throw ApiException.invalid("code", Messages.MATTER_CODE_FIXED.formatted(m.code));
        }
        if (input.kind() != null && input.kind() != m.kind) {
            throw ApiException.invalid("kind", Messages.MATTER_KIND_FIXED.formatted(m.code, m.kind.label()));
        }
        if (input.departmentCode() != null && !input.departmentCode().equals(m.departmentCode)) {
            throw ApiException.invalid("departmentCode", Messages.MATTER_DEPARTMENT_FIXED.formatted(m.code, m.departmentCode));
        }
    }
}
