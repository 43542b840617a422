package org.medfund.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON bodies are read as written, never coerced (docs/api.md; issue 11 #3: {@code {"date":12345}} was read as
 * 2003-10-20 and booked). Every JSON value must have the type of its field: a string for text, dates, months and
 * enums, a number for numbers, true/false for booleans, an array for lists. Off are Jackson's scalar coercions
 * (strings to numbers or booleans, numbers to strings, dates, booleans or enums, floats to integers, empty strings
 * to null objects); JSON integers and decimal text still fill decimal fields; anything after the JSON value is an
 * error. Text must not hold control characters (a NUL cannot
 * even be stored by PostgreSQL): tab, line feed and carriage return are the only ones allowed.
 *
 * <p>{@link MoneyJson} keeps its own rule: an amount is yuan text or a JSON number.
 */
@Configuration
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail);
                    config.setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
                })
                // Each type keeps the one JSON shape that is its own.
                .withCoercionConfig(LogicalType.Integer, config ->
                        config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Float, config -> {
                    config.setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
                    config.setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
                    // Decimal text too (a ratio "0.1"): hospital systems send the national fields as text, and
                    // text reaches BigDecimal exactly. Integers, booleans and dates get no such allowance.
                    config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
                })
                .withCoercionConfig(LogicalType.Boolean, config ->
                        config.setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Textual, config -> {
                    config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
                    config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
                })
                .withCoercionConfig(LogicalType.DateTime, config ->
                        config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Enum, config ->
                        config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.Collection, config ->
                        config.setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert))
                .withCoercionConfig(LogicalType.POJO, config ->
                        config.setCoercion(CoercionInputShape.EmptyObject, CoercionAction.TryConvert))
                .addModule(new SimpleModule("medfund-strict-text")
                        .addDeserializer(String.class, new PlainText())
                        .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse))
                        .addDeserializer(YearMonth.class, new IsoText<>(YearMonth.class, YearMonth::parse)));
    }

    /**
     * Dates as ISO text only ({@code "2025-01-31"}, months {@code "2025-01"}): Jackson would also read an array
     * {@code [2025, 1, 31]} or, coercions aside, a number of days since 1970.
     */
    static final class IsoText<T> extends StdScalarDeserializer<T> {
        private final Function<String, T> parse;

        IsoText(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            String text = parser.getString();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) context.handleWeirdStringValue(handledType(), text, "not an ISO date or month");
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** A JSON string without control characters other than tab, line feed and carriage return. */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                    return (String) context.handleWeirdStringValue(String.class, text,
                            "control character U+%04X at %d", (int) c, i);
                }
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
