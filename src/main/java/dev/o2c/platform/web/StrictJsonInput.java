package dev.o2c.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.o2c.platform.text.Texts;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * The JSON that callers send is read more strictly than the JSON the application reads back from its own storage:
 * text with a NUL or other control character is refused where it enters (PostgreSQL cannot store NUL, and the
 * rest only hides content from the people who read it later), naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper applicationMapper) {
        ObjectMapper requests = applicationMapper
                .copy()
                .registerModule(
                        new SimpleModule("no-control-characters").addDeserializer(String.class, new PlainText()));
        return new MappingJackson2HttpMessageConverter(requests);
    }

    /** Named so the problem answer can say what is wrong with the field instead of "wrong type". */
    static final class ControlCharacters extends JsonMappingException {
        ControlCharacters(JsonParser parser) {
            super(parser, "contains control characters");
        }
    }

    static final class PlainText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && Texts.hasForbiddenControlCharacter(text)) {
                throw new ControlCharacters(parser);
            }
            return text;
        }
    }
}
