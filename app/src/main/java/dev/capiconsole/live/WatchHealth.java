package dev.capiconsole.live;

/**
 * How the watches of a connection are doing: all watching, some lost and being re-established, or stopped because
 * the API server rejected the credentials. {@code cause} says what failed last, for the user; never a secret.
 */
public record WatchHealth(State state, String cause) {

    public enum State { WATCHING, RECONNECTING, REJECTED }

    public static final WatchHealth WATCHING = new WatchHealth(State.WATCHING, "");

    public static WatchHealth reconnecting(String cause) {
        return new WatchHealth(State.RECONNECTING, cause);
    }

    public static WatchHealth rejected(String cause) {
        return new WatchHealth(State.REJECTED, cause);
    }

    public boolean watching() {
        return state == State.WATCHING;
    }
}
