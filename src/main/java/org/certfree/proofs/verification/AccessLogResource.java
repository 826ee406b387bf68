package org.certfree.proofs.verification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.certfree.proofs.verification.dto.AccessLogEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The holder's "who saw my data" view: verifications, retrievals and every other read by someone else. */
@Path("/api/v1/me/access-log")
@Tag(name = "verifications", description = "核验（谁制发、谁核验）/ Verification on the issuer's authority")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    @Inject
    AccessLogService accessLog;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Role.Names.CITIZEN)
    @Operation(summary = "谁查看了我的信息 / Who saw my data",
            description = "本人以外的人对本人信息做过的每一件事，按时间倒序：用证单位的每次核验和调取（含结论），开具部门工作人员查看证明或开具申请的完整内容，"
                    + "他人下载证明文件（PDF）或二维码，窗口代办。每条记录写明谁（单位代码和名称、工作人员账号）、做了什么（kind、kindText）、何时、"
                    + "为何（用途、授权、开具申请）。本人自己的查看不记录。此记录只能追加，不能通过任何接口修改或删除，并由签名检查点封存"
                    + "（/api/v1/transparency/verify 核对）。"
                    + " / Everything someone other than the holder did with the holder's data, newest first: every verification and"
                    + " retrieval by a using unit (with its result), issuer staff reading a proof or proof request in full, downloads of"
                    + " the proof's PDF or QR code by others, window-assisted actions. Each entry says who (unit code and name, staff id),"
                    + " what (kind, kindText), when and why (purpose, consent, request). The holder's own reads are not logged. The log"
                    + " is append-only, no API edits or deletes it, and it is sealed in signed checkpoints (checked by /api/v1/transparency/verify).")
    @APIResponse(responseCode = "200", description = "访问记录 / access log")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<AccessLogEntry> accessLog(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return accessLog.of(caller, PageRequest.of(page, size));
    }
}
