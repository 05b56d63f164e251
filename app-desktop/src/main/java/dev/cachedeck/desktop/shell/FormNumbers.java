package dev.cachedeck.desktop.shell;

/** How the forms read a number a person typed and show one back: the same words in every view. */
public final class FormNumbers {
    private FormNumbers() {
    }

    /** The number in a field, or an error naming the field and its allowed range. */
    public static double parse(String name, String text, double min, double max) {
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException(name + " must be a number from " + text(min) + " to " + text(max) + ".");
    }

    /** A whole number without its ".0", any other as Java writes it. */
    public static String text(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
