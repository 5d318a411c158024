package org.geotrans.adapters.cli;

/** Says which compute backend the network runs on, for results.json; may start the backend. */
@FunctionalInterface
interface BackendDescription {
    String describe();
}
