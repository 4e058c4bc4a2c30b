package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.pinxit.provenance.ManifestContent.SoftwareAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code c2pa.claim.v2} (C2PA 2.x §10.2): what the signer asserts, as hashed URIs to the assertions it created.
 * Reading rejects fields that only exist in v1 claims, as the specification's CDDL does.
 */
record ClaimV2(String instanceId, SoftwareAgent generator, String signature, List<HashedUri> createdAssertions,
               Optional<String> title) {

    static final String LABEL = "c2pa.claim.v2";
    private static final List<String> FIELDS = List.of("instanceID", "claim_generator_info", "signature",
            "created_assertions", "gathered_assertions", "dc:title", "redacted_assertions", "alg", "alg_soft", "metadata");

    ClaimV2 {
        createdAssertions = List.copyOf(createdAssertions);
    }

    byte[] toCbor() {
        CBORObject created = CBORObject.NewArray();
        createdAssertions.forEach(uri -> created.Add(uri.toCbor()));
        CBORObject claim = CBORObject.NewOrderedMap()
                .Add("instanceID", instanceId)
                .Add("claim_generator_info", CBORObject.NewOrderedMap()
                        .Add("name", generator.name())
                        .Add("version", generator.version()))
                .Add("signature", signature)
                .Add("created_assertions", created)
                .Add("alg", HardBinding.ALGORITHM);
        title.ifPresent(value -> claim.Add("dc:title", value));
        return DeterministicCbor.encode(claim);
    }

    static ClaimV2 fromCbor(byte[] bytes) throws MalformedManifestException {
        CBORObject claim = DeterministicCbor.decode(bytes);
        if (claim.getType() != CBORType.Map) {
            throw new MalformedManifestException("claim is not a CBOR map");
        }
        for (CBORObject key : claim.getKeys()) {
            if (key.getType() != CBORType.TextString || !FIELDS.contains(key.AsString())) {
                throw new MalformedManifestException("claim has a field not allowed in a v2 claim: " + key);
            }
        }
        CBORObject alg = claim.get("alg");
        if (alg != null && !(alg.getType() == CBORType.TextString && HardBinding.ALGORITHM.equals(alg.AsString()))) {
            throw new MalformedManifestException("claim uses an unsupported hash algorithm " + alg);
        }
        CBORObject info = claim.get("claim_generator_info");
        if (info == null || info.getType() != CBORType.Map) {
            throw new MalformedManifestException("claim has no claim_generator_info map");
        }
        CBORObject created = claim.get("created_assertions");
        if (created == null || created.getType() != CBORType.Array) {
            throw new MalformedManifestException("claim has no created_assertions array");
        }
        List<HashedUri> assertions = new ArrayList<>();
        for (CBORObject uri : created.getValues()) {
            assertions.add(HashedUri.fromCbor(uri));
        }
        return new ClaimV2(
                text(claim, "instanceID").orElseThrow(() -> new MalformedManifestException("claim has no instanceID")),
                new SoftwareAgent(text(info, "name").orElse(""), text(info, "version").orElse("")),
                text(claim, "signature").orElseThrow(() -> new MalformedManifestException("claim has no signature URI")),
                assertions,
                text(claim, "dc:title"));
    }

    private static Optional<String> text(CBORObject map, String key) {
        CBORObject value = map.get(key);
        return value != null && value.getType() == CBORType.TextString ? Optional.of(value.AsString()) : Optional.empty();
    }
}
