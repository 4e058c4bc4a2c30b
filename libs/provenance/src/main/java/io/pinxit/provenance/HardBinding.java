package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code c2pa.hash.data} assertion (C2PA 2.x §18.5): SHA-256 over the whole file except the excluded ranges.
 * For PNG the single exclusion is the complete {@code caBX} chunk, its length, type and CRC fields included (§A.3.3).
 */
record HardBinding(List<Exclusion> exclusions, byte[] hash) {

    static final String LABEL = "c2pa.hash.data";
    static final String ALGORITHM = "sha256";

    /** A byte range left out of the hash. */
    record Exclusion(long start, long length) {
    }

    HardBinding {
        exclusions = List.copyOf(exclusions);
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    CBORObject toCbor() {
        CBORObject ranges = CBORObject.NewArray();
        for (Exclusion exclusion : exclusions) {
            ranges.Add(CBORObject.NewOrderedMap().Add("start", exclusion.start()).Add("length", exclusion.length()));
        }
        return CBORObject.NewOrderedMap()
                .Add("exclusions", ranges)
                .Add("name", "jumbf manifest")
                .Add("alg", ALGORITHM)
                .Add("hash", CBORObject.FromObject(hash))
                .Add("pad", CBORObject.FromObject(new byte[0]));
    }

    static HardBinding fromCbor(CBORObject value) throws MalformedManifestException {
        if (value.getType() != CBORType.Map) {
            throw new MalformedManifestException(LABEL + " is not a map");
        }
        CBORObject hash = value.get("hash");
        if (hash == null || hash.getType() != CBORType.ByteString) {
            throw new MalformedManifestException(LABEL + " has no hash");
        }
        CBORObject alg = value.get("alg");
        if (alg != null && !(alg.getType() == CBORType.TextString && ALGORITHM.equals(alg.AsString()))) {
            throw new MalformedManifestException(LABEL + " uses an unsupported hash algorithm " + alg);
        }
        List<Exclusion> exclusions = new ArrayList<>();
        CBORObject ranges = value.get("exclusions");
        if (ranges != null) {
            if (ranges.getType() != CBORType.Array) {
                throw new MalformedManifestException(LABEL + " exclusions are not an array");
            }
            for (CBORObject range : ranges.getValues()) {
                CBORObject start = range.getType() == CBORType.Map ? range.get("start") : null;
                CBORObject length = range.getType() == CBORType.Map ? range.get("length") : null;
                if (!isNonNegativeLong(start) || !isNonNegativeLong(length)) {
                    throw new MalformedManifestException(LABEL + " has an exclusion without a valid start and length");
                }
                exclusions.add(new Exclusion(start.AsInt64Value(), length.AsInt64Value()));
            }
        }
        return new HardBinding(exclusions, hash.GetByteString());
    }

    private static boolean isNonNegativeLong(CBORObject value) {
        return value != null && value.getType() == CBORType.Integer && value.CanValueFitInInt64() && value.AsInt64Value() >= 0;
    }

    /** Why the file does not match this binding, or empty when it does. */
    Optional<String> mismatch(byte[] file) {
        MessageDigest digest = newDigest();
        long position = 0;
        for (Exclusion exclusion : exclusions) {
            if (exclusion.start() < position || exclusion.start() > file.length
                    || exclusion.length() > file.length - exclusion.start()) {
                return Optional.of("hard binding exclusion " + exclusion + " is out of order or outside the file of "
                        + file.length + " bytes");
            }
            digest.update(file, (int) position, (int) (exclusion.start() - position));
            position = exclusion.start() + exclusion.length();
        }
        digest.update(file, (int) position, (int) (file.length - position));
        if (!MessageDigest.isEqual(digest.digest(), hash)) {
            return Optional.of("hard binding mismatch: the picture's bytes changed after signing");
        }
        return Optional.empty();
    }

    static byte[] sha256(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HardBinding binding && binding.exclusions.equals(exclusions) && Arrays.equals(binding.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * exclusions.hashCode() + Arrays.hashCode(hash);
    }
}
