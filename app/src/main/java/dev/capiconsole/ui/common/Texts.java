package dev.capiconsole.ui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * Every text of the window, from {@code dev/capiconsole/ui/messages*.properties}: FXML through {@code %key},
 * code through {@link #get}. Keys are {@code <feature>.<place>.<what>}. A text with arguments is a
 * {@link MessageFormat} pattern (plurals as {@code {0,choice,...}}, apostrophes doubled); one without is plain.
 * The language is chosen once, at start: the CLI never reads these bundles.
 */
public final class Texts {

    /** The settings key that remembers the chosen language ({@code en} or {@code zh-CN}); absent: the system's. */
    public static final String LANGUAGE_KEY = "language";
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final String BUNDLE = "dev.capiconsole.ui.messages";

    private static volatile ResourceBundle bundle = load(supported(Locale.getDefault()));

    private Texts() {
    }

    /** Reads every later text in this language. */
    public static void use(Locale locale) {
        bundle = load(supported(locale));
    }

    public static Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale()).format(args);
    }

    /** The language a setting or {@code --lang} value names ({@code en}, {@code zh-CN}), if it is one we ship. */
    public static Optional<Locale> language(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
    }

    /** The shipped language closest to {@code locale}: Chinese for any {@code zh}, English otherwise. */
    public static Locale supported(Locale locale) {
        return locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale locale) {
        // Without the no-fallback control, asking for English on a Chinese system would find the system's bundle.
        return ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
