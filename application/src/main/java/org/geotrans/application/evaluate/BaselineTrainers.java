package org.geotrans.application.evaluate;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.geotrans.domain.port.ImageDetectorTrainer;
import org.geotrans.domain.port.ImageEncoderTrainer;

/**
 * The deep baselines a deployment provides: the autoencoder behind CAE-OC-SVM, and a trainer for
 * each detector that scores images itself (Deep SVDD and the like). A detector without its
 * trainer here is refused by the one-vs-all use case.
 */
public final class BaselineTrainers {
    /** No deep baseline: GeoTrans and the raw-pixel One-Class SVM only. */
    public static final BaselineTrainers NONE = new BaselineTrainers(null, Map.of());

    private final ImageEncoderTrainer autoencoder;
    private final Map<DetectorKind, ImageDetectorTrainer> detectors;

    private BaselineTrainers(ImageEncoderTrainer autoencoder, Map<DetectorKind, ImageDetectorTrainer> detectors) {
        this.autoencoder = autoencoder;
        this.detectors = detectors.isEmpty() ? Map.of() : new EnumMap<>(detectors);
    }

    /** These, with {@code trainer} as CAE-OC-SVM's autoencoder. */
    public BaselineTrainers withAutoencoder(ImageEncoderTrainer trainer) {
        return new BaselineTrainers(trainer, detectors);
    }

    /**
     * These, with {@code trainer} for the detector {@code kind}.
     *
     * @throws IllegalArgumentException for a kind whose scores do not come from a trained network alone
     */
    public BaselineTrainers with(DetectorKind kind, ImageDetectorTrainer trainer) {
        if (!scoresItself(kind)) {
            throw new IllegalArgumentException(kind.label() + " is not a detector that scores images itself");
        }
        Map<DetectorKind, ImageDetectorTrainer> more = new EnumMap<>(DetectorKind.class);
        more.putAll(detectors);
        more.put(kind, trainer);
        return new BaselineTrainers(autoencoder, more);
    }

    public Optional<ImageEncoderTrainer> autoencoder() {
        return Optional.ofNullable(autoencoder);
    }

    /** The trainer of a detector that scores images itself; empty when this deployment has none. */
    public Optional<ImageDetectorTrainer> detector(DetectorKind kind) {
        return Optional.ofNullable(detectors.get(kind));
    }

    /** Whether {@code kind} is one of the detectors that score images themselves (given a trainer). */
    static boolean scoresItself(DetectorKind kind) {
        return kind.isDeepBaseline() && kind != DetectorKind.CAE_OCSVM && kind != DetectorKind.CAE_OCSVM_HINDSIGHT;
    }
}
