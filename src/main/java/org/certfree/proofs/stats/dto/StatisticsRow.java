package org.certfree.proofs.stats.dto;

import java.util.Map;

/**
 * The 工作台账 of one department for a period. Issued proofs by channel (direct: issued without a request;
 * request: on a request decided by a person; immediate: a request answered at once from the department's data;
 * reissue: superseding an earlier proof). Issue times in whole minutes from request to issue, over the requests
 * issued in the period (null when none). Overdue: requests due on a past day of the period and not decided by
 * then. Verifications and retrievals received as issuer and made as using unit. Signals: supervision signals
 * against the unit. False findings: pledge checks closed FALSE in the period (by the checking department), and
 * those withdrawn in the period on the holder's objection (counted for the department that made the finding). Disputes (异议) on the department's documents: opened in the period, and decided in it as
 * upheld (re-issue or revocation) or dismissed, and of those decided the ones decided after their due day; overdue:
 * disputes due on a past day of the period and not decided by then (open ones included), as for requests.
 * Complaints (违规索要证明) against the unit: filed in the period, and closed in it as founded or dismissed.
 * {@code more}: figures of metrics this version does not name (added by later features' triggers), so a new
 * metric shows up without a change here.
 */
public record StatisticsRow(String department, long issuedDirect, long issuedRequest, long issuedImmediate,
        long issuedReissue, long issuedTotal, long requests, Long medianIssueMinutes, Long p90IssueMinutes,
        long overdueRequests, long verificationsReceived, long verificationsMade, long retrievalsReceived,
        long retrievalsMade, long pledges, long falseFindings, long falseFindingsWithdrawn, long supervisionSignals, long disputesOpened,
        long disputesUpheld, long disputesDismissed, long disputesDecidedLate, long disputesOverdue, long complaintsReceived,
        long complaintsFounded, long complaintsDismissed, Map<String, Long> more) {
}
