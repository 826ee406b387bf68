package org.certfree.proofs.department;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.certfree.proofs.common.Page;
import org.certfree.proofs.common.PageRequest;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.dto.DepartmentInput;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.idempotency.IdempotencyService;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Departments and units of the prefecture: read by every signed-in role, changed by ADMIN. */
@Path("/api/v1/departments")
@Tag(name = "departments", description = "部门与单位 / Departments and units")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentResource {

    @Inject
    DepartmentService departments;

    @Inject
    IdempotencyService idempotency;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER, Role.Names.CITIZEN })
    @Operation(summary = "列出部门与单位 / List departments and units",
            description = "按职能、类别、是否启用以及名称或编码中的文字筛选部门与单位，分页返回。所有登录角色可用。"
                    + " / Departments and units filtered by role, kind, active flag and text in the name or code, a page at a time. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "一页部门 / a page of departments")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    public Page<DepartmentView> list(
            @Parameter(description = "职能 / role") @QueryParam("role") DepartmentRole role,
            @Parameter(description = "类别 / kind") @QueryParam("kind") DepartmentKind kind,
            @Parameter(description = "是否启用 / active") @QueryParam("active") Boolean active,
            @Parameter(description = "名称或编码中的文字 / text in name or code") @QueryParam("q") String q,
            @Parameter(description = "页码，从 0 开始 / page, 0-based") @QueryParam("page") Integer page,
            @Parameter(description = "每页条数（1–200）/ page size") @QueryParam("size") Integer size) {
        return departments.list(role, kind, active, q, PageRequest.of(page, size));
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER, Role.Names.CITIZEN })
    @Operation(summary = "读取一个部门 / Read a department",
            description = "按编码读取一个部门或单位：名称、类别、统一社会信用代码、区划、职能、是否启用，以及替换时须发回的 version。所有登录角色可用。"
                    + " / One department or unit by code: name, kind, USCC, region, roles, whether active, and the version to send back when replacing it. Any signed-in role.")
    @APIResponse(responseCode = "200", description = "部门 / the department")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "404")
    public DepartmentView get(@PathParam("code") String code) {
        return departments.find(code)
                .orElseThrow(() -> ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(code)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "新建部门或单位 / Create a department or unit",
            description = "重复的编码或统一社会信用代码返回 409，Location 指向已有记录。带 Idempotency-Key 的重试返回同一结果。"
                    + " / A duplicate code or USCC answers 409 with the existing record's Location; retries with the same Idempotency-Key replay the first answer.")
    @APIResponse(responseCode = "201", description = "已创建 / created")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "409")
    public Response create(
            @Parameter(description = "幂等键 / idempotency key") @HeaderParam(IdempotencyService.HEADER) String idempotencyKey,
            @NotNull(message = Messages.DEPARTMENT_BODY_REQUIRED) @Valid DepartmentInput body) {
        return idempotency.execute(idempotencyKey, caller, "POST /api/v1/departments", body, () -> {
            DepartmentView created = departments.create(body);
            return Response.created(URI.create(DepartmentService.PATH + created.code())).entity(created).build();
        });
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "替换部门信息 / Replace a department",
            description = "须带上读取到的 version；版本过期返回 409。/ Send the version you read; a stale version answers 409.")
    @APIResponse(responseCode = "200", description = "已更新 / updated")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public DepartmentView replace(@PathParam("code") String code,
            @NotNull(message = Messages.DEPARTMENT_BODY_REQUIRED) @Valid DepartmentInput body) {
        return departments.replace(code, body);
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "停用部门 / Deactivate a department",
            description = "部门不会被删除（证明和清单仍引用它），只会停用；可用 PUT 重新启用。"
                    + " / Departments are never erased because proofs and lists refer to them; they are deactivated (PUT active=true re-activates).")
    @APIResponse(responseCode = "200", description = "已停用 / deactivated")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public DepartmentView deactivate(@PathParam("code") String code) {
        return departments.deactivate(code);
    }
}
