package dev.cachedeck.desktop.fleet;

/**
 * One line of the dashboard's instance table: the fleet's totals, or one instance with its state.
 *
 * @param instance the instance id (its URL until it has answered), or the fleet's line title
 * @param state    in words: answering, unreachable since when and why, or what a balancer's figures are
 */
public record InstanceRow(Kind kind, String instance, String url, String state, WindowFigures figures) {
    /** What the line is, for its style. */
    public enum Kind { FLEET, ANSWERING, MIXED, UNREACHABLE, WAITING }
}
