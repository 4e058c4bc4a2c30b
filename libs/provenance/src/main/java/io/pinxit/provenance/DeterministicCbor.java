package io.pinxit.provenance;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CBOR in the core deterministic encoding of RFC 8949 §4.2.1 (shortest heads, definite lengths, map keys sorted by
 * their encoded bytes), which C2PA 2.x §11.3.1 asks claim generators to use, plus conversion to and from plain Java
 * values for the free-form parts of assertions.
 */
final class DeterministicCbor {

    private DeterministicCbor() {
    }

    static byte[] encode(CBORObject value) {
        return canonical(value).EncodeToBytes();
    }

    static CBORObject decode(byte[] bytes) throws MalformedManifestException {
        try {
            return CBORObject.DecodeFromBytes(bytes);
        } catch (CBORException | IllegalArgumentException e) {
            throw new MalformedManifestException("invalid CBOR: " + e.getMessage(), e);
        }
    }

    private static CBORObject canonical(CBORObject value) {
        CBORObject result = switch (value.getType()) {
            case Map -> {
                List<Map.Entry<byte[], CBORObject[]>> entries = new ArrayList<>();
                for (CBORObject key : value.getKeys()) {
                    CBORObject canonicalKey = canonical(key);
                    entries.add(Map.entry(canonicalKey.EncodeToBytes(),
                            new CBORObject[] {canonicalKey, canonical(value.get(key))}));
                }
                entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
                CBORObject map = CBORObject.NewOrderedMap();
                entries.forEach(entry -> map.Add(entry.getValue()[0], entry.getValue()[1]));
                yield map;
            }
            case Array -> {
                CBORObject array = CBORObject.NewArray();
                for (CBORObject item : value.getValues()) {
                    array.Add(canonical(item));
                }
                yield array;
            }
            default -> value.Untag();
        };
        var tags = value.GetAllTags();
        for (int i = tags.length - 1; i >= 0; i--) {
            result = CBORObject.FromObjectAndTag(result, tags[i]);
        }
        return result;
    }

    /** Maps, lists, strings, numbers, booleans, byte arrays and null to CBOR; anything else by its string form. */
    static CBORObject fromJava(Object value) {
        if (value == null) {
            return CBORObject.Null;
        } else if (value instanceof Map<?, ?> map) {
            CBORObject result = CBORObject.NewOrderedMap();
            map.forEach((key, item) -> result.Add(String.valueOf(key), fromJava(item)));
            return result;
        } else if (value instanceof Collection<?> items) {
            CBORObject result = CBORObject.NewArray();
            items.forEach(item -> result.Add(fromJava(item)));
            return result;
        } else if (value instanceof String || value instanceof Boolean || value instanceof byte[]) {
            return CBORObject.FromObject(value);
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return CBORObject.FromObject(((Number) value).longValue());
        } else if (value instanceof Float || value instanceof Double) {
            return CBORObject.FromObject(((Number) value).doubleValue());
        }
        return CBORObject.FromObject(String.valueOf(value));
    }

    /** The inverse of {@link #fromJava}: maps keep their order, integers become {@code Long}, floats {@code Double}. */
    static Object toJava(CBORObject value) {
        CBORObject untagged = value.Untag();
        CBORType type = untagged.getType();
        return switch (type) {
            case Map -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (CBORObject key : untagged.getKeys()) {
                    String name = key.getType() == CBORType.TextString ? key.AsString() : key.toString();
                    map.put(name, toJava(untagged.get(key)));
                }
                yield map;
            }
            case Array -> {
                List<Object> list = new ArrayList<>();
                for (CBORObject item : untagged.getValues()) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case TextString -> untagged.AsString();
            case Boolean -> untagged.AsBoolean();
            case ByteString -> untagged.GetByteString();
            case Integer -> untagged.CanValueFitInInt64() ? (Object) untagged.AsInt64Value() : untagged.toString();
            case FloatingPoint -> untagged.AsDoubleValue();
            default -> untagged.isNull() || untagged.isUndefined() ? null : untagged.toString();
        };
    }
}
