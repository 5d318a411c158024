package org.geotrans.application.checkpoint;

/** A resume found files written for other settings, data or version; the message names the difference. */
public final class ResumeMismatchException extends IllegalArgumentException {
    public ResumeMismatchException(String message) {
        super(message);
    }
}
