package org.certfree.proofs.publication;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.publication.dto.ConsistencyProofView;
import org.certfree.proofs.publication.dto.InclusionProofView;
import org.certfree.proofs.publication.dto.TreeHeadView;
import org.certfree.proofs.publication.dto.VerificationReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public transparency log of published batches (RFC 9162 style). Leaf i is the SHA-256 manifest
 * hash of the batch with log index i; leaf hash SHA-256(0x00 || hash), node hash SHA-256(0x01 || l || r).
 */
@Path("/api/v1/transparency")
@Tag(name = "transparency", description = "发布批次的透明日志 / Transparency log of published batches")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    @Inject
    TransparencyLog log;

    @Inject
    BatchQueries batches;

    @GET
    @Path("tree-head")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "签名树头（公开）/ Signed tree head (public)",
            description = "默认为最新树头；payload 为被签名的规范化 JSON。/ The latest by default; payload is the canonical JSON that is signed.")
    @APIResponse(responseCode = "200", description = "树头 / the tree head")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public TreeHeadView treeHead(@Parameter(description = "树大小 / tree size") @QueryParam("treeSize") Integer treeSize) {
        return log.treeHead(treeSize);
    }

    @GET
    @Path("inclusion")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "批次的包含证明（公开）/ Inclusion proof of a batch (public)",
            description = "已发布批次的发布清单哈希在树大小为 treeSize（默认当前）的日志中的包含证明（RFC 9162 §2.1.3）：叶序号和审计路径，可对照签名树头的根哈希核对。"
                    + " / Inclusion proof (RFC 9162 §2.1.3) of a published batch's manifest hash in the log at treeSize (default: current): leaf index and audit path, to check against the signed tree head's root.")
    @APIResponse(responseCode = "200", description = "包含证明 / the inclusion proof")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public InclusionProofView inclusion(@Parameter(description = "批次 id / batch id") @QueryParam("batch") Long batch,
            @Parameter(description = "树大小，默认当前 / tree size, default current") @QueryParam("treeSize") Integer treeSize) {
        if (batch == null) {
            throw ApiException.badParameter("batch", Messages.TRANSPARENCY_BATCH_REQUIRED);
        }
        PublicationBatch b = batches.published(batch)
                .orElseThrow(() -> ApiException.notFound(Messages.BATCH_NOT_FOUND.formatted(batch)));
        return log.inclusion(b, treeSize);
    }

    @GET
    @Path("consistency")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "两个树大小之间的一致性证明（公开）/ Consistency proof between two tree sizes (public)",
            description = "证明树大小为 first 时的日志是树大小为 second（默认当前）时日志的前缀（RFC 9162 §2.1.4），用于核对先后两个签名树头。"
                    + " / Proves that the log at tree size first is a prefix of the log at size second (default: current), RFC 9162 §2.1.4, so two signed tree heads can be checked against each other.")
    @APIResponse(responseCode = "200", description = "一致性证明 / the consistency proof")
    @APIResponse(responseCode = "400")
    public ConsistencyProofView consistency(@Parameter(description = "较小的树大小 / first tree size") @QueryParam("first") Integer first,
            @Parameter(description = "较大的树大小，默认当前 / second tree size, default current") @QueryParam("second") Integer second) {
        return log.consistency(first, second);
    }

    @GET
    @Path("verify")
    @PermitAll
    @SecurityRequirements
    @Operation(summary = "核对全部已发布记录（公开）/ Recompute and check the whole published record (public)",
            description = "按存储的批次与条目重新生成每个发布清单并核对其哈希、哈希链、默克尔根、签名和现行清单，再按签名核对其他记录（records），列出所有不一致之处。"
                    + " / Rebuilds every manifest from the stored rows and checks hashes, chain, Merkle roots, signatures and the current lists,"
                    + " then checks the other signed or sealed records (records) against what was signed; lists every inconsistency.")
    @APIResponse(responseCode = "200", description = "核对结果 / the report")
    @APIResponse(responseCode = "406")
    public VerificationReport verify() {
        return log.verify();
    }
}
