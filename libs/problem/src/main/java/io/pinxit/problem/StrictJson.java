package io.pinxit.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON is read strictly: a body is exactly one value (trailing data, or a second object, is malformed rather than
 * ignored), and no text may hold a NUL character (PostgreSQL cannot store one; refused here as the client's mistake,
 * naming the field, rather than failing in the database).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("pinxit-strict-json").addDeserializer(String.class, new TextWithoutNul()));
    }

    /** Thrown for text with a NUL character in it. */
    static final class NulCharacterException extends InvalidFormatException {

        NulCharacterException(JsonParser parser, String value) {
            super(parser, "Text with a NUL character", value, String.class);
        }
    }

    private static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new NulCharacterException(parser, text);
            }
            return text;
        }
    }
}
