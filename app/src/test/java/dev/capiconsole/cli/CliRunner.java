package dev.capiconsole.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in this JVM with captured output, for tests in other packages. */
public final class CliRunner {

    private CliRunner() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CapiConsoleCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), args)
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
