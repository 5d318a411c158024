package org.geotrans.application.checkpoint;

import java.util.Optional;

/** A resume found files written for other settings, data or version; the message names the difference. */
public final class ResumeMismatchException extends IllegalArgumentException {
    private final transient Fingerprint.Mismatch mismatch;

    public ResumeMismatchException(String message) {
        super(message);
        this.mismatch = null;
    }

    /** "{@code what}: different PART: A there, B now", {@code what} saying which folder or file is refused. */
    public ResumeMismatchException(String what, Fingerprint.Mismatch mismatch) {
        super(what + ": " + mismatch);
        this.mismatch = mismatch;
    }

    /** The fingerprint part that differs, when a fingerprint comparison refused the resume. */
    public Optional<Fingerprint.Mismatch> mismatch() {
        return Optional.ofNullable(mismatch);
    }
}
