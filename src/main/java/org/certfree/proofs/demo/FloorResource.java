package org.certfree.proofs.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.openapi.ApiDocument;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The benchmark floor (bench/): the cheapest useful request this service can answer — one lookup by
 * primary key, JSON out. Benchmarks report other endpoints as a ratio of it, measured in the same
 * run on the same machine. Demo mode only (404 in production).
 */
@Path("/api/v1/bench/floor")
@Tag(name = ApiDocument.DEMO_TAG, description = ApiDocument.DEMO_TAG_DESCRIPTION)
public class FloorResource {

    @Inject
    DepartmentService departments;

    @Inject
    CertfreeConfig config;

    /** What the floor answers. */
    public record Floor(String code, String name) {
    }

    @GET
    @Path("{code}")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "基准下限：按主键查一个部门 / Benchmark floor: one department by primary key",
            description = "基准测试用：按主键读取一个部门的编码和名称，是本服务能回答的最便宜的有用请求，bench/ 以它为基线报告其他接口。生产模式下返回 404。"
                    + " / For benchmarks: one department's code and name by primary key, the cheapest useful request this service answers; bench/ reports other endpoints relative to it. 404 in production mode.")
    @APIResponse(responseCode = "200", description = "部门名称 / the department's name")
    @APIResponse(responseCode = "404")
    public Floor floor(@PathParam("code") String code) {
        if (config.mode() == CertfreeConfig.Mode.PRODUCTION) {
            throw ApiException.notFound(Messages.BENCH_DISABLED);
        }
        return departments.find(code).map(d -> new Floor(d.code(), d.name()))
                .orElseThrow(() -> ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(code)));
    }
}
