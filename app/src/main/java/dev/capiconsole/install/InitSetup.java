package dev.capiconsole.install;

import dev.capiconsole.clusterctl.ClusterctlEnvironment;
import dev.capiconsole.lab.LabBinaries;
import dev.capiconsole.lab.LabException;
import dev.capiconsole.lab.LabProgress;
import dev.capiconsole.templates.VariableValues;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Init} set up from the machine: the clusterctl config file (variables, {@code providers:},
 * {@code cert-manager:}, overrides folder), extra overrides folders named by the operator, and the offline
 * component files when asked for.
 *
 * @param extraOverrides searched before the clusterctl overrides folder
 * @param offlineComponents the lab build's component files, searched last; {@code null} when not wanted
 */
public record InitSetup(ClusterctlEnvironment environment, List<Path> extraOverrides, Path offlineComponents) {

    /** The lab build's component files (made on first use, which needs Go); {@code progress} gets its lines. */
    public static Path offlineComponents(LabProgress progress) {
        return LabBinaries.ensure(progress, "kubectl").source("COMPONENTS_DIR");
    }

    /**
     * The lab build's component files when the lab is already built, else null: never builds (the window uses it
     * to read pinned files without network where a build has laid them out).
     */
    public static Path builtOfflineComponents() {
        try {
            return LabBinaries.check().built() ? offlineComponents(line -> { }) : null;
        } catch (LabException e) {
            return null;
        }
    }

    public List<Path> overridesFolders() {
        List<Path> folders = new ArrayList<>(extraOverrides);
        folders.add(environment.overridesFolder());
        if (offlineComponents != null) {
            folders.add(offlineComponents);
        }
        return folders;
    }

    public ReleaseRepository repository() {
        return new ReleaseRepository(environment.catalog(), environment.releases(overridesFolders()));
    }

    public CertManager.Settings certManager() {
        return CertManager.Settings.from(environment.configValue("cert-manager"));
    }

    public Init init(KubernetesClient client) {
        VariableValues values = VariableValues.of(environment);
        return new Init(client, repository(), values::get, certManager(), imageOverrides());
    }

    /** {@code init list-images} against {@code client}'s cluster. */
    public InitImages initImages(KubernetesClient client) {
        return new InitImages(client, repository(), certManager(), imageOverrides());
    }

    /** The {@code images:} section of the clusterctl config file. */
    public ImageOverrides imageOverrides() {
        return ImageOverrides.from(environment.configValue("images"));
    }

    public UpgradePlanner upgradePlanner(KubernetesClient client) {
        return new UpgradePlanner(client, repository());
    }

    public ProviderUpgrade providerUpgrade(KubernetesClient client) {
        VariableValues values = VariableValues.of(environment);
        return new ProviderUpgrade(client, repository(), values::get, certManager());
    }
}
