package dev.capiconsole.install;

import dev.capiconsole.templates.Semver;
import dev.capiconsole.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.YAMLException;

/** A provider release's {@code metadata.yaml}: which Cluster API contract each release series implements. */
public record ReleaseMetadata(List<Series> releaseSeries) {

    public record Series(long major, long minor, String contract) {
    }

    public static ReleaseMetadata parse(String text, String origin) {
        Object document;
        try {
            document = YamlLimits.CONFIG.load(text);
        } catch (YAMLException e) {
            throw new InstallException(origin + " is not valid YAML: " + YamlLimits.problem(e));
        }
        List<Series> series = new ArrayList<>();
        if (document instanceof Map<?, ?> map && map.get("releaseSeries") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> item && item.get("major") instanceof Number major
                        && item.get("minor") instanceof Number minor) {
                    series.add(new Series(major.longValue(), minor.longValue(), String.valueOf(item.get("contract"))));
                }
            }
        }
        return new ReleaseMetadata(List.copyOf(series));
    }

    /** The contract of the series the version belongs to. */
    public Optional<String> contractOf(String version) {
        Optional<Semver> semver = Semver.tryParse(version);
        if (semver.isEmpty()) {
            return Optional.empty();
        }
        return releaseSeries.stream()
                .filter(s -> s.major() == semver.get().major() && s.minor() == semver.get().minor())
                .map(Series::contract).findFirst();
    }

    public String seriesList() {
        return String.join(", ", releaseSeries.stream().map(s -> s.major() + "." + s.minor()).toList());
    }
}
