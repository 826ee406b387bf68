package org.certfree.proofs.system.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Predicate;
import org.certfree.proofs.common.StorableTime;

/**
 * Refuses, while a request body is read, what PostgreSQL cannot store faithfully, so it is a 400 naming
 * the field and nothing is changed (instead of a 500 at the INSERT, or a silent "?" in the row):
 * <ul>
 * <li>a NUL character (U+0000) in any text, map keys included (a text column cannot hold it; in a
 * verification it would fail the whole batch of others' rows);
 * <li>a lone UTF-16 surrogate ({@code "\ud800"}): it has no UTF-8 form, and the driver would store "?";
 * <li>a time outside the years 1 to 9999 ({@link StorableTime}).
 * </ul>
 */
@Singleton
public class StorableInput implements ObjectMapperCustomizer {

    /** A text value with U+0000 in it (a 400, see the problem mappers). */
    public static class NulInTextException extends MismatchedInputException {
        NulInTextException(JsonParser p) {
            super(p, "text contains U+0000 (NUL)", String.class);
        }
    }

    /** A text value with a lone UTF-16 surrogate (a 400). */
    public static class LoneSurrogateException extends MismatchedInputException {
        LoneSurrogateException(JsonParser p) {
            super(p, "text contains a lone UTF-16 surrogate", String.class);
        }
    }

    /** A time outside the years 1 to 9999 (a 400). */
    public static class TimeOutOfRangeException extends MismatchedInputException {
        TimeOutOfRangeException(JsonParser p, Class<?> type) {
            super(p, "time outside the years 1 to 9999", type);
        }
    }

    /** Last, after Quarkus has registered its own java.time module: a later module's deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("certfree-storable-input");
        module.addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return checked(StringDeserializer.instance.deserialize(p, ctxt), p);
            }
        });
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                return checked(key, ctxt.getParser());
            }
        });
        module.addDeserializer(Instant.class, timeIn(InstantDeserializer.INSTANT, Instant.class, StorableTime::storable));
        module.addDeserializer(OffsetDateTime.class, timeIn(InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime.class,
                t -> StorableTime.storable(t.toInstant())));
        module.addDeserializer(LocalDate.class, timeIn(LocalDateDeserializer.INSTANCE, LocalDate.class, StorableTime::storable));
        mapper.registerModule(module);
    }

    /** {@code value} when it can be stored as text; else the exception naming why not. */
    static String checked(String value, JsonParser p) throws MismatchedInputException {
        if (value == null) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw new NulInTextException(p);
        }
        if (hasLoneSurrogate(value)) {
            throw new LoneSurrogateException(p);
        }
        return value;
    }

    /** Whether {@code s} holds a surrogate that is not half of a valid pair. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static <T> JsonDeserializer<T> timeIn(JsonDeserializer<T> standard, Class<T> type, Predicate<T> storable) {
        return new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                T value = standard.deserialize(p, ctxt);
                if (value != null && !storable.test(value)) {
                    throw new TimeOutOfRangeException(p, type);
                }
                return value;
            }
        };
    }
}
