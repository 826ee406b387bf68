package org.certfree.proofs.system.config;

import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** {@code certfree.ofd.*}: OFD seals and uploads (features {@code ofd}, {@code verification}); part of {@link CertfreeConfig}. */
public interface OfdSettings {

    /**
     * PEM file of the root certificate(s) of the official seal system (the seal makers' CA), trusted for the makers
     * of loaded {@code .esl} seals besides {@code certfree.pki.roots}; production sets it when the seal system's
     * root is not one of those.
     */
    @WithName("seal-maker-roots-file")
    Optional<String> sealMakerRootsFile();

    /** Validity of a demo seal the service makes (demo mode), no longer than its signer's certificate. */
    @WithName("demo-seal-validity")
    @WithDefault("P1095D")
    Duration demoSealValidity();

    /**
     * Largest sealed OFD a using unit may upload for verification ({@code POST /api/v1/verifications/ofd}), in
     * bytes (a proof's OFD is about 60–100 kB); larger ones get 413, declared ({@code Content-Length}) or counted.
     */
    @WithName("upload-max-bytes")
    @WithDefault("5242880")
    long uploadMaxBytes();
}
