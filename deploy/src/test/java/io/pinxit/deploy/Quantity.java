package io.pinxit.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/** Kubernetes resource quantities (250m, 1, 512Mi, 2Gi) as plain numbers, so requests and limits compare. */
final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"),
            "k", BigDecimal.valueOf(1_000L),
            "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10),
            "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40));

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)([a-zA-Z]*)");

    private Quantity() {
    }

    static BigDecimal parse(String quantity) {
        var matcher = QUANTITY.matcher(quantity.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a quantity: " + quantity);
        }
        var number = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2);
        if (suffix.isEmpty()) {
            return number;
        }
        var factor = SUFFIXES.get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("unknown unit in " + quantity);
        }
        return number.multiply(factor);
    }
}
