package org.certfree.proofs.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Client-facing texts stay in {@link Messages}: a Bean Validation message is one of its constants. */
class MessagesTest {

    private static final Pattern INLINE_MESSAGE = Pattern.compile("message\\s*=\\s*\"");

    @Test
    void noValidationAnnotationCarriesItsOwnText() throws IOException {
        List<String> inline;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            inline = files.filter(f -> f.toString().endsWith(".java")).flatMap(MessagesTest::inlineMessages).toList();
        }
        assertEquals(List.of(), inline, "use a constant of Messages instead");
    }

    private static Stream<String> inlineMessages(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return IntStream.range(0, lines.size())
                    .filter(i -> INLINE_MESSAGE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file + ":" + (i + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
