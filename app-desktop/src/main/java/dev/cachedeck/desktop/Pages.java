package dev.cachedeck.desktop;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.control.ControlViewModel;
import dev.cachedeck.desktop.control.PolicyViewModel;
import dev.cachedeck.desktop.dashboard.DashboardFeed;
import dev.cachedeck.desktop.dashboard.DashboardViewModel;
import dev.cachedeck.desktop.dashboard.FleetViewModel;
import dev.cachedeck.desktop.dashboard.LiveSeries;
import dev.cachedeck.desktop.dashboard.LiveTrafficViewModel;
import dev.cachedeck.desktop.demo.DemoViewModel;
import dev.cachedeck.desktop.endpoints.EndpointsViewModel;
import dev.cachedeck.desktop.fleet.Fleet;
import dev.cachedeck.desktop.keys.KeysViewModel;
import dev.cachedeck.desktop.shell.Page;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.desktop.traces.TracesViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Every page's view-model, built from what they share: the admin API of the server the tabs talk to, the fleet of
 * instances the dashboard and the Endpoints table watch, the tasks, the clock and the time zone.
 */
record Pages(DashboardViewModel dashboard, LiveSeries series, DashboardFeed feed, FleetViewModel fleet,
             LiveTrafficViewModel liveTraffic, EndpointsViewModel endpoints,
             TracesViewModel traces, KeysViewModel keys, ControlViewModel control, PolicyViewModel policy,
             DemoViewModel demo) {

    static Pages create(AdminApi admin, Fleet fleet, Tasks tasks, ObjectMapper mapper, Clock clock, ZoneId zone) {
        DashboardViewModel dashboard = new DashboardViewModel();
        LiveSeries series = new LiveSeries();
        DashboardFeed feed = new DashboardFeed(admin, mapper, series, tasks, dashboard::accept, dashboard::streamStatus);
        return new Pages(dashboard, series, feed, new FleetViewModel(fleet, tasks, clock, zone, dashboard, series,
                feed::close),
                new LiveTrafficViewModel(admin, tasks),
                new EndpointsViewModel(fleet, tasks, clock, zone),
                new TracesViewModel(admin, tasks, zone),
                new KeysViewModel(admin, tasks, clock),
                new ControlViewModel(admin, tasks),
                new PolicyViewModel(admin, tasks, zone),
                new DemoViewModel(admin, tasks));
    }

    /** What each page refreshes; the dashboard's charts are fed by the live stream, its live traffic is read. */
    Map<Page, View> views() {
        return Map.of(Page.DASHBOARD, liveTraffic, Page.ENDPOINTS, endpoints, Page.TRACES, traces, Page.KEYS, keys,
                Page.CONTROL, View.of(control, policy), Page.DEMO, demo);
    }
}
