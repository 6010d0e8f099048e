package dev.capiconsole.ui;

import dev.capiconsole.BuildInfo;
import dev.capiconsole.settings.Settings;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of the main window: which view is shown, the theme, the connection and the current notice. */
public final class ShellViewModel {

    static final String THEME_KEY = "theme";
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final ObjectProperty<View> currentView = new SimpleObjectProperty<>(View.WELCOME);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper connectionState =
            new ReadOnlyStringWrapper("Not connected: open a kubeconfig or start the embedded lab");
    private final Settings settings;
    private final Executor background;
    private final BuildInfo buildInfo;

    public ShellViewModel(Settings settings, Executor background, BuildInfo buildInfo) {
        this.settings = settings;
        this.background = background;
        this.buildInfo = buildInfo;
        theme.set(settings.get(THEME_KEY).map(ShellViewModel::parseTheme).orElse(Theme.LIGHT));
        theme.get().apply();
        theme.addListener((obs, old, now) -> {
            now.apply();
            background.execute(() -> save(now));
        });
    }

    private static Theme parseTheme(String value) {
        try {
            return Theme.valueOf(value);
        } catch (IllegalArgumentException e) {
            return Theme.LIGHT;
        }
    }

    private void save(Theme chosen) {
        try {
            settings.put(THEME_KEY, chosen.name());
        } catch (RuntimeException e) {
            LOG.warn("Could not remember the theme in {}", settings.file(), e);
        }
    }

    public ObjectProperty<View> currentViewProperty() {
        return currentView;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ObjectProperty<Notice> noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    public BuildInfo buildInfo() {
        return buildInfo;
    }

    public Executor background() {
        return background;
    }

    public void show(View view) {
        currentView.set(view);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Says honestly that an action exists but is not built yet, and what will bring it. */
    public void notYetAvailable(String action, String comingWith) {
        notice.set(new Notice(Notice.Kind.INFO, action + " is not yet available in this build.", comingWith));
    }

    public void dismissNotice() {
        notice.set(null);
    }
}
