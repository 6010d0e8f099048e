package dev.capiconsole.cli;

import dev.capiconsole.bootstrap.KindArchiveLoader;
import dev.capiconsole.bootstrap.LocalTool;
import dev.capiconsole.connection.ExecPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capi-console kind load NAME --archive FILE}: kind load image-archive, with the archive checked first. */
@Command(name = "load", mixinStandardHelpOptions = true, description = {
    "Load a saved image archive (docker save) into every node of a kind cluster, as kind load image-archive does: "
        + "for an air-gapped management cluster. The file is checked to be a plain tar first."})
final class KindLoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The kind cluster's name.")
    String name;

    @Option(names = "--archive", required = true, paramLabel = "FILE", description = "The image archive (a tar).")
    Path archive;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String path = System.getenv("PATH");
        List<Path> extra = ExecPath.commonToolFolders();
        LocalTool.probe("docker", List.of("version", "--format", "{{.Server.Version}}"), path, extra);
        LocalTool kind = LocalTool.probe("kind", List.of("version"), path, extra);
        new KindArchiveLoader(kind.path(), Map.of()).load(name, archive, line -> {
            out.println(line);
            out.flush();
        });
        return 0;
    }
}
