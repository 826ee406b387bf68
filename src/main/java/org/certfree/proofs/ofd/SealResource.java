package org.certfree.proofs.ofd;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.ofd.dto.DepartmentSealsView;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A department's electronic seal (GB/T 38540), which its OFD proofs carry. */
@Path("/api/v1/departments/{code}/seal")
@Tag(name = "keys", description = "部门签名密钥 / Department signing keys")
@SecurityRequirement(name = "bearer")
public class SealResource {

    @Inject
    DepartmentSeals seals;

    @Inject
    SealUploads uploads;

    @Inject
    DepartmentService departments;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER })
    @Operation(summary = "部门的电子印章 / A department's electronic seal",
            description = "当前印章（OFD 证明所盖）及被替换的历史印章（保留备查），仅公开信息。演示模式下没有印章时由演示制章者制作。"
                    + "管理员可查看任何部门，其他工作人员只能查看本部门。"
                    + " / The current seal (the one its OFD proofs carry) and the seals it replaced (kept for audit), public"
                    + " data only. Demo mode makes one with the demo seal maker when there is none. ADMIN sees any"
                    + " department; other staff only their own.")
    @APIResponse(responseCode = "200", description = "印章 / the seals")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    public DepartmentSealsView get(@Parameter(description = "部门编码 / department code") @PathParam("code") String code) {
        authorize(code);
        return seals.view(code);
    }

    @GET
    @Path("picture")
    @Produces({ "image/png", "image/jpeg", "image/gif", "image/bmp", "application/octet-stream" })
    @RolesAllowed({ Role.Names.ADMIN, Role.Names.REVIEWER, Role.Names.LIST_EDITOR, Role.Names.ISSUER,
            Role.Names.VERIFIER })
    @Operation(summary = "当前印章的图像 / The current seal's picture",
            description = "印章内的图像数据（演示印章为 PNG；正式印章为电子印章系统写入的格式）。访问规则同上。"
                    + " / The picture inside the current seal (PNG for demo seals; official ones carry what the seal system"
                    + " put in). Same access as above.")
    @APIResponse(responseCode = "200", description = "图像 / the picture")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    public Response picture(@Parameter(description = "部门编码 / department code") @PathParam("code") String code) {
        authorize(code);
        Seals.SealInfo seal = seals.current(code);
        String type = switch (seal.pictureType().toUpperCase(java.util.Locale.ROOT)) {
            case "PNG" -> "image/png";
            case "JPG", "JPEG" -> "image/jpeg";
            case "GIF" -> "image/gif";
            case "BMP" -> "image/bmp";
            default -> MediaType.APPLICATION_OCTET_STREAM;
        };
        return Response.ok(seal.picture()).type(type).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.ADMIN)
    @Operation(summary = "加载正式电子印章 / Load the official seal",
            description = "请求体为电子印章系统签发的 GB/T 38540（V4）印章文件（.esl，DER，最大 1 MB）。须能解析且制章者签名有效、"
                    + "制章者证书链接到已配置的制章根证书且未被吊销、当前在有效期内，并在证书列表中列有本部门当前 SM2 签名密钥的证书；"
                    + "否则返回 4xx 且不作任何更改（并说明需要哪张证书）。原印章保留在历史中。同一印章重复加载不改变任何内容。仅管理员。"
                    + " / Body: the GB/T 38540 (V4) seal (.esl, DER, at most 1 MB) the official seal system issued. It must"
                    + " parse with a valid maker signature, its maker must chain to a configured seal-maker root and not be"
                    + " revoked, it must be valid now and list the certificate of the department's ACTIVE SM2 key; otherwise"
                    + " a 4xx problem (naming the certificate needed) and nothing changes. The replaced seal stays in the"
                    + " history. The same seal again changes nothing. ADMIN only.")
    @APIResponse(responseCode = "200", description = "印章 / the seals")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "401")
    @APIResponse(responseCode = "403")
    @APIResponse(responseCode = "404")
    @APIResponse(responseCode = "409")
    @APIResponse(responseCode = "413")
    @APIResponse(responseCode = "422")
    public DepartmentSealsView load(@Parameter(description = "部门编码 / department code") @PathParam("code") String code,
            byte[] body) {
        requireExisting(code);
        return uploads.load(code, body, caller.subject());
    }

    private void authorize(String code) {
        if (!caller.has(Role.ADMIN)) {
            caller.requireDepartment(code);
        }
        requireExisting(code);
    }

    private void requireExisting(String code) {
        if (departments.find(code).isEmpty()) {
            throw ApiException.notFound(Messages.DEPARTMENT_NOT_FOUND.formatted(code));
        }
    }
}
