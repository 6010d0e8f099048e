package dev.capiconsole.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecPathTest {

    private static final Path HOME = Path.of("/home/op");

    @Test
    void linuxDesktopsGetTheUsualToolFoldersThatExist() {
        Set<Path> existing = Set.of(Path.of("/home/op/go/bin"), Path.of("/home/op/.krew/bin"),
                Path.of("/home/op/.local/bin"), Path.of("/snap/bin"), Path.of("/usr/local/bin"), Path.of("/usr/bin"));
        assertThat(ExecPath.commonToolFolders("Linux", Map.of(), HOME, existing::contains)).containsExactly(
                Path.of("/home/op/go/bin"), Path.of("/home/op/.krew/bin"), Path.of("/home/op/.local/bin"),
                Path.of("/usr/local/bin"), Path.of("/snap/bin"), Path.of("/usr/bin"));
    }

    @Test
    void goAndKrewFollowTheirVariables() {
        List<Path> folders = ExecPath.commonToolFolders("Linux",
                Map.of("GOPATH", "/work/gopath" + File.pathSeparator + "/other", "KREW_ROOT", "/opt/krew"), HOME,
                path -> true);
        assertThat(folders).startsWith(Path.of("/work/gopath/bin"), Path.of("/opt/krew/bin"))
                .doesNotContain(Path.of("/home/op/go/bin"), Path.of("/home/op/.krew/bin"));
        assertThat(ExecPath.commonToolFolders("Linux", Map.of("GOBIN", "/gobin", "GOPATH", "/gp"), HOME, path -> true))
                .startsWith(Path.of("/gobin"));
    }

    @Test
    void macOsAddsHomebrewAndDockerDesktop() {
        List<Path> folders = ExecPath.commonToolFolders("Mac OS X", Map.of(), Path.of("/Users/op"), path -> true);
        assertThat(folders).contains(Path.of("/opt/homebrew/bin"), Path.of("/usr/local/bin"),
                Path.of("/Applications/Docker.app/Contents/Resources/bin"), Path.of("/Users/op/go/bin"))
                .doesNotContain(Path.of("/snap/bin"));
        assertThat(folders.indexOf(Path.of("/opt/homebrew/bin"))).isLessThan(folders.indexOf(Path.of("/usr/bin")));
    }

    @Test
    void windowsUsesItsInstallersFolders() {
        Path home = Path.of("home-op");
        List<Path> folders = ExecPath.commonToolFolders("Windows 11",
                Map.of("LOCALAPPDATA", "local", "ProgramFiles", "programs", "ProgramData", "data"), home, path -> true);
        assertThat(folders).contains(home.resolve("go").resolve("bin"),
                Path.of("local", "Microsoft", "WinGet", "Links"),
                Path.of("programs", "Docker", "Docker", "resources", "bin"),
                Path.of("data", "chocolatey", "bin"), home.resolve("scoop").resolve("shims"))
                .doesNotContain(Path.of("/usr/local/bin"));
    }

    @Test
    void theSearchPathKeepsPathFirstAndNamesEachFolderOnce() {
        ExecPath path = new ExecPath("/usr/bin" + File.pathSeparator + "/opt/tools",
                List.of(Path.of("/home/op/bin"), Path.of("/usr/bin")));
        assertThat(path.folders()).containsExactly(Path.of("/usr/bin"), Path.of("/opt/tools"), Path.of("/home/op/bin"));
        assertThat(path.searchPath())
                .isEqualTo(String.join(File.pathSeparator, "/usr/bin", "/opt/tools", "/home/op/bin"));
    }

    @Test
    void theMachinesFoldersComeAfterPathAndTheOperatorsOnes() {
        ExecPath path = ExecPath.system(List.of(Path.of("/from/settings")));
        List<Path> folders = path.folders();
        assertThat(folders).contains(Path.of("/from/settings"));
        for (Path common : ExecPath.commonToolFolders()) {
            assertThat(folders).contains(common);
        }
    }
}
