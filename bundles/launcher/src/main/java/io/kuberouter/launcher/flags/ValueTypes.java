package io.kuberouter.launcher.flags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The value kinds kube-router's flags use, each with pflag's parsing, printing and usage name. */
final class ValueTypes {

    /** pflag {@code bool}: Go's {@code strconv.ParseBool}; a bare {@code --flag} means true. */
    static final ValueType<Boolean> BOOL = new Scalar<>("", GoNumbers::parseBool, String::valueOf, false) {
        @Override
        public boolean takesArgument() {
            return false;
        }
    };
    /** pflag {@code string}: taken verbatim. */
    static final ValueType<String> STRING = new Scalar<>("string", text -> text, text -> text, "");
    /** pflag {@code uint} (64-bit, base from prefix). */
    static final ValueType<Long> UINT = unsigned("uint", 64);
    /** pflag {@code uint8}. */
    static final ValueType<Long> UINT8 = unsigned("uint8", 8);
    /** pflag {@code uint16}: ports 0-65535. */
    static final ValueType<Long> UINT16 = unsigned("uint16", 16);
    /** pflag {@code uint32}. */
    static final ValueType<Long> UINT32 = unsigned("uint32", 32);
    /** Upstream's {@code uint32} port flags, held to 0-65535 already while parsing (Go's out-of-range wording). */
    static final ValueType<Long> PORT = new Scalar<>("uint32", text -> GoNumbers.parseUnsigned(text, 0, 16),
            String::valueOf, 0L);
    /** pflag {@code duration}: Go's {@code time.ParseDuration}. */
    static final ValueType<Duration> DURATION = new Scalar<>("duration", GoDuration::parse, GoDuration::format,
            Duration.ZERO);
    /** Upstream's NodePort range string, checked while parsing. Usage shows it as the {@code string} it is upstream. */
    static final ValueType<PortRange> PORT_RANGE = new Scalar<>("string", PortRange::parse, PortRange::toString,
            null);
    /** Our {@code --service-proxy-backend}: {@code auto}, {@code ipvs} or {@code nftables}, checked while parsing. */
    static final ValueType<String> PROXY_BACKEND = new Scalar<>("string", ServiceProxyBackend::parse, text -> text,
            "");
    /** pflag {@code stringSlice}: CSV fields. */
    static final ValueType<List<String>> STRINGS = new Slice<>("strings", GoCsv::readRecord, text -> text, true);
    /** Upstream's CIDR lists (a {@code stringSlice}), each field read as a CIDR while parsing. */
    static final ValueType<List<Cidr>> CIDRS = new Slice<>("strings", GoCsv::readRecord, Cidr::parse, true);
    /** pflag {@code uintSlice}: split at commas, each field decimal. */
    static final ValueType<List<Long>> UINTS = new Slice<>("uints", text -> List.of(text.split(",", -1)),
            field -> GoNumbers.parseUnsigned(field, 10, 64), false);
    /** pflag {@code ipSlice}: quotes removed, CSV fields, each trimmed and read as an IP literal. */
    static final ValueType<List<IpAddress>> IPS = new Slice<>("ipSlice",
            text -> GoCsv.readRecord(text.replaceAll("[\"'`]", "")), ValueTypes::ipAddress, false);

    private ValueTypes() {
    }

    private static ValueType<Long> unsigned(String usageName, int bits) {
        return new Scalar<>(usageName, text -> GoNumbers.parseUnsigned(text, 0, bits), Long::toUnsignedString, 0L);
    }

    private static IpAddress ipAddress(String field) {
        return IpAddress.parse(field.strip())
                .orElseThrow(() -> new IllegalArgumentException("invalid string being converted to IP address: " + field));
    }

    /** A single value: every use replaces it. */
    private static class Scalar<T> implements ValueType<T> {
        private final String usageName;
        private final Function<String, T> parser;
        private final Function<T, String> formatter;
        private final T zero;

        Scalar(String usageName, Function<String, T> parser, Function<T, String> formatter, T zero) {
            this.usageName = usageName;
            this.parser = parser;
            this.formatter = formatter;
            this.zero = zero;
        }

        @Override
        public String usageName() {
            return usageName;
        }

        @Override
        public T apply(T current, boolean firstUse, String text) {
            return parser.apply(text);
        }

        @Override
        public String format(T value) {
            return formatter.apply(value);
        }

        @Override
        public boolean isZeroDefault(T value) {
            return value == null || value.equals(zero);
        }
    }

    /**
     * A list: the first explicit use replaces the default, later uses append. pflag prints string-slice values as
     * CSV and treats their empty default as zero; other slices print comma-joined and show {@code (default [])}.
     */
    private static final class Slice<E> implements ValueType<List<E>> {
        private final String usageName;
        private final Function<String, List<String>> splitter;
        private final Function<String, E> elementParser;
        private final boolean stringSlice;

        Slice(String usageName, Function<String, List<String>> splitter, Function<String, E> elementParser,
                boolean stringSlice) {
            this.usageName = usageName;
            this.splitter = splitter;
            this.elementParser = elementParser;
            this.stringSlice = stringSlice;
        }

        @Override
        public String usageName() {
            return usageName;
        }

        @Override
        public List<E> apply(List<E> current, boolean firstUse, String text) {
            List<E> result = new ArrayList<>(firstUse ? List.of() : current);
            for (String field : splitter.apply(text)) {
                result.add(elementParser.apply(field));
            }
            return List.copyOf(result);
        }

        @Override
        public String format(List<E> value) {
            List<String> fields = value.stream().map(String::valueOf).collect(Collectors.toList());
            return "[" + (stringSlice ? GoCsv.writeRecord(fields) : String.join(",", fields)) + "]";
        }

        @Override
        public boolean isZeroDefault(List<E> value) {
            return stringSlice && value.isEmpty();
        }
    }
}
