package org.ordo.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How every JSON body a client sends is read (the API's request bodies and orders taken by intake): strictly,
 * so that a value is taken as written or refused (invariant 8 in docs/design.md). Nothing is coerced: a number
 * is not a string, {@code 1.5} is not the integer 1, {@code 1} is not {@code true}; duplicate keys, unknown
 * properties, {@code null} inside lists, text with control characters and impossible dates are refused. Ordo's
 * own stored JSON (jsonb columns, event publications) is read with the application's mapper, not this one.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** The mapper for request bodies: the application's mapper (same output) with strict reading. */
    public static JsonMapper forRequests(JsonMapper application) {
        SimpleModule rules = new SimpleModule("ordo-strict-input");
        rules.addDeserializer(String.class, new Text(false));
        rules.addDeserializer(LocalDate.class, new Dates());
        rules.addDeserializer(Instant.class, new Timestamps());
        return application.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .changeDefaultNullHandling(n -> JsonSetter.Value.construct(Nulls.DEFAULT, Nulls.FAIL))
                .withCoercionConfigDefaults(c -> c.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Float, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Boolean, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Enum, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Textual, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.DateTime, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Collection, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.Map, StrictJson::scalarsAsWritten)
                .withCoercionConfig(LogicalType.POJO, StrictJson::scalarsAsWritten)
                .addModule(rules)
                .build();
    }

    private static void scalarsAsWritten(tools.jackson.databind.cfg.MutableCoercionConfig c) {
        c.setAcceptBlankAsEmpty(false);
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.String,
                CoercionInputShape.EmptyString, CoercionInputShape.EmptyArray, CoercionInputShape.EmptyObject}) {
            c.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /**
     * A value refused by one of Ordo's input rules; its message is safe to show (it never echoes the input) and
     * the path is filled in by Jackson as the exception travels out.
     */
    public static final class Refused extends MismatchedInputException {

        Refused(JsonParser parser, String message, Class<?> type) {
            super(parser, message, type);
        }
    }

    /** Text by {@link TextInput}'s rule; fields marked {@link MultiLine} may hold line breaks. */
    static final class Text extends StdScalarDeserializer<String> {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(MultiLine.class) != null;
            return marked == multiLine ? this : new Text(marked);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new Refused(p, "must be a string", String.class);
            }
            String text = p.getString();
            Wording fault = TextInput.fault(text, multiLine);
            if (fault != null) {
                throw new Refused(p, fault.english(), String.class);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Business dates: {@code 2026-11-25}, a real day within {@link BusinessDates}' window. */
    static final class Dates extends StdScalarDeserializer<LocalDate> {

        private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new Refused(p, "must be a date written as a string, such as \"2026-11-25\"", LocalDate.class);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(p.getString(), DATE);
            } catch (DateTimeException e) {
                throw new Refused(p, "must be a real calendar date written as YYYY-MM-DD", LocalDate.class);
            }
            Wording fault = BusinessDates.fault(date);
            if (fault != null) {
                throw new Refused(p, fault.english(), LocalDate.class);
            }
            return date;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** Timestamps: ISO 8601 with an offset ({@code 2026-11-25T10:00:00Z}), a real moment within the window. */
    static final class Timestamps extends StdScalarDeserializer<Instant> {

        Timestamps() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new Refused(p, "must be a timestamp written as a string, such as \"2026-11-25T10:00:00Z\"",
                        Instant.class);
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(p.getString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeException e) {
                throw new Refused(p, "must be a real moment written as ISO 8601 with an offset, such as "
                        + "\"2026-11-25T10:00:00Z\"", Instant.class);
            }
            Wording fault = BusinessDates.fault(at);
            if (fault != null) {
                throw new Refused(p, fault.english(), Instant.class);
            }
            return at;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
