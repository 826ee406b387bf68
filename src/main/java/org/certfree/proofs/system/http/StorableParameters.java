package org.certfree.proofs.system.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;
import org.certfree.proofs.system.json.StorableInput;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a path or query parameter holding a NUL character ({@code %00}) or a lone UTF-16 surrogate,
 * before any resource sees it: PostgreSQL cannot compare or store such text, so it would end in a 500.
 * (Request bodies are checked as they are read, see {@link StorableInput}.)
 */
public class StorableParameters {

    @ServerRequestFilter
    public void refuseUnstorableText(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                if (value != null && (value.indexOf('\0') >= 0 || StorableInput.hasLoneSurrogate(value))) {
                    throw ApiException.badParameter(p.getKey(), Messages.PARAMETER_UNSTORABLE_TEXT.formatted(p.getKey()));
                }
            }
        }
    }
}
