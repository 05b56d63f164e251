package dev.cachedeck.desktop.shell;

/** The tabs of the main window, in their order; each names its tab's id in MainView.fxml. */
public enum Page {
    DASHBOARD("dashboardTab"),
    ENDPOINTS("endpointsTab"),
    TRACES("tracesTab"),
    KEYS("keysTab"),
    CONTROL("controlTab"),
    DEMO("demoTab");

    private final String tabId;

    Page(String tabId) {
        this.tabId = tabId;
    }

    public String tabId() {
        return tabId;
    }
}
