package org.medfund.web;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * Bean validation messages in Simplified Chinese whatever the client's Accept-Language (a hospital system sends
 * none, and the JVM's default is English): "不能为null", "个数必须在0和20之间". They are the {@code detail} of a 422
 * {@code request.invalid} problem, which staff read.
 */
@Configuration
class ChineseValidation {

    @Bean
    static LocalValidatorFactoryBean defaultValidator() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        MessageInterpolator messages = new ResourceBundleMessageInterpolator();
        validator.setMessageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return messages.interpolate(template, context, Locale.SIMPLIFIED_CHINESE);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return messages.interpolate(template, context, Locale.SIMPLIFIED_CHINESE);
            }
        });
        return validator;
    }
}
