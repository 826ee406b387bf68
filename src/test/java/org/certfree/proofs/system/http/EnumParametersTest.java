package org.certfree.proofs.system.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.annotation.Annotation;
import java.time.DayOfWeek;
import org.certfree.proofs.common.error.ApiException;
import org.certfree.proofs.common.error.Problem;
import org.certfree.proofs.common.error.ProblemType;
import org.junit.jupiter.api.Test;

class EnumParametersTest {

    enum Colour { RED, DARK_GREEN }

    static class Annotated {
        void get(@QueryParam("colour") Colour colour) {
        }
    }

    private final EnumParameters provider = new EnumParameters();

    private static Annotation[] annotationsOfTheParameter() throws NoSuchMethodException {
        return Annotated.class.getDeclaredMethod("get", Colour.class).getParameterAnnotations()[0];
    }

    @Test
    void readsTheConstantsByTheirExactNames() throws Exception {
        ParamConverter<Colour> converter = provider.getConverter(Colour.class, Colour.class, annotationsOfTheParameter());
        assertEquals(Colour.DARK_GREEN, converter.fromString("DARK_GREEN"));
        assertEquals("DARK_GREEN", converter.toString(Colour.DARK_GREEN));
        assertNull(converter.fromString(null));
    }

    @Test
    void anUnknownValueIsA400NamingTheParameterAndTheValuesItTakes() throws Exception {
        ParamConverter<Colour> converter = provider.getConverter(Colour.class, Colour.class, annotationsOfTheParameter());
        for (String wrong : new String[] { "BLUE", "red", "" }) {
            ApiException e = assertThrows(ApiException.class, () -> converter.fromString(wrong));
            assertEquals(ProblemType.BAD_PARAMETER, e.type());
            String expected = "参数值 " + wrong + " 不在允许范围内，可选：RED, DARK_GREEN。";
            assertEquals(expected, e.getMessage());
            assertEquals(new Problem.FieldError("colour", expected), e.errors().get(0));
        }
    }

    @Test
    void leavesOtherTypesToJaxRs() {
        assertNull(provider.getConverter(DayOfWeek.class, DayOfWeek.class, new Annotation[0]));
        assertNull(provider.getConverter(String.class, String.class, new Annotation[0]));
        assertNull(provider.getConverter(Integer.class, Integer.class, new Annotation[0]));
    }
}
