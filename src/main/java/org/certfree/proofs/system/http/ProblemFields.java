package org.certfree.proofs.system.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.stream.Collectors;

/** How a problem document names what was wrong: the field of the body, as the client wrote it. */
public final class ProblemFields {

    private ProblemFields() {
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** "claims.x" / "items[2].name": where in the body a JSON mapping failed. */
    public static String of(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.body.name" → "name": the client knows its body, not our method names. */
    public static String of(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.PARAMETER && "body".equals(node.getName())) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }
}
