package dev.strato.insight.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Dollars to the cent, no further: the usage inputs are estimates, so more digits would be noise. */
public final class Money {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private Money() {}

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static String format(BigDecimal amount) {
        if (amount.signum() != 0 && amount.abs().compareTo(new BigDecimal("0.005")) < 0)
            return amount.signum() < 0 ? "-<$0.01" : "<$0.01";
        BigDecimal c = cents(amount);
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return (c.signum() < 0 ? "-$" : "$") + f.format(c.abs());
    }

    /** Quantities to whole units (GB-seconds, requests), or 3 significant digits below 1000. */
    public static String quantity(BigDecimal q) {
        DecimalFormat f = new DecimalFormat(
                q.compareTo(BigDecimal.valueOf(1000)) >= 0 ? "#,##0" : "#,##0.###",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(q);
    }

    static BigDecimal cent() {
        return CENT;
    }
}
