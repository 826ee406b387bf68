package org.certfree.proofs.commitment;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import org.certfree.proofs.commitment.dto.PledgeInput;
import org.certfree.proofs.commitment.dto.PledgeView;
import org.certfree.proofs.commitment.dto.TemplateView;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.audit.StaffActions;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** 告知承诺: pledges made instead of proofs, their signed documents, and the templates they bind. */
@Path("/api/v1")
@Tag(name = "commitments", description = "告知承诺 / Notify-and-commit pledges")
@Produces(MediaType.APPLICATION_JSON)
public class CommitmentResource {

    static final String PURPOSE_DOC = "查看理由（可选，最长 200 字）：部门工作人员查看时记入承诺人的访问记录 / why (optional, up to 200 "
            + "characters): recorded in the pledger's access log when department staff read";

    @Inject
    PledgeService pledges;

    @Inject
    PledgeQueries queries;

    @Inject
    PledgeRendering rendering;

    @Inject
    IdempotencyService idempotency;

    @Inject
    StaffActions staffActions;

    @Inject
    Caller caller;

    @GET
    @Path("commitment-templates/{matterCode}")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "现行告知承诺书格式文本 / The current commitment template of a matter",
            description = "告知承诺清单上该事项现行版本的格式文本：承诺书全文（含证明义务、证明内容和不实承诺的法律后果）、填报项、核查方式和抽查比例，"
                    + "以及作出承诺时须原样提交的 hash（清单条目内容 RFC 8785 规范化 JSON 的 SHA-256，可由批次清单和透明日志复算）。公开，无需登录。"
                    + " / The current template of a matter on the notify-and-commit list: the full pledge text (obligation, content, legal"
                    + " consequences of a false pledge), the fields to answer, the check method and sampling ratio, and the hash to send"
                    + " back when pledging (SHA-256 of the entry content's RFC 8785 form, recomputable from the batch manifest). Public.")
    @APIResponse(responseCode = "200", description = "格式文本 / the template")
    @APIResponse(responseCode = "404", description = "不在告知承诺清单上 / not on the notify-and-commit list now")
    public TemplateView template(@PathParam("matterCode") String matterCode) {
        return queries.template(matterCode);
    }

    @POST
    @Path("commitments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.VERIFIER })
    @Operation(summary = "作出告知承诺 / Make a pledge",
            description = "群众或企业对告知承诺清单上的事项作出书面承诺，替代证明；或用证单位窗口为到场的本人录入（须填写 assistance，记入本人访问记录）。"
                    + "须提交所阅读格式文本的 hash：事项现已不在清单上返回 422，格式文本已更新返回 409。答复为事项所属部门签名的告知承诺书"
                    + "（编号、核验码、SD-JWT 与两种签名形式），以及抽查结果和核查任务。"
                    + " / A citizen or enterprise pledges in writing on a matter of the notify-and-commit list instead of a proof; or a"
                    + " using unit's window takes it down for the holder present in person (assistance required; in the holder's access"
                    + " log). The hash of the template read must be sent: a matter no longer listed is 422, a superseded template 409."
                    + " The answer is the pledge document signed by the matter's department (number, code, SD-JWT, both signed forms),"
                    + " the draw and the check task.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PledgeInput.class),
            examples = {
                    @ExampleObject(name = "citizen", summary = "群众本人承诺 / a citizen pledges", value = Examples.PLEDGE),
                    @ExampleObject(name = "window", summary = "窗口为到场的本人录入 / a window, the holder present",
                            value = Examples.PLEDGE_AT_WINDOW) }))
    @APIResponse(responseCode = "201", description = "已承诺 / pledged")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409", description = "格式文本已更新 / the template was superseded")
    @APIResponse(responseCode = "422", description = "事项不在告知承诺清单上 / the matter is not on the list")
    public Response pledge(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @NotNull(message = Messages.BODY_REQUIRED) @Valid PledgeInput body) {
        return idempotency.execute(key, caller, "POST /api/v1/commitments", body, () -> {
            PledgeView v = pledges.pledge(body, caller);
            return Response.created(URI.create(PledgeService.PATH + v.number())).entity(v).build();
        });
    }

    @GET
    @Path("commitments")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.ISSUER, Role.Names.VERIFIER, Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "告知承诺列表 / List pledges",
            description = "群众看本人的承诺；部门看本部门事项的承诺；用证单位看向本单位作出的承诺；司法局和管理员看全部（可按部门筛选）。"
                    + "除本人外，列表中的承诺书均脱敏。 / A citizen lists their own; a department its matters' pledges; a using unit"
                    + " those made to it; the justice bureau and ADMIN all (department filter). Masked except for the holder.")
    @APIResponse(responseCode = "200", description = "一页承诺 / a page of pledges")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<PledgeView> list(@QueryParam("matter") String matter, @QueryParam("status") PledgeStatus status,
            @QueryParam("unit") String unit, @QueryParam("department") String department,
            @Parameter(description = "承诺日期起（含），yyyy-MM-dd / from (inclusive)") @QueryParam("from") LocalDate from,
            @Parameter(description = "承诺日期止（含），yyyy-MM-dd / to (inclusive)") @QueryParam("to") LocalDate to,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.list(caller, new PledgeQueries.Filter(matter, status, unit, department, from, to), PageRequest.of(page, size));
    }

    @GET
    @Path("commitments/{number}")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.ISSUER, Role.Names.VERIFIER, Role.Names.REVIEWER, Role.Names.ADMIN })
    @Operation(summary = "读取告知承诺 / Read a pledge",
            description = "承诺人本人和事项所属部门（及协查部门）看到完整的承诺书（填报内容、核验码），部门的每次查看记入承诺人的访问记录；"
                    + "接受承诺的用证单位、司法局和管理员看到脱敏的承诺书；其他人 403。"
                    + " / The holder and the matter's (or assisting) department see the document in full, each staff read in the"
                    + " holder's access log; the using unit, the justice bureau and ADMIN see it masked; others 403.")
    @APIResponse(responseCode = "200", description = "承诺 / the pledge")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public PledgeView read(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        return queries.read(number, caller, purpose, null);
    }

    @GET
    @Path("commitments/{number}/pdf")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.ISSUER })
    @Produces("application/pdf")
    @Operation(summary = "可打印的告知承诺书（PDF）/ The printable pledge document (PDF)",
            description = "含格式文本全文（含不实承诺的法律后果）、填报内容、编号、核验码和二维码。仅承诺人本人和事项所属部门（及协查部门）；部门下载时记入访问记录。"
                    + " / The full template text (legal consequences included), the answers, number, code and QR. The holder and the"
                    + " matter's (or assisting) department only; a download by staff is in the holder's access log.")
    @APIResponse(responseCode = "200", description = "PDF")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response pdf(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        PledgeView p = queries.read(number, caller, purpose, "pdf");
        if (!caller.has(Role.CITIZEN)) { // staff printing a holder's pledge: an export of personal data
            staffActions.record("personal-data.exported", caller.department().orElse(null), "pledge", p.number(), "format", "pdf");
        }
        return Response.ok(rendering.pdf(p)).type("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + p.number() + ".pdf\"").build();
    }

    @GET
    @Path("commitments/{number}/qr.png")
    @RolesAllowed({ Role.Names.CITIZEN, Role.Names.ISSUER })
    @Produces("image/png")
    @Operation(summary = "告知承诺书二维码（PNG）/ The pledge's QR code (PNG)",
            description = "内容为核验页地址（含编号和核验码）。仅承诺人本人和事项所属部门（及协查部门）。"
                    + " / Carries the status-page URL with number and code. The holder and the matter's (or assisting) department only.")
    @APIResponse(responseCode = "200", description = "PNG")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response qrPng(@PathParam("number") String number, @Parameter(description = PURPOSE_DOC) @QueryParam("purpose") String purpose) {
        PledgeView p = queries.read(number, caller, purpose, "qr");
        return Response.ok(rendering.qrPng(p)).type("image/png").build();
    }
}
