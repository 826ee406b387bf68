package org.certfree.proofs.ofd;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ofdrw.reader.OFDReader;

/**
 * ofdrw never reads an upload directly (issue #17 item 4): our main code opens OFDs only from a folder our own
 * {@link SafeUnzip} filled ({@code new OFDReader(String, boolean)}), never through ofdrw's unzip
 * ({@code OFDReader(Path)}, {@code (String)}, {@code (InputStream)}), and never hands ofdrw's zip tools a file.
 */
class OfdUploadReadingTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.certfree.proofs");

    @Test
    void ofdrwOpensOnlyFoldersWeUnpacked() {
        noClasses().should().callConstructor(OFDReader.class, Path.class)
                .orShould().callConstructor(OFDReader.class, String.class)
                .orShould().callConstructor(OFDReader.class, InputStream.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.ofdrw.pkg.tool..")
                .because("ofdrw's unzip neither normalises names nor limits sizes")
                .check(MAIN);
    }
}
