/**
 * Checkpoints of a training in a folder, whatever the backend: the file layout, atomic writes,
 * integrity checks, the digest of settings, data and version, keeping the last two, the interval
 * clock and saves asked for by a signal. Backends only write and read their own state bytes.
 */
package org.geotrans.application.checkpoint;
