package org.certfree.proofs.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** What deploy/compose.yaml gives the service, for the tests that hold the service to it. */
public final class DeployFiles {

    public static final Path COMPOSE = Path.of("deploy", "compose.yaml");

    /** The compose service that runs certfree-proofs (built from deploy/Dockerfile). */
    public static final String SERVICE = "certfree-proofs";

    private DeployFiles() {
    }

    /** The {@code environment:} of the certfree-proofs service as written (values may be ${…} references). */
    public static Map<String, String> composeEnvironment() {
        try {
            JsonNode env = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile())
                    .path("services").path(SERVICE).path("environment");
            if (!env.isObject()) {
                throw new IllegalStateException(COMPOSE + ": services." + SERVICE + ".environment is not a mapping");
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = env.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMPOSE.toAbsolutePath(), e);
        }
    }
}
