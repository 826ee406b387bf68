package org.certfree.proofs.system.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Refuses a NUL character (U+0000) in any text field of a request. PostgreSQL cannot store it in a
 * text column, so it would otherwise pass validation and fail at the INSERT with a 500 — and a
 * verification's row is written together with others', whose callers it must not disturb. Caught
 * here, while the body is read, it is a 400 naming the field, and nothing is changed.
 */
@Singleton
public class NoNulInText implements ObjectMapperCustomizer {

    /** A text value with U+0000 in it (a 400, see the problem mappers). */
    public static class NulInTextException extends MismatchedInputException {
        NulInTextException(JsonParser p) {
            super(p, "text contains U+0000 (NUL)", String.class);
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("certfree-no-nul-in-text");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = StringDeserializer.instance.deserialize(p, ctxt);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new NulInTextException(p);
                }
                return value;
            }
        });
        mapper.registerModule(module);
    }
}
