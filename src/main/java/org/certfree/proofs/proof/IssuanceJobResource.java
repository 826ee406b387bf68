package org.certfree.proofs.proof;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.proof.dto.IssuanceJobResult;
import org.certfree.proofs.proof.dto.IssuanceJobView;
import org.certfree.proofs.system.http.RequestLimits;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.openapi.Examples;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Bulk issuance jobs (批量开具): submitted, followed, cancelled and read back by their department's ISSUERs. */
@Path("/api/v1/issuance-jobs")
@Tag(name = "issuance-jobs", description = "批量开具作业 / Bulk issuance jobs")
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceJobResource {

    /** How long a job's intake may take (a slow client streaming 100,000 lines), in seconds. */
    private static final int INTAKE_TIMEOUT_SECONDS = 3600;

    @Inject
    IssuanceJobs jobs;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.WILDCARD) // the type is checked below, after the caller: an anonymous one gets 401 whatever it sends
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "提交批量开具作业 / Submit a bulk issuance job",
            description = "请求体为 NDJSON（application/x-ndjson）：每行一个 JSON 对象，即单份开具（POST /api/v1/proofs）的请求体加上本部门的条目编号 itemId"
                    + "（1 到 100 个字母、数字或 _.:/#-，不得含个人信息）。全部行保存后立即返回 202 和作业地址（Location），由后台分批开具；每一条的检查、签名、状态位、审计记录都与单份开具相同。"
                    + "整个作业被拒绝、不保存任何一行的情形：某行不是 JSON 对象或缺少有效的 itemId（400，errors 列出行号）、没有任何条目（400）、"
                    + "超过 100000 条或请求体超过上限或单行超过 256 KB（413）。单条内容有误（字段、证件号校验位、事项不可开具、他部门事项、有效期）只使该条失败，原因见进度和结果。"
                    + "同一部门内 itemId 只对应一份证明：重复提交（本作业或此前作业中）内容相同的条目记为 DUPLICATE 并沿用首次的结果，内容不同的记为失败；失败的条目可以用同一 itemId 重新提交。"
                    + "带相同 Idempotency-Key 且请求体逐字节相同的重试返回同一作业。"
                    + " / The body is NDJSON: one JSON object per line, the body of a single issuance (POST /api/v1/proofs) plus the department's item id"
                    + " itemId (1 to 100 letters, digits or _.:/#-, no personal data). Answers 202 with the job's Location once every line is stored; items are issued"
                    + " in the background, each exactly as a single issuance (checks, signatures, status slot, audit). The whole job is refused, storing nothing,"
                    + " for a line that is not a JSON object or lacks a valid itemId (400, errors name the lines), no item (400), more than 100,000 items, a body"
                    + " over the limit or a line over 256 kB (413). An item with bad content (fields, ID check character, matter not issuable or another"
                    + " department's, validity) fails alone, with its reason in the progress and results. An itemId stands for one proof within the department:"
                    + " a repeat with the same content (in this job or an earlier one) is a DUPLICATE answered with the first one's outcome, one with other"
                    + " content fails; a failed item may be resubmitted with the same itemId. A retry with the same Idempotency-Key and byte-identical body"
                    + " returns the same job.")
    @RequestBody(required = true, description = "NDJSON，每行一个条目，例如 / one item per line, e.g.:\n\n" + Examples.ISSUANCE_JOB_BODY,
            content = @Content(mediaType = RequestLimits.NDJSON,
                    schema = @Schema(type = SchemaType.STRING, description = "NDJSON：每行一个条目 / one item per line")))
    @APIResponse(responseCode = "202", description = "已保存，等待开具 / stored, to be issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuanceJobView.class),
                    examples = @ExampleObject(name = "queued", summary = "排队中 / queued", value = Examples.ISSUANCE_JOB_QUEUED)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "413")
    @APIResponse(responseCode = "415")
    @APIResponse(responseCode = "422")
    public Response submit(@Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String key,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(RequestLimits.NDJSON)) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, Messages.BULK_ISSUE_NDJSON_ONLY.formatted(type));
        }
        Response response = QuarkusTransaction.requiringNew().timeout(INTAKE_TIMEOUT_SECONDS).call(() ->
                idempotency.executeStreamed(key, caller, "POST /api/v1/issuance-jobs", body, in -> {
                    IssuanceJobView job = jobs.submit(in, caller);
                    return Response.accepted(job).location(URI.create(IssuanceJobs.PATH + job.id())).build();
                }));
        jobs.started();
        return response;
    }

    @GET
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "本部门的批量开具作业 / The department's bulk issuance jobs",
            description = "最新的在前。 / Newest first.")
    @APIResponse(responseCode = "200", description = "一页作业 / a page of jobs")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    public Page<IssuanceJobView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jobs.list(caller, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "作业进度 / A job's progress",
            description = "done/total、已开具、失败、重复、已取消的条数，以及最先失败的 20 条及原因（全部见 links.errors）。其他部门的作业返回 404。"
                    + " / done/total, issued, failed, duplicate and cancelled counts, and the first 20 failed items with their reasons (all: links.errors)."
                    + " Another department's job answers 404.")
    @APIResponse(responseCode = "200", description = "作业 / the job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IssuanceJobView.class),
                    examples = @ExampleObject(name = "done", summary = "已完成，一条失败 / done, one item failed",
                            value = Examples.ISSUANCE_JOB_DONE)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public IssuanceJobView read(@PathParam("id") String id) {
        return jobs.find(id, caller);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "取消作业 / Cancel a job",
            description = "尚未开具的条目不再开具（CANCELLED）；已开具的证明仍然有效，需要时逐份撤销。已完成或已取消的作业返回 409。"
                    + " / Items not yet issued never will be (CANCELLED); proofs already issued stay valid (revoke them one by one if need be)."
                    + " A job already done or cancelled answers 409.")
    @APIResponse(responseCode = "200", description = "已取消 / cancelled")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public IssuanceJobView cancel(@PathParam("id") String id) {
        return jobs.cancel(id, caller);
    }

    @GET
    @Path("{id}/results")
    @RolesAllowed(Role.Names.ISSUER)
    @SecurityRequirement(name = "bearer")
    @Produces(RequestLimits.NDJSON)
    @Operation(summary = "作业结果（NDJSON 流）/ A job's results (NDJSON stream)",
            description = "按行号顺序每行一个结果：itemId、状态，已开具的附证明编号、核验码（交持证人，凭编号和核验码核验、打印 PDF）、有效期和证明地址，失败的附原因（问题文档），"
                    + "重复的附首次提交所在的作业和行。尚在开具中的条目为 PENDING。核验码只给本部门，每次读取都记入审计日志。"
                    + "断点续读：after 取已读到的最后一个 line；status=FAILED 只读失败条目。"
                    + " / One result per line, in line order: itemId and status; an issued item with its proof number, verification code (for the holder:"
                    + " number and code verify the proof and print it), validity and address; a failed one with its reason (a problem document); a duplicate"
                    + " with the job and line first submitted. Items still being issued are PENDING. Codes go to the department only; every read is audited."
                    + " To resume a broken download pass the last line read as after; status=FAILED reads only the failed items.")
    @APIResponse(responseCode = "200", description = "NDJSON",
            content = @Content(mediaType = RequestLimits.NDJSON, schema = @Schema(implementation = IssuanceJobResult.class),
                    examples = @ExampleObject(name = "results", summary = "一条开具成功、一条失败 / one issued, one failed",
                            value = Examples.ISSUANCE_JOB_RESULTS)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response results(@PathParam("id") String id,
            @Parameter(description = "从此行号之后读起（上次读到的最后一个 line）/ start after this line (the last line read)") @QueryParam("after") Integer after,
            @Parameter(description = "只读此状态的条目 / only items in this state") @QueryParam("status") IssuanceJobItemState status) {
        IssuanceJobResults.ResultsWriter writer = jobs.results(id, caller, after, status);
        StreamingOutput stream = writer::write;
        return Response.ok(stream, RequestLimits.NDJSON).build();
    }
}
