package dev.capiconsole.ui.install;

import dev.capiconsole.ui.common.Texts;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The Install providers page's tabs: installing, upgrading and deleting providers and the images they need. */
final class InstallTabs {

    private InstallTabs() {
    }

    static TabPane of(Node install, InstallViewModel model) {
        TabPane tabs = new TabPane(tab("install-tab-install", Texts.get("install.tab.install"), install),
                upgrades(model.upgrades()),
                tab("install-tab-delete", Texts.get("install.tab.delete"),
                        new DeleteProvidersPane(model.deleteProviders()).root()),
                tab("install-tab-images", Texts.get("install.tab.images"), new ImagesPane(model.images()).root()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("install-tabs");
        return tabs;
    }

    private static Tab upgrades(UpgradesViewModel model) {
        Tab tab = tab("install-tab-upgrades", Texts.get("install.tab.upgrades"), new UpgradesPane(model).root());
        tab.selectedProperty().addListener((obs, old, selected) -> model.setShown(selected));
        return tab;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }
}
