package org.certfree.proofs.system.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.certfree.proofs.system.json.StorableInput;
import org.certfree.proofs.system.log.BusinessEvents;
import org.certfree.proofs.system.log.CorrelationIds;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where every exception becomes an RFC 9457 problem document. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * SQLSTATE every trigger raises when it refuses to change an immutable or append-only row (a
     * published batch, an approved matter version, a proof's signed content, a verification, …; see
     * migration V25): class 23, integrity constraint violation, with a subclass of our own, so it is
     * told apart from a unique or check constraint and answered 409 with {@link Messages#IMMUTABLE_ROW}
     * whether it came through Hibernate or plain JDBC.
     */
    public static final String IMMUTABLE_ROW_SQLSTATE = "23IMM";

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        if (e.type().status() >= 403 && e.type().status() != 404) {
            // a refusal by rule (forbidden, conflict, unprocessable, too many, overloaded); not its detail,
            // which may quote what the client sent
            BusinessEvents.log("request.refused", "status", e.type().status(), "type", e.type().uri(), "path",
                    "/" + uri.getPath().replaceFirst("^/", ""), "outcome", "refused");
        }
        Response.ResponseBuilder builder = builder(e.type(), e.getMessage(), uri, null, e.existing(), e.errors());
        if (e.existing() != null) {
            builder.header(HttpHeaders.LOCATION, e.existing());
        }
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ProblemFields.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .collect(Collectors.toList());
        String detail = errors.size() == 1
                ? errors.get(0).field() + "：" + errors.get(0).message()
                : Messages.VALIDATION_FAILED;
        return builder(ProblemType.VALIDATION, detail, uri, null, null, errors).build();
    }

    @ServerExceptionMapper
    public Response unrecognized(UnrecognizedPropertyException e, UriInfo uri) {
        String field = ProblemFields.of(e);
        return builder(ProblemType.MALFORMED_BODY, Messages.UNKNOWN_JSON_FIELD.formatted(field), uri, null, null,
                List.of(new Problem.FieldError(field, Messages.UNKNOWN_JSON_FIELD.formatted(field)))).build();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = ProblemFields.of(e);
        String unstorable = e instanceof StorableInput.NulInTextException ? Messages.NUL_IN_TEXT
                : e instanceof StorableInput.LoneSurrogateException ? Messages.LONE_SURROGATE_IN_TEXT
                : e instanceof StorableInput.TimeOutOfRangeException ? Messages.TIME_OUT_OF_RANGE : null;
        if (unstorable != null) {
            String message = unstorable.formatted(field.isEmpty() ? "body" : field);
            return builder(ProblemType.VALIDATION, message, uri, null, null,
                    List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message))).build();
        }
        if (field.isEmpty()) {
            return builder(ProblemType.MALFORMED_BODY, Messages.MALFORMED_JSON.formatted(e.getOriginalMessage()), uri,
                    null, null, null).build();
        }
        String message = Messages.WRONG_JSON_FIELD.formatted(field, e.getOriginalMessage());
        return builder(ProblemType.MALFORMED_BODY, message, uri, null, null,
                List.of(new Problem.FieldError(field, message))).build();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return builder(ProblemType.MALFORMED_BODY, Messages.MALFORMED_JSON.formatted(e.getOriginalMessage()), uri,
                null, null, null).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return builder(ProblemType.UNAUTHENTICATED, Messages.UNAUTHENTICATED, uri, null, null, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return builder(ProblemType.UNAUTHENTICATED, Messages.TOKEN_INVALID, uri, null, null, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return builder(ProblemType.FORBIDDEN, Messages.FORBIDDEN_ROLE, uri, null, null, null).build();
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response optimisticLock(Exception e, UriInfo uri) {
        return builder(ProblemType.STALE_VERSION, Messages.CONCURRENT_MODIFICATION, uri, null, null, null).build();
    }

    /** A unique or check constraint the service did not see coming (e.g. two concurrent creates). */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        SQLException immutable = immutableRowRefusal(e);
        if (immutable != null) {
            return immutableRow(immutable, uri);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                LOG.debugf("constraint %s violated on %s", cve.getConstraintName(), uri.getPath());
                return builder(ProblemType.CONFLICT, Messages.DB_CONSTRAINT, uri, null, null, null).build();
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers, Request request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof ApiException refused) {
            // a parameter converter of ours (EnumParameters) refused the value; JAX-RS wrapped it in a 404/400
            return api(refused, uri);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // JAX-RS answers 404 when a query/path parameter of a JDK type (number, UUID, date) cannot be
            // converted; it is the client's input. Enums of ours never get here: EnumParameters reads them.
            return builder(ProblemType.BAD_PARAMETER, Messages.PARAMETER_UNREADABLE.formatted(withoutPackages(
                    ProblemFields.rootMessage(e.getCause()))), uri, null, null, null).build();
        }
        if (e instanceof NotFoundException) {
            return builder(ProblemType.NOT_FOUND, Messages.NO_SUCH_PATH.formatted("/" + uri.getPath().replaceFirst("^/", "")),
                    uri, null, null, null).build();
        }
        if (e instanceof NotAllowedException) {
            Response.ResponseBuilder b = builder(ProblemType.METHOD_NOT_ALLOWED,
                    Messages.METHOD_NOT_ALLOWED.formatted(request.getMethod()), uri, null, null, null);
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                b.header(HttpHeaders.ALLOW, allow);
            }
            return b.build();
        }
        if (e instanceof NotSupportedException) {
            return builder(ProblemType.UNSUPPORTED_MEDIA_TYPE, Messages.UNSUPPORTED_MEDIA_TYPE.formatted(
                    String.valueOf(headers.getHeaderString(HttpHeaders.CONTENT_TYPE))), uri, null, null, null).build();
        }
        if (e instanceof NotAcceptableException) {
            return builder(ProblemType.NOT_ACCEPTABLE, Messages.NOT_ACCEPTABLE, uri, null, null, null).build();
        }
        if (status == 401) {
            return unauthenticated(new UnauthorizedException(), uri);
        }
        if (status == 403) {
            return builder(ProblemType.FORBIDDEN, Messages.FORBIDDEN_ROLE, uri, null, null, null).build();
        }
        if (status == 413) {
            return builder(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(), uri, null, null, null).build();
        }
        if (status >= 400 && status < 500) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException jpe) {
                return cause instanceof MismatchedInputException mie ? mismatched(mie, uri) : malformed(jpe, uri);
            }
            return builder(status == 400 ? ProblemType.BAD_PARAMETER : ProblemType.UNPROCESSABLE,
                    Messages.VALIDATION_FAILED, uri, status, null, null).build();
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        SQLException immutable = immutableRowRefusal(e);
        if (immutable != null) { // e.g. through plain JDBC, wrapped in an IllegalStateException
            return immutableRow(immutable, uri);
        }
        String correlationId = CorrelationIds.current();
        LOG.errorf(e, "Unhandled error %s on %s", correlationId, uri.getPath());
        Problem problem = new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                Messages.INTERNAL.formatted(correlationId), uri.getPath(), correlationId, null, null);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(write(problem)).build();
    }

    /** A change the database refused because the row is final: the client's request, not our failure. */
    private Response immutableRow(SQLException refusal, UriInfo uri) {
        LOG.warnf("An immutable row was to be changed on %s: %s", uri.getPath(), refusal.getMessage());
        return builder(ProblemType.CONFLICT, Messages.IMMUTABLE_ROW, uri, null, null, null).build();
    }

    /** The trigger's refusal in {@code e}'s causes (or a batch's next exceptions), else null. */
    static SQLException immutableRowRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (IMMUTABLE_ROW_SQLSTATE.equals(sql.getSQLState())) {
                    return sql;
                }
            }
        }
        return null;
    }

    private Response.ResponseBuilder builder(ProblemType type, String detail, UriInfo uri, Integer statusOverride,
            String existing, List<Problem.FieldError> errors) {
        int status = statusOverride == null ? type.status() : statusOverride;
        // not the detail: it may quote what the client sent (a mistyped identifier, a name), which the
        // caller may read back but a log line may not hold
        LOG.debugf("%d %s on %s", status, type, uri.getPath());
        Problem problem = new Problem(type.uri(), type.title(), status, detail, "/" + uri.getPath().replaceFirst("^/", ""),
                null, existing, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(write(problem));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDK conversion message, shown to the client, never names our classes with their packages. */
    private static String withoutPackages(String message) {
        return message.replaceAll("[\\w.]+\\.([A-Z]\\w+)", "$1");
    }
}
