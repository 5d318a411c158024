package org.geotrans.application.evaluate;

/**
 * One (class, run) of an experiment, with every detector: the unit an experiment records on
 * disk the moment it ends, and the unit a resumed experiment skips or continues.
 */
public record Unit(int classIndex, String className, int run, long seed) {
}
