package org.certfree.proofs.catalog;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import org.certfree.proofs.catalog.dto.MatterInput;
import org.certfree.proofs.catalog.dto.MatterSummary;
import org.certfree.proofs.catalog.dto.MatterVersionView;
import org.certfree.proofs.catalog.dto.MatterView;
import org.certfree.proofs.catalog.dto.RemovalInput;
import org.certfree.proofs.catalog.dto.ReviewInput;
import org.certfree.proofs.common.IfMatch;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The proof-matter catalogue: list editors draft and submit versions of their department's matters,
 * the justice bureau's reviewers approve or reject them. Published lists are read at /api/v1/lists.
 *
 * <p>One file on purpose: JAX-RS picks one resource class per URL prefix, so the endpoints of one URL
 * tree stay together; most of the length is each operation's bilingual API documentation, and the
 * methods themselves are one service call each.
 */
@Path("/api/v1/matters")
@Tag(name = "matters", description = "证明事项目录与审核 / Proof-matter catalogue and review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class MatterResource {

    @Inject
    CatalogService catalog;

    @Inject
    MatterEditService editing;

    @Inject
    MatterReviewService review;

    @Inject
    Clock clock;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR })
    @Operation(summary = "检索证明事项目录 / Search the catalogue",
            description = "清单编辑员只能看到本部门的事项。q 按空格分词，每个词都须出现在编码、名称、部门或内容中。"
                    + " / List editors see their own department's matters only. q is split on spaces; every term must occur.")
    @APIResponse(responseCode = "200", description = "一页事项 / a page of matters")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<MatterSummary> search(
            @Parameter(description = "所属清单 / list kind") @QueryParam("kind") ListKind kind,
            @Parameter(description = "开具部门 / department") @QueryParam("department") String department,
            @Parameter(description = "使用场景 / scenario") @QueryParam("scenario") Scenario scenario,
            @Parameter(description = "最新版本的状态 / status of the latest version") @QueryParam("status") MatterStatus status,
            @Parameter(description = "文字 / text") @QueryParam("q") String q,
            @Parameter(description = "页码，从 0 开始 / page, 0-based") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数（1–200）/ page size") @QueryParam("size") Integer size) {
        String scope = editorScope();
        if (scope != null && department != null) {
            caller.requireDepartment(department);
        }
        return catalog.search(scope, kind, department, scenario, status, q, PageRequest.of(page, size));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "新建证明事项（第 1 版草稿）/ Create a matter with its first draft",
            description = "开具部门默认为本部门，只能为本部门登记。带 Idempotency-Key 的重试返回同一结果。"
                    + " / The department defaults to the editor's own; retries with the same Idempotency-Key replay the first answer.")
    @APIResponse(responseCode = "201", description = "已创建 / created")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public Response create(
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @NotNull(message = Messages.MATTER_BODY_REQUIRED) @Valid MatterInput body) {
        return idempotency.execute(idempotencyKey, caller, "POST /api/v1/matters", body, () -> {
            MatterView created = editing.create(caller, body, clock.instant());
            return Response.created(URI.create(CatalogService.PATH + created.code())).entity(created).build();
        });
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR })
    @Operation(summary = "读取证明事项及其版本历史 / Read a matter and its version history",
            description = "事项的基本信息、最新版本和全部版本的状态。清单编辑员只能读取本部门的事项，审核人员和管理员可读取全部。"
                    + " / A matter with its latest version and the status of every version. List editors read their own department's matters only; reviewers and ADMIN read all.")
    @APIResponse(responseCode = "200", description = "事项 / the matter")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public MatterView get(@PathParam("code") String code) {
        MatterView m = catalog.find(code).orElseThrow(() -> ApiException.notFound(Messages.MATTER_NOT_FOUND.formatted(code)));
        String scope = editorScope();
        if (scope != null) {
            caller.requireDepartment(m.departmentCode());
        }
        return m;
    }

    @GET
    @Path("{code}/versions/{number}")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR })
    @Operation(summary = "读取一个版本 / Read one version",
            description = "ETag 为版本号 version，修改草稿时可作为 If-Match 发回。/ The ETag is the lock version; send it back as If-Match.")
    @APIResponse(responseCode = "200", description = "版本 / the version")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response getVersion(@PathParam("code") String code, @PathParam("number") int number) {
        MatterVersionView v = catalog.findVersion(code, number)
                .orElseThrow(() -> ApiException.notFound(Messages.MATTER_VERSION_NOT_FOUND.formatted(code, number)));
        String scope = editorScope();
        if (scope != null) {
            caller.requireDepartment(v.departmentCode());
        }
        return withEtag(Response.ok(v), v).build();
    }

    @POST
    @Path("{code}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "起草新版本（修改已审核的内容）/ Draft a new version (amendment)",
            description = "已审核或已发布的版本不会被改动；修改总是新版本。同一事项同时只能有一个未完成的版本。"
                    + " / Reviewed and published versions never change; an amendment is a new version. One open version per matter.")
    @APIResponse(responseCode = "201", description = "已创建 / created")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response amend(@PathParam("code") String code, @NotNull(message = Messages.MATTER_BODY_REQUIRED) @Valid MatterInput body) {
        MatterVersionView v = editing.amend(caller, code, body, clock.instant());
        return withEtag(Response.created(versionUri(v)).entity(v), v).build();
    }

    @POST
    @Path("{code}/removal-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "申请将事项移出清单 / Request removal from the list",
            description = "生成一个“移出”版本草稿，提交并经司法局审核通过后，可在发布批次中以 REMOVE 发布。"
                    + " / Drafts a REMOVAL version; once approved it can be published as a REMOVE entry.")
    @APIResponse(responseCode = "201", description = "已创建 / created")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public Response requestRemoval(@PathParam("code") String code,
            @NotNull(message = Messages.MATTER_REMOVAL_BODY_REQUIRED) @Valid RemovalInput body) {
        MatterVersionView v = editing.requestRemoval(caller, code, body.reason(), clock.instant());
        return withEtag(Response.created(versionUri(v)).entity(v), v).build();
    }

    @PUT
    @Path("{code}/versions/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "修改草稿 / Replace a draft",
            description = "须带上读取到的 version（请求体或 If-Match）；他人已修改时返回 409，不会覆盖。"
                    + " / Send the version read (body or If-Match); a stale version answers 409 and nothing is overwritten.")
    @APIResponse(responseCode = "200", description = "已修改 / updated")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response update(@PathParam("code") String code, @PathParam("number") int number,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = Messages.MATTER_BODY_REQUIRED) @Valid MatterInput body) {
        MatterVersionView v = editing.update(caller, code, number, body, lock(body.version(), ifMatch),
                clock.instant());
        return withEtag(Response.ok(v), v).build();
    }

    @POST
    @Path("{code}/versions/{number}/submit")
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "提交司法局审核 / Submit for review",
            description = "本部门的清单编辑员把草稿（DRAFT）提交司法局审核；提交后不能修改，但可撤回。带上读取到的 version（请求体或 If-Match）时，版本已变返回 409。"
                    + " / The department's LIST_EDITOR submits a DRAFT for the justice bureau's review; it can no longer be edited but can be withdrawn. With the version read (body or If-Match), a stale one answers 409.")
    @APIResponse(responseCode = "200", description = "已提交 / submitted")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response submit(@PathParam("code") String code, @PathParam("number") int number,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReviewInput body) {
        MatterVersionView v = editing.submit(caller, code, number, lock(body == null ? null : body.version(), ifMatch),
                clock.instant());
        return withEtag(Response.ok(v), v).build();
    }

    @POST
    @Path("{code}/versions/{number}/withdraw")
    @RolesAllowed(Role.Names.LIST_EDITOR)
    @Operation(summary = "撤回审核申请（回到草稿）/ Withdraw from review (back to draft)",
            description = "审核之前，清单编辑员把已提交（SUBMITTED）的版本撤回为草稿以便修改。版本号的用法同提交。"
                    + " / Before the review, the LIST_EDITOR takes a SUBMITTED version back to DRAFT to edit it. The version is checked as for submission.")
    @APIResponse(responseCode = "200", description = "已撤回 / withdrawn")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response withdraw(@PathParam("code") String code, @PathParam("number") int number,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReviewInput body) {
        MatterVersionView v = editing.withdraw(caller, code, number, lock(body == null ? null : body.version(), ifMatch),
                clock.instant());
        return withEtag(Response.ok(v), v).build();
    }

    @POST
    @Path("{code}/versions/{number}/approve")
    @RolesAllowed(Role.Names.REVIEWER)
    @Operation(summary = "审核通过（司法局）/ Approve (justice bureau)",
            description = "司法局的审核人员通过已提交（SUBMITTED）的版本，可附审核意见；通过的版本不再改动，可加入发布批次。带上读取到的 version（请求体或 If-Match）时，版本已变返回 409。"
                    + " / A REVIEWER of the justice bureau approves a SUBMITTED version, optionally with a comment; approved versions never change and can go into a publication batch. With the version read (body or If-Match), a stale one answers 409.")
    @APIResponse(responseCode = "200", description = "已通过 / approved")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response approve(@PathParam("code") String code, @PathParam("number") int number,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReviewInput body) {
        MatterVersionView v = review.approve(caller, code, number, body == null ? null : body.reason(),
                lock(body == null ? null : body.version(), ifMatch), clock.instant());
        return withEtag(Response.ok(v), v).build();
    }

    @POST
    @Path("{code}/versions/{number}/reject")
    @RolesAllowed(Role.Names.REVIEWER)
    @Operation(summary = "驳回（司法局，须说明理由）/ Reject with a reason (justice bureau)",
            description = "司法局的审核人员驳回已提交（SUBMITTED）的版本，须在 reason 中说明理由；驳回的版本不再改动，编辑员须起草新版本。版本号的用法同审核通过。"
                    + " / A REVIEWER of the justice bureau rejects a SUBMITTED version with a reason (required); rejected versions never change and the editor drafts a new one. The version is checked as for approval.")
    @APIResponse(responseCode = "200", description = "已驳回 / rejected")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response reject(@PathParam("code") String code, @PathParam("number") int number,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid ReviewInput body) {
        MatterVersionView v = review.reject(caller, code, number, body == null ? null : body.reason(),
                lock(body == null ? null : body.version(), ifMatch), clock.instant());
        return withEtag(Response.ok(v), v).build();
    }

    /** A list editor sees its own department only; reviewers and administrators see all (null). */
    private String editorScope() {
        if (caller.has(Role.REVIEWER) || caller.has(Role.ADMIN)) {
            return null;
        }
        return caller.department().orElse("-");
    }

    private static URI versionUri(MatterVersionView v) {
        return URI.create(CatalogService.PATH + v.matterCode() + "/versions/" + v.number());
    }

    private static Response.ResponseBuilder withEtag(Response.ResponseBuilder builder, MatterVersionView v) {
        return builder.tag(new EntityTag(Integer.toString(v.version())));
    }

    private static Integer lock(Integer fromBody, String ifMatch) {
        return IfMatch.version(fromBody, ifMatch);
    }
}
