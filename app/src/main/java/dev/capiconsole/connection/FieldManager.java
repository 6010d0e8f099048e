package dev.capiconsole.connection;

/** The field manager the console writes under (server-side apply and edits), so its fields are told apart. */
public final class FieldManager {

    public static final String NAME = "capi-console";

    private FieldManager() {
    }
}
