package dev.capiconsole;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What this build is: its own version and the versions it was made to match. */
public record BuildInfo(String version, String capiReference, String javafxVersion) {

    private static final String RESOURCE = "/dev/capiconsole/build.properties";

    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("build metadata " + RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build metadata " + RESOURCE, e);
        }
        return new BuildInfo(
                properties.getProperty("version"),
                properties.getProperty("capi.reference"),
                properties.getProperty("javafx.version"));
    }
}
