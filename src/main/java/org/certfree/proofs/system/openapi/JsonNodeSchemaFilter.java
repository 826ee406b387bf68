package org.certfree.proofs.system.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Documents Jackson's {@code JsonNode} fields (a matter's published content) as the JSON object they
 * are. The scanner describes the JsonNode class itself, its getters isArray(), isEmpty(), … as
 * boolean properties, and a client generator would make a type that real content never fits.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class JsonNodeSchemaFilter implements OASFilter {

    private static final String JSON_NODE = "JsonNode";
    /** Only the scanned JsonNode schema referred to it. */
    private static final String JSON_NODE_TYPE = "JsonNodeType";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null || !components.getSchemas().containsKey(JSON_NODE)) {
            return;
        }
        components.addSchema(JSON_NODE, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("JSON 对象，如证明事项的发布内容（字段随清单类别）/ a JSON object, e.g. a matter's published content (fields by list kind)"));
        components.removeSchema(JSON_NODE_TYPE);
    }
}
