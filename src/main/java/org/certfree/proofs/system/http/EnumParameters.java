package org.certfree.proofs.system.http;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.certfree.proofs.common.StorableTime;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Messages;

/**
 * Reads query, path and header parameters of our enum types (and ISO dates, kept within the years
 * PostgreSQL stores): an unknown value is a 400 naming the
 * parameter and listing the values it takes. JAX-RS would answer 404 around the JDK's "No enum
 * constant …", which the problem mapper then had to parse.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    private static final String OURS = "org.certfree.proofs.";

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new DateConverter(parameterName(annotations));
        }
        if (!rawType.isEnum() || !rawType.getName().startsWith(OURS)) {
            return null;
        }
        return new EnumConverter(rawType, parameterName(annotations));
    }

    /** ISO dates (2026-01-01) within the years 1 to 9999, which PostgreSQL can store (see {@link StorableTime}). */
    static final class DateConverter implements ParamConverter<LocalDate> {

        private final String parameter;

        DateConverter(String parameter) {
            this.parameter = parameter;
        }

        @Override
        public LocalDate fromString(String value) {
            if (value == null) {
                return null;
            }
            LocalDate date = LocalDate.parse(value); // unreadable: the generic 400 of an unreadable parameter
            if (!StorableTime.storable(date)) {
                throw ApiException.badParameter(parameter, Messages.PARAMETER_TIME_OUT_OF_RANGE.formatted(parameter));
            }
            return date;
        }

        @Override
        public String toString(LocalDate value) {
            return value == null ? null : value.toString();
        }
    }

    /** Exact constant names, as JAX-RS' own {@code valueOf} conversion took them. */
    static final class EnumConverter<E extends Enum<E>> implements ParamConverter<E> {

        private final Class<E> type;
        private final String parameter;

        EnumConverter(Class<E> type, String parameter) {
            this.type = type;
            this.parameter = parameter;
        }

        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ApiException.badParameter(parameter, Messages.PARAMETER_NOT_ALLOWED.formatted(value, allowed));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }

    /** The name the client used for the parameter; "parameter" when the annotations do not say. */
    private static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            } else if (a instanceof PathParam p) {
                return p.value();
            } else if (a instanceof HeaderParam h) {
                return h.value();
            } else if (a instanceof FormParam f) {
                return f.value();
            } else if (a instanceof CookieParam c) {
                return c.value();
            } else if (a instanceof MatrixParam m) {
                return m.value();
            }
        }
        return "parameter";
    }
}
