package dev.cachedeck.desktop.traces;

import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.model.monitor.RequestTrace;
import dev.cachedeck.model.monitor.TraceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;

/**
 * A request's waterfall: a label column (tier and outcome, SQL text, serialization), then one bar per span
 * placed by {@link WaterfallLayout} on a µs/ms axis. Nodes are made once per trace; a resize only moves them.
 */
public final class WaterfallView extends Region {
    private static final double LABEL_WIDTH = 360;
    private static final double GAP = 12;
    private static final double DURATION_WIDTH = 70;
    private static final double AXIS_HEIGHT = 22;
    private static final double ROW_HEIGHT = 24;
    private static final double BAR_HEIGHT = 14;
    private static final double PADDING = 12;

    private RequestTrace trace;
    private final List<Label> labels = new ArrayList<>();
    private final List<Region> bars = new ArrayList<>();
    private final List<Label> durations = new ArrayList<>();
    private final List<Line> tickLines = new ArrayList<>();
    private final List<Label> tickLabels = new ArrayList<>();

    public WaterfallView() {
        getStyleClass().add("waterfall");
    }

    /** Shows {@code trace}, or nothing for null. */
    public void show(RequestTrace shown) {
        trace = shown;
        getChildren().clear();
        labels.clear();
        bars.clear();
        durations.clear();
        tickLines.clear();
        tickLabels.clear();
        if (shown == null) {
            requestLayout();
            return;
        }
        for (WaterfallLayout.Tick tick : WaterfallLayout.of(shown, 1).ticks()) {
            Line line = new Line();
            line.getStyleClass().add("axis-tick");
            tickLines.add(line);
            Label label = new Label(tick.label());
            label.getStyleClass().add("axis-label");
            tickLabels.add(label);
        }
        for (TraceSpan span : WaterfallLayout.inStartOrder(shown)) {
            Label label = new Label(WaterfallLayout.label(span));
            label.getStyleClass().add("span-label");
            label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            label.setTooltip(new Tooltip(span.key() == null ? span.name() : span.key()));
            if (span.outcome() != null) {
                label.getStyleClass().add("outcome-" + span.outcome().toLowerCase(Locale.ROOT));
            }
            Region bar = new Region();
            bar.getStyleClass().addAll("span-bar", barStyle(span));
            Label duration = new Label(WaterfallLayout.duration(span));
            duration.getStyleClass().add("axis-label");
            labels.add(label);
            bars.add(bar);
            durations.add(duration);
        }
        getChildren().addAll(tickLines);
        getChildren().addAll(tickLabels);
        getChildren().addAll(labels);
        getChildren().addAll(bars);
        getChildren().addAll(durations);
        requestLayout();
    }

    private static String barStyle(TraceSpan span) {
        return switch (span.kind()) {
            case TIER -> TierStyle.styleClass(TraceRow.tier(span));
            case SQL -> "span-sql";
            case SERIALIZATION -> "span-serialization";
        };
    }

    @Override
    protected void layoutChildren() {
        if (trace == null) {
            return;
        }
        double barsLeft = PADDING + LABEL_WIDTH + GAP;
        double barsWidth = Math.max(40, getWidth() - barsLeft - DURATION_WIDTH - PADDING);
        WaterfallLayout layout = WaterfallLayout.of(trace, barsWidth);
        double bottom = PADDING + AXIS_HEIGHT + bars.size() * ROW_HEIGHT;
        for (int i = 0; i < tickLines.size(); i++) {
            double x = snapPositionX(barsLeft + layout.ticks().get(i).x());
            Line line = tickLines.get(i);
            line.setStartX(x);
            line.setEndX(x);
            line.setStartY(PADDING + AXIS_HEIGHT - 4);
            line.setEndY(bottom);
            Label label = tickLabels.get(i);
            double labelWidth = label.prefWidth(-1);
            label.resizeRelocate(x - labelWidth / 2, PADDING, labelWidth, AXIS_HEIGHT - 6);
        }
        for (WaterfallLayout.Bar bar : layout.bars()) {
            double top = PADDING + AXIS_HEIGHT + bar.row() * ROW_HEIGHT;
            labels.get(bar.row()).resizeRelocate(PADDING, top, LABEL_WIDTH, ROW_HEIGHT);
            bars.get(bar.row()).resizeRelocate(barsLeft + bar.x(), top + (ROW_HEIGHT - BAR_HEIGHT) / 2, bar.width(),
                    BAR_HEIGHT);
            Label duration = durations.get(bar.row());
            duration.resizeRelocate(barsLeft + bar.x() + bar.width() + 4, top, DURATION_WIDTH, ROW_HEIGHT);
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        return 2 * PADDING + AXIS_HEIGHT + bars.size() * ROW_HEIGHT;
    }

    @Override
    protected double computePrefWidth(double height) {
        return PADDING + LABEL_WIDTH + GAP + 400 + DURATION_WIDTH + PADDING;
    }
}
