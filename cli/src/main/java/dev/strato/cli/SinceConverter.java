package dev.strato.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --since}: an age such as 30s, 10m, 2h, 1d, or an ISO time (with offset, or local). */
final class SinceConverter implements ITypeConverter<Instant> {

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");

    @Override
    public Instant convert(String value) {
        Matcher m = AGE.matcher(value.strip());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration age = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return Instant.now().minus(age);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException again) {
                throw new TypeConversionException(
                        "'" + value
                                + "' is not a time: use an age such as 30s, 10m, 2h, 1d, or an ISO time such as 2026-11-27T08:00:00Z");
            }
        }
    }
}
