package org.medfund.web;

import java.math.BigDecimal;
import org.medfund.common.Money;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Money in JSON as yuan text with two decimals ("1234.56", national style) and read back exactly from a string or a
 * JSON number (never through a binary double). Without it Jackson would expose Money's boolean accessors.
 */
@Configuration
class MoneyJson {

    @Bean
    SimpleModule moneyModule() {
        SimpleModule module = new SimpleModule("medfund-money");
        module.addSerializer(Money.class, new ValueSerializer<>() {
            @Override
            public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(value.toPlainYuan());
            }
        });
        module.addDeserializer(Money.class, new ValueDeserializer<>() {
            @Override
            public Money deserialize(JsonParser p, DeserializationContext ctxt) {
                String text;
                if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT || p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    text = new BigDecimal(p.getText()).toPlainString();
                } else if (p.currentToken() == JsonToken.VALUE_STRING) {
                    text = p.getString();
                } else {
                    return (Money) ctxt.handleUnexpectedToken(Money.class, p);
                }
                try {
                    return Money.ofYuan(text);
                } catch (IllegalArgumentException e) {
                    // A bad amount names its field (request.invalid-value), like any other value of the wrong form.
                    return (Money) ctxt.handleWeirdStringValue(Money.class, text, "not a yuan amount");
                }
            }
        });
        return module;
    }
}
