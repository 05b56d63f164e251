package dev.cachedeck.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * The mapper request bodies are read with: the shared configuration, made strict. A client's JSON means
 * exactly what it says or is refused: no scalar coercion ({@code "4"} is not a number, {@code 123} not a
 * string, {@code 1} not {@code true}), no enum ordinals, no enum name with anything around it (Jackson
 * trims, so {@code "OPEN\u0000"} was OPEN), no field given twice (the last one silently won), and no C0
 * control character other than tab and newline inside a string.
 */
final class RequestBodyMapper {
    private RequestBodyMapper() {
    }

    /** A string held a control character; {@link RequestReader} names the field. */
    static final class ControlCharacterException extends InvalidFormatException {
        ControlCharacterException(JsonParser parser, String value) {
            super(parser, "control character in a string", value, String.class);
        }
    }

    static ObjectMapper strict(ObjectMapper shared) {
        JsonMapper.Builder builder = ((JsonMapper) shared).rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(new SimpleModule("strict-request-bodies")
                        .addDeserializer(String.class, new NoControlCharacters())
                        .setDeserializerModifier(new ExactEnumNames()));
        refuse(builder, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(builder, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(builder, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(builder, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(builder, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.EmptyString);
        return builder.build();
    }

    private static void refuse(JsonMapper.Builder builder, LogicalType type, CoercionInputShape... shapes) {
        builder.withCoercionConfig(type, config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        });
    }

    /** Tab and newline are text; every other C0 control is refused (terminal escapes, NUL that PostgreSQL rejects). */
    static boolean isRefusedControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n';
    }

    private static final class NoControlCharacters extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.chars().anyMatch(c -> isRefusedControl((char) c))) {
                throw new ControlCharacterException(parser, value);
            }
            return value;
        }
    }

    private static final class ExactEnumNames extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Untrimmed(deserializer, type);
        }
    }

    private static final class Untrimmed extends DelegatingDeserializer {
        private final JavaType type;

        Untrimmed(JsonDeserializer<?> delegate, JavaType type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Untrimmed(delegate, type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                if (!text.equals(text.strip()) || text.chars().anyMatch(c -> c < 0x20)) {
                    throw InvalidFormatException.from(parser, "enum name with surrounding characters", text,
                            type.getRawClass());
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
