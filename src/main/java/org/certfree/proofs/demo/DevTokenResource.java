package org.certfree.proofs.demo;

import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.certfree.proofs.common.ResidentId;
import org.certfree.proofs.common.Uscc;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.department.DepartmentRole;
import org.certfree.proofs.department.DepartmentService;
import org.certfree.proofs.department.dto.DepartmentView;
import org.certfree.proofs.system.config.CertfreeConfig;
import org.certfree.proofs.system.openapi.ApiDocument;
import org.certfree.proofs.system.security.Caller;
import org.certfree.proofs.system.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Demo mode only: mints development tokens so a newcomer can try every role. Production mode has
 * no such endpoint (404) and verifies an identity provider's tokens instead.
 */
@Path("/api/v1/dev/tokens")
@Tag(name = ApiDocument.DEMO_TAG, description = ApiDocument.DEMO_TAG_DESCRIPTION)
public class DevTokenResource {

    @Inject
    CertfreeConfig config;

    @Inject
    DepartmentService departments;

    @Inject
    Clock clock;

    /** Body of a token request. */
    @Schema(name = "DevTokenRequest")
    public record DevTokenRequest(
            @Schema(description = "角色 / role") @NotNull(message = Messages.DEV_TOKEN_ROLE_REQUIRED)
            Role role,
            @Schema(description = "所属部门编码（CITIZEN、ADMIN 以外必填）/ department code", examples = "BZGAJ")
            @Size(max = 32, message = Messages.DEV_TOKEN_DEPT_TOO_LONG) String dept,
            @Schema(description = "主体：CITIZEN 为公民身份号码或统一社会信用代码；其他角色为工作人员编号 / subject",
                    examples = "11010519491231002X")
            @Size(max = 64, message = Messages.DEV_TOKEN_SUBJECT_TOO_LONG) String subject,
            @Schema(description = "显示名 / display name") @Size(max = 50, message = Messages.DEV_TOKEN_NAME_TOO_LONG) String name) {
    }

    /** The minted token. */
    @Schema(name = "DevToken")
    public record DevToken(String token, Instant expiresAt, Role role, String dept, String subject) {
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "签发开发令牌（仅演示模式）/ Mint a development token (demo mode only)",
            description = "仅演示模式：为一个角色签发开发用令牌（RS256，有效期见 certfree.dev-token-ttl）。CITIZEN 须给出 subject（公民身份号码或统一社会信用代码）且不带部门；ISSUER、LIST_EDITOR、VERIFIER、REVIEWER 须给出具有相应职能的启用部门 dept。生产模式下返回 404。"
                    + " / Demo mode only: mints an RS256 development token for one role (lifetime: certfree.dev-token-ttl). CITIZEN needs a subject (resident ID or USCC) and no dept; ISSUER, LIST_EDITOR, VERIFIER and REVIEWER need an active dept with the matching role. 404 in production mode.")
    @APIResponse(responseCode = "200", description = "令牌 / the token")
    @APIResponse(responseCode = "400")
    @APIResponse(responseCode = "404")
    public DevToken mint(@NotNull(message = Messages.DEV_TOKEN_BODY_REQUIRED) @Valid DevTokenRequest body) {
        if (config.mode() == CertfreeConfig.Mode.PRODUCTION) {
            throw ApiException.notFound(Messages.DEV_TOKENS_DISABLED);
        }
        Role role = body.role();
        String dept = blankToNull(body.dept());
        String subject = blankToNull(body.subject());
        if (role == Role.CITIZEN) {
            if (dept != null) {
                throw ApiException.invalid("dept", Messages.DEV_TOKEN_CITIZEN_NO_DEPT);
            }
            if (subject == null) {
                throw ApiException.invalid("subject", Messages.DEV_TOKEN_SUBJECT_REQUIRED);
            }
            subject = ResidentId.normalize(subject);
            if (!ResidentId.isValid(subject) && !Uscc.isValid(subject)) {
                throw ApiException.invalid("subject", Messages.DEV_TOKEN_SUBJECT_INVALID);
            }
        } else {
            DepartmentRole needed = switch (role) {
                case ISSUER, LIST_EDITOR -> DepartmentRole.ISSUER;
                case VERIFIER -> DepartmentRole.USING_UNIT;
                case REVIEWER -> DepartmentRole.REVIEWER;
                default -> null;
            };
            if (needed != null && dept == null) {
                throw ApiException.invalid("dept", Messages.DEV_TOKEN_DEPT_REQUIRED.formatted(role));
            }
            if (dept != null) {
                DepartmentView d = departments.find(dept)
                        .orElseThrow(() -> ApiException.invalid("dept", Messages.DEPARTMENT_NOT_FOUND.formatted(body.dept())));
                if (!d.active()) {
                    throw ApiException.invalid("dept", Messages.DEV_TOKEN_DEPT_INACTIVE.formatted(dept));
                }
                if (needed != null && !d.roles().contains(needed)) {
                    throw ApiException.invalid("dept", Messages.DEV_TOKEN_DEPT_ROLE.formatted(dept, needed, role));
                }
            }
            if (subject == null) {
                subject = "dev-" + role.name().toLowerCase() + (dept == null ? "" : "-" + dept.toLowerCase());
            }
        }
        Instant now = clock.instant();
        Instant expires = now.plus(config.devTokenTtl());
        var builder = Jwt.subject(subject)
                .upn(subject)
                .groups(Set.of(role.name()))
                .issuedAt(now)
                .expiresAt(expires);
        if (body.name() != null) {
            builder.claim("name", body.name());
        }
        if (dept != null) {
            builder.claim(Caller.DEPT_CLAIM, dept);
        }
        return new DevToken(builder.sign(), expires, role, dept, subject);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
