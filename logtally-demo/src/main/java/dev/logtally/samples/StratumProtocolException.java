package dev.logtally.samples;

/** A miner sent something that is not Stratum (an unknown method, a missing parameter). */
class StratumProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    StratumProtocolException(String message) {
        super(message);
    }
}
