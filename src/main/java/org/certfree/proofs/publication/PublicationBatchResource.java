package org.certfree.proofs.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.certfree.proofs.common.IfMatch;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.dto.BatchInput;
import org.certfree.proofs.publication.dto.BatchSummary;
import org.certfree.proofs.publication.dto.BatchView;
import org.certfree.proofs.publication.dto.DiffView;
import org.certfree.proofs.publication.dto.EntryInput;
import org.certfree.proofs.publication.dto.EntryView;
import org.certfree.proofs.publication.dto.PublishInput;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Publication batches ("成熟一批、发布一批"): the justice bureau assembles and publishes them; anyone
 * reads published batches, their canonical manifests, exports and differences.
 *
 * <p>One file on purpose: JAX-RS picks one resource class per URL prefix, so the endpoints of one URL
 * tree stay together; most of the length is each operation's bilingual API documentation, and the
 * methods themselves are one service call each.
 */
@Path("/api/v1/publication-batches")
@Tag(name = "publication", description = "清单发布批次 / Publication batches of the lists")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationBatchResource {

    @Inject
    PublicationService publication;

    @Inject
    PublishingService publishing;

    @Inject
    BatchQueries batches;

    @Inject
    Clock clock;

    @Inject
    EffectiveLists lists;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "列出发布批次（公开）/ List publication batches (public)",
            description = "公众只能看到已发布的批次；审核人员还能看到草稿。/ The public sees published batches; reviewers also see drafts.")
    @APIResponse(responseCode = "200", description = "批次，按发布顺序 / batches in log order")
    @APIResponse(responseCode = "400")
    public List<BatchSummary> list(@Parameter(description = "状态 / status") @QueryParam("status") BatchStatus status) {
        return batches.list(status, reviewer());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.REVIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "新建发布批次草稿（司法局）/ Create a draft batch (justice bureau)",
            description = "司法局的审核人员新建发布批次草稿；编号可省略，按年份自动编排（如 2024年第1批）。编号已被使用返回 409 及已有批次的地址。带相同 Idempotency-Key 的重试返回同一结果。"
                    + " / A REVIEWER of the justice bureau creates a draft batch; without a number one is assigned by year (e.g. 2024年第1批). A number already taken answers 409 with the existing batch's location; retries with the same Idempotency-Key replay the first answer.")
    @APIResponse(responseCode = "201", description = "已创建 / created")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    public Response create(
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @NotNull(message = Messages.BATCH_BODY_REQUIRED) @Valid BatchInput body) {
        return idempotency.execute(idempotencyKey, caller, "POST /api/v1/publication-batches", body, () -> {
            BatchView created = publication.create(caller, body, clock.instant());
            return Response.created(URI.create(PublicationService.PATH + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("diff")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "两个批次之间清单的差异（公开）/ Difference of the lists between two batches (public)",
            description = "比较批次 from 发布后与批次 to 发布后的清单：新增、移出、修改的事项。"
                    + " / Compares the lists after batch `from` with the lists after batch `to`.")
    @APIResponse(responseCode = "200", description = "差异 / the difference")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public DiffView diff(@Parameter(description = "批次 id / batch id") @QueryParam("from") Long from,
            @Parameter(description = "批次 id / batch id") @QueryParam("to") Long to) {
        if (from == null || to == null) {
            throw ApiException.badParameter(from == null ? "from" : "to", Messages.DIFF_PARAMS_REQUIRED);
        }
        return lists.diff(requirePublished(from), requirePublished(to));
    }

    @GET
    @Path("{id}")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "读取批次及其条目（公开）/ Read a batch with its entries (public)",
            description = "批次及其全部条目。公众只能读取已发布的批次，审核人员还能读取草稿。ETag 为批次的版本号，发布时可作为 If-Match 发回。"
                    + " / A batch with all its entries. The public reads published batches, reviewers also drafts. The ETag is the batch's version, to send back as If-Match when publishing.")
    @APIResponse(responseCode = "200", description = "批次 / the batch")
    @APIResponse(responseCode = "404")
    public Response get(@PathParam("id") long id) {
        BatchView b = batches.find(id, reviewer())
                .orElseThrow(() -> ApiException.notFound(Messages.BATCH_NOT_FOUND.formatted(id)));
        return Response.ok(b).tag(new EntityTag(Integer.toString(b.version()))).build();
    }

    @GET
    @Path("{id}/manifest")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "批次的规范化发布清单（公开）/ The batch's canonical manifest (public)",
            description = "返回被哈希和签名的原始字节（RFC 8785 JCS）；其 SHA-256 即 manifestHash，并写在 Repr-Digest 头中。"
                    + " / The exact bytes that are hashed and signed (RFC 8785); their SHA-256 is the manifestHash (also in Repr-Digest).")
    @APIResponse(responseCode = "200", description = "发布清单 / the manifest")
    @APIResponse(responseCode = "404")
    public Response manifest(@PathParam("id") long id) {
        PublicationBatch b = requirePublished(id);
        byte[] body = b.manifest.getBytes(StandardCharsets.UTF_8);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(b.manifestHash));
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .tag(new EntityTag(b.manifestHash))
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .build();
    }

    @GET
    @Path("{id}/export")
    @PermitAll
    @SecurityRequirements
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "导出批次（JSON 或 CSV，公开）/ Export a batch as JSON or CSV (public)",
            description = "CSV 为带 BOM 的 UTF-8，可直接用 Excel 打开。/ CSV is UTF-8 with a byte-order mark for Excel.")
    @APIResponse(responseCode = "200", description = "导出文件 / the export")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public Response export(@PathParam("id") long id,
            @Parameter(description = "json 或 csv / json or csv") @QueryParam("format") String format) {
        PublicationBatch b = requirePublished(id);
        List<BatchEntry> entries = batches.entries(id);
        String filename = "publication-batch-" + b.number;
        if (format == null || format.equals("json")) {
            ObjectNode doc = json.createObjectNode();
            doc.put("batchId", b.id);
            doc.put("number", b.number);
            doc.put("logIndex", b.logIndex);
            doc.put("publishedAt", Manifests.timestamp(b.publishedAt));
            doc.put("manifestHash", b.manifestHash);
            ArrayNode list = doc.putArray("entries");
            entries.forEach(e -> list.add(json.valueToTree(BatchQueries.entryView(e))));
            return attachment(Response.ok(doc, MediaType.APPLICATION_JSON_TYPE), filename + ".json");
        }
        if (!format.equals("csv")) {
            throw ApiException.badParameter("format", Messages.EXPORT_FORMAT_INVALID);
        }
        List<String> header = new ArrayList<>(Messages.EXPORT_BATCH_COLUMNS);
        header.addAll(Exports.commonHeader());
        header.add(Messages.EXPORT_CONTENT_COLUMN);
        byte[] csv = Exports.csv(header, printer -> {
            for (BatchEntry e : entries) {
                List<String> row = new ArrayList<>(List.of(b.number, Integer.toString(e.seq), action(e.action),
                        e.reason == null ? "" : e.reason));
                row.addAll(Exports.contentRow(e.content).subList(0, Exports.commonHeader().size()));
                row.add(e.content.toString());
                Exports.print(printer, row);
            }
        });
        return attachment(Response.ok(csv, Exports.CSV_MEDIA_TYPE), filename + ".csv");
    }

    @POST
    @Path("{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.REVIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "把审核通过的版本加入批次 / Add an approved version to a draft batch",
            description = "只接受审核通过（APPROVED）的版本；未通过的版本返回 422。变更类型按清单现状判断：新增、修改或移出。"
                    + " / Only APPROVED versions (else 422); the action (ADD, AMEND, REMOVE) follows from the lists as they are.")
    @APIResponse(responseCode = "201", description = "已加入 / added")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public Response addEntry(@PathParam("id") long id,
            @NotNull(message = Messages.BATCH_ENTRY_BODY_REQUIRED) @Valid EntryInput body) {
        EntryView e = publication.addEntry(caller, id, body, clock.instant());
        return Response.created(URI.create(PublicationService.PATH + id + "/entries/" + e.seq())).entity(e).build();
    }

    @DELETE
    @Path("{id}/entries/{seq}")
    @RolesAllowed(Role.Names.REVIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "从批次草稿中去掉一个条目 / Remove an entry from a draft batch",
            description = "按序号从草稿批次中去掉一个条目；已发布的批次返回 409。只有组建该批次的部门的审核人员可以操作。"
                    + " / Removes an entry, by sequence number, from a draft batch; a published batch answers 409. Reviewers of the department that assembled the batch only.")
    @APIResponse(responseCode = "204", description = "已去掉 / removed")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response removeEntry(@PathParam("id") long id, @PathParam("seq") int seq) {
        publication.removeEntry(caller, id, seq);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/publish")
    @RolesAllowed(Role.Names.REVIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "发布批次（原子操作，发布后不可更改）/ Publish a batch (atomic; immutable afterwards)",
            description = "生成规范化发布清单并接入哈希链，更新现行清单，追加到透明日志并生成签名树头。空批次返回 422。"
                    + " / Freezes the canonical manifest into the hash chain, updates the current lists, appends to the log with a signed tree head. An empty batch answers 422.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishInput.class),
            examples = @ExampleObject(name = "version", summary = "读取到的版本号（或用 If-Match）/ the version read (or If-Match)",
                    value = Examples.PUBLISH_BATCH)))
    @APIResponse(responseCode = "200", description = "已发布 / published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchView.class),
                    examples = @ExampleObject(name = "published", summary = "已发布、签名并记入日志（签名已截短）/ published, signed and logged (signatures shortened)",
                            value = Examples.BATCH_PUBLISHED)))
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "422")
    public BatchView publish(@PathParam("id") long id,
            @Parameter(description = "读取到的版本号 / lock version read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid PublishInput body) {
        Integer lock = IfMatch.version(body == null ? null : body.version(), ifMatch);
        return publishing.publish(caller, id, lock);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Role.Names.REVIEWER)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "删除批次草稿 / Delete a draft batch", description = "已发布的批次不能删除（409）。/ Published batches cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "已删除 / deleted")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public Response delete(@PathParam("id") long id) {
        publication.deleteDraft(caller, id);
        return Response.noContent().build();
    }

    private boolean reviewer() {
        return !caller.anonymous() && caller.has(Role.REVIEWER);
    }

    private PublicationBatch requirePublished(long id) {
        return batches.published(id).orElseThrow(() -> ApiException.notFound(Messages.BATCH_NOT_FOUND.formatted(id)));
    }

    private static String action(EntryAction action) {
        return switch (action) {
            case ADD -> "新增";
            case AMEND -> "修改";
            case REMOVE -> "移出";
        };
    }

    static Response attachment(Response.ResponseBuilder builder, String filename) {
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return builder.header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded).build();
    }
}
