package dev.capiconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two bundles against each other and against every key the FXML files and the window's code use. */
class TextsTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/capiconsole");
    private static final Path RESOURCES = Path.of("src/main/resources/dev/capiconsole/ui");
    /** A string literal shaped like one of our keys: {@code <feature>.<place>.<what>}. */
    private static final Pattern CODE_KEY = Pattern.compile(
            "\"((?:common|shell|clusters|generate|providers|lab|workloads|kind|install|resourcesets|problems|clusterclasses)(?:\\.[A-Za-z0-9]+){2,})\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9.]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    private final Locale systemLocale = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(systemLocale);
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() throws IOException {
        assertThat(bundle("messages_zh_CN").keySet()).isEqualTo(bundle("messages").keySet());
    }

    @Test
    void everyKeyTheWindowUsesExists() throws IOException {
        Set<String> keys = bundle("messages").keySet();
        assertThat(used(FXML_KEY, RESOURCES, ".fxml")).isNotEmpty().allSatisfy(key -> assertThat(keys).contains(key));
        assertThat(used(CODE_KEY, SOURCES.resolve("ui"), ".java")).isNotEmpty()
                .allSatisfy(key -> assertThat(keys).contains(key));
    }

    @Test
    void noKeyIsUnused() throws IOException {
        Set<String> used = new TreeSet<>(used(FXML_KEY, RESOURCES, ".fxml"));
        used.addAll(used(CODE_KEY, SOURCES.resolve("ui"), ".java"));
        Set<String> unused = new TreeSet<>(bundle("messages").keySet());
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    @Test
    void parametersMatchBetweenLanguagesAndEveryPatternFormats() throws IOException {
        Map<String, String> english = bundle("messages");
        Map<String, String> chinese = bundle("messages_zh_CN");
        for (Map.Entry<String, String> entry : english.entrySet()) {
            String key = entry.getKey();
            assertThat(arguments(chinese.get(key))).as(key).isEqualTo(arguments(entry.getValue()));
            if (!arguments(entry.getValue()).isEmpty()) {
                for (String pattern : List.of(entry.getValue(), chinese.get(key))) {
                    // A single apostrophe would quote the rest of the pattern and swallow its parameters.
                    assertThat(pattern.replace("''", "")).as(key).doesNotContain("'");
                    Object[] values = arguments(pattern).stream().map(i -> (Object) 2).toArray();
                    assertThat(new MessageFormat(pattern).format(values)).as(key).doesNotContain("{");
                }
            }
        }
    }

    @Test
    void englishPluralsFollowTheCount() {
        Texts.use(Locale.ENGLISH);
        assertThat(Texts.get("workloads.state.live", "https://h", 1, 3)).isEqualTo("Live from https://h: 1 node, 3 pods");
        assertThat(Texts.get("generate.status.read", 0, "t")).isEqualTo("No variables in t");
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.get("workloads.state.live", "https://h", 1, 3)).isEqualTo("实时数据来自 https://h：1 个节点，3 个 Pod");
    }

    @Test
    void englishIsReadEvenOnAChineseSystem() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        Texts.use(Locale.ENGLISH);
        assertThat(Texts.get("shell.view.clusters")).isEqualTo("Clusters");
        assertThat(Texts.locale()).isEqualTo(Locale.ENGLISH);
        Texts.use(Locale.forLanguageTag("zh-TW"));
        assertThat(Texts.get("shell.view.clusters")).isEqualTo("集群");
        Texts.use(Locale.FRENCH);
        assertThat(Texts.get("shell.view.clusters")).isEqualTo("Clusters");
    }

    @Test
    void languageSettingsAndOptions() {
        assertThat(Texts.language("en")).contains(Locale.ENGLISH);
        assertThat(Texts.language("zh-CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.language("zh_CN")).contains(Locale.SIMPLIFIED_CHINESE);
        assertThat(Texts.language("system")).isEmpty();
        assertThat(Texts.language("fr")).isEmpty();
        assertThat(Texts.language(null)).isEmpty();
    }

    @Test
    void onlyTheWindowReadsTheBundles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> outside = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.startsWith(SOURCES.resolve("ui")))
                    .filter(file -> read(file).contains("ui.common.Texts")).toList();
            assertThat(outside).isEmpty();
        }
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static Map<String, String> bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }

    private static Set<String> used(Pattern pattern, Path folder, String extension) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(extension))
                    .flatMap(file -> pattern.matcher(read(file)).results().map(result -> result.group(1)))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
