package io.pinxit.provenance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.pinxit.provenance.ManifestContent.Action;
import io.pinxit.provenance.ManifestContent.Author;
import io.pinxit.provenance.ManifestContent.Credit;
import io.pinxit.provenance.ManifestContent.Ingredient;
import io.pinxit.provenance.ManifestContent.Relationship;
import io.pinxit.provenance.ManifestContent.SoftwareAgent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Translates {@link ManifestContent} into C2PA assertions and back. */
final class ManifestAssertions {

    static final String ACTIONS = "c2pa.actions.v2";
    static final String INGREDIENT = "c2pa.ingredient.v3";
    static final String GENERATION = "io.pinxit.generation";
    static final String CREDITS = "io.pinxit.credits";
    /** CAWG metadata assertion: c2pa.metadata may not carry creator or rights (C2PA 2.x §18.13), this one may. */
    static final String METADATA = "cawg.metadata";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> METADATA_CONTEXT = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "xmpRights", "http://ns.adobe.com/xap/1.0/rights/",
            "plus", "http://ns.useplus.org/ldf/xmp/1.0/");
    private static final String SPDX_LICENCES = "https://spdx.org/licenses/";

    private ManifestAssertions() {
    }

    /** The assertions that carry {@code content}; the hard binding is added by the caller. */
    static List<Assertion> describe(ManifestContent content, String manifestLabel) {
        List<Assertion> assertions = new ArrayList<>();
        List<HashedUri> ingredientUris = new ArrayList<>();
        for (int index = 0; index < content.ingredients().size(); index++) {
            Assertion ingredient = ingredient(content.ingredients().get(index), ingredientLabel(index));
            assertions.add(ingredient);
            ingredientUris.add(HashedUri.to(ManifestStore.assertionUri(manifestLabel, ingredient.label()), ingredient.box()));
        }
        assertions.add(actions(content, ingredientUris));
        assertions.add(metadata(content));
        assertions.add(Assertion.cbor(GENERATION, DeterministicCbor.fromJava(content.generation())));
        if (!content.credits().isEmpty()) {
            assertions.add(credits(content.credits()));
        }
        return assertions;
    }

    /** Multiple instances of one assertion kind get the {@code __n} suffix (C2PA 2.x §6.2). */
    private static String ingredientLabel(int index) {
        return index == 0 ? INGREDIENT : INGREDIENT + "__" + index;
    }

    /**
     * A {@code c2pa.ingredient.v3} (C2PA 2.x §18.8); an ingredient with a manifest points at the copy of that manifest
     * in this store ({@code activeManifest}, {@code claimSignature}) and says how it validated ({@code validationResults}).
     */
    private static Assertion ingredient(Ingredient ingredient, String label) {
        CBORObject value = CBORObject.NewOrderedMap()
                .Add("dc:title", ingredient.title())
                .Add("dc:format", ingredient.format())
                .Add("relationship", ingredient.relationship().label())
                .Add("instanceID", ingredient.instanceId());
        ingredient.manifest().ifPresent(manifest -> {
            JumbfSuperBox active = manifest.activeManifest();
            JumbfSuperBox signature = active.child(ManifestStore.SIGNATURE_LABEL).orElseThrow(() ->
                    new IllegalArgumentException("ingredient manifest " + manifest.label() + " has no claim signature"));
            value.Add("activeManifest", HashedUri.to(ManifestStore.manifestUri(manifest.label()), active).toCbor());
            value.Add("claimSignature", HashedUri.to(ManifestStore.signatureUri(manifest.label()), signature).toCbor());
            value.Add("validationResults", manifest.validationResults().toCbor());
        });
        return Assertion.cbor(label, value);
    }

    /** Whether {@code label} names an ingredient assertion of this manifest. */
    static boolean isIngredient(String label) {
        return label.equals(INGREDIENT) || label.startsWith(INGREDIENT + "__");
    }

    private static Assertion actions(ManifestContent content, List<HashedUri> ingredientUris) {
        CBORObject actions = CBORObject.NewArray();
        for (Action action : content.actions()) {
            CBORObject entry = CBORObject.NewOrderedMap()
                    .Add("action", action.action())
                    .Add("softwareAgent", CBORObject.NewOrderedMap()
                            .Add("name", content.generator().name())
                            .Add("version", content.generator().version()));
            if (statesSourceType(action, content)) {
                entry.Add("digitalSourceType", content.digitalSourceType());
            }
            if (!action.ingredients().isEmpty()) {
                CBORObject uris = CBORObject.NewArray();
                action.ingredients().forEach(index -> uris.Add(ingredientUris.get(index).toCbor()));
                entry.Add("parameters", CBORObject.NewOrderedMap().Add("ingredients", uris));
            }
            actions.Add(entry);
        }
        return Assertion.cbor(ACTIONS, CBORObject.NewOrderedMap().Add("actions", actions));
    }

    /**
     * A created action must state where the content came from (C2PA 2.x §18.15.4.1); a derived picture has no
     * created action, so the actions that made its content from the opened parent state it instead.
     */
    private static boolean statesSourceType(Action action, ManifestContent content) {
        boolean created = content.actions().stream().anyMatch(a -> a.action().equals(Action.CREATED));
        return created ? action.action().equals(Action.CREATED) : !action.action().equals(Action.OPENED);
    }

    private static Assertion metadata(ManifestContent content) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("@context", new TreeMap<>(METADATA_CONTEXT));
        metadata.put("dc:title", content.title());
        content.author().ifPresent(author -> {
            metadata.put("dc:creator", List.of(author.name()));
            Map<String, String> creator = new LinkedHashMap<>();
            creator.put("plus:ImageCreatorName", author.name());
            author.identifier().ifPresent(id -> creator.put("plus:ImageCreatorID", id));
            metadata.put("plus:ImageCreator", List.of(creator));
        });
        content.licence().ifPresent(licence -> {
            metadata.put("xmpRights:UsageTerms", licence);
            metadata.put("xmpRights:WebStatement", SPDX_LICENCES + licence + ".html");
        });
        try {
            return Assertion.json(METADATA, JSON.writeValueAsBytes(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists always serialise to JSON", e);
        }
    }

    private static Assertion credits(List<Credit> credits) {
        CBORObject list = CBORObject.NewArray();
        credits.forEach(credit -> list.Add(CBORObject.NewOrderedMap()
                .Add("work", credit.work())
                .Add("creator", credit.creator())
                .Add("licence", credit.licence())));
        return Assertion.cbor(CREDITS, CBORObject.NewOrderedMap().Add("credits", list));
    }

    /** Every assertion as plain Java values, keyed by label, for callers that want more than {@link ManifestContent}. */
    static Map<String, Object> values(ManifestStore store) throws MalformedManifestException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Assertion assertion : store.assertions()) {
            if (assertion.box().contentType().equals(JumbfSuperBox.CBOR_ASSERTION)) {
                values.put(assertion.label(), DeterministicCbor.toJava(assertion.cborValue()));
            } else if (assertion.box().contentType().equals(JumbfSuperBox.JSON_ASSERTION)) {
                values.put(assertion.label(), json(assertion));
            }
        }
        return values;
    }

    static ManifestContent read(ManifestStore store, ClaimV2 claim) throws MalformedManifestException {
        return read(store, claim, List.of());
    }

    /** Reads the content; {@code storeManifests} (the whole store's manifests) give the ingredients' embedded ones. */
    static ManifestContent read(ManifestStore store, ClaimV2 claim, List<JumbfSuperBox> storeManifests)
            throws MalformedManifestException {
        List<String> ingredientUrls = new ArrayList<>();
        List<Ingredient> ingredients = new ArrayList<>();
        for (Assertion assertion : store.assertions()) {
            if (isIngredient(assertion.label())) {
                ingredients.add(readIngredient(assertion, storeManifests));
                ingredientUrls.add(ManifestStore.assertionUri(store.manifestLabel(), assertion.label()));
            }
        }
        CBORObject actionsValue = required(store, ACTIONS).cborValue().get("actions");
        if (actionsValue == null || actionsValue.getType() != CBORType.Array || actionsValue.size() == 0) {
            throw new MalformedManifestException(ACTIONS + " has no actions");
        }
        List<Action> actions = new ArrayList<>();
        String digitalSourceType = "";
        SoftwareAgent generator = claim.generator();
        for (CBORObject action : actionsValue.getValues()) {
            String name = text(action, "action").orElseThrow(() -> new MalformedManifestException("an action has no name"));
            List<Integer> used = new ArrayList<>();
            CBORObject parameters = action.get("parameters");
            CBORObject uris = parameters == null || parameters.getType() != CBORType.Map ? null : parameters.get("ingredients");
            if (uris != null && uris.getType() == CBORType.Array) {
                for (CBORObject uri : uris.getValues()) {
                    int index = ingredientUrls.indexOf(HashedUri.fromCbor(uri).url());
                    if (index < 0) {
                        throw new MalformedManifestException("action " + name + " refers to a missing ingredient");
                    }
                    used.add(index);
                }
            }
            if (digitalSourceType.isEmpty()) {
                digitalSourceType = text(action, "digitalSourceType").orElse("");
            }
            actions.add(new Action(name, used));
        }
        Map<String, Object> metadata = store.assertions().stream().anyMatch(a -> a.label().equals(METADATA))
                ? json(required(store, METADATA)) : Map.of();
        Map<String, Object> generation = new LinkedHashMap<>();
        if (DeterministicCbor.toJava(required(store, GENERATION).cborValue()) instanceof Map<?, ?> map) {
            map.forEach((key, value) -> generation.put(String.valueOf(key), value));
        }
        try {
            return new ManifestContent(
                    claim.title().orElse(metadata.get("dc:title") instanceof String title ? title : ""),
                    author(metadata),
                    metadata.get("xmpRights:UsageTerms") instanceof String licence ? Optional.of(licence) : Optional.empty(),
                    digitalSourceType,
                    generator,
                    actions,
                    ingredients,
                    generation,
                    credits(store));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedManifestException("the assertions do not describe a consistent manifest: " + e.getMessage(), e);
        }
    }

    private static Ingredient readIngredient(Assertion assertion, List<JumbfSuperBox> storeManifests)
            throws MalformedManifestException {
        CBORObject value = assertion.cborValue();
        Relationship relationship = text(value, "relationship").flatMap(Relationship::fromLabel)
                .orElseThrow(() -> new MalformedManifestException(assertion.label() + " has no known relationship"));
        return new Ingredient(text(value, "dc:title").orElse(""), text(value, "dc:format").orElse(""),
                text(value, "instanceID").orElse(""), relationship, embeddedManifest(value, storeManifests));
    }

    /** The ingredient's manifest when its {@code activeManifest} names one present in the store. */
    private static Optional<IngredientManifest> embeddedManifest(CBORObject ingredient, List<JumbfSuperBox> storeManifests)
            throws MalformedManifestException {
        CBORObject uri = ingredient.getType() == CBORType.Map ? ingredient.get("activeManifest") : null;
        if (uri == null) {
            return Optional.empty();
        }
        Optional<String> label = ManifestStore.manifestLabel(HashedUri.fromCbor(uri).url());
        if (label.isEmpty() || storeManifests.stream().noneMatch(box -> box.label().equals(label.get()))) {
            return Optional.empty();
        }
        return Optional.of(new IngredientManifest(label.get(),
                IngredientManifest.ValidationResults.fromCbor(ingredient.get("validationResults")),
                IngredientManifest.closure(label.get(), storeManifests)));
    }

    private static Optional<Author> author(Map<String, Object> metadata) {
        if (!(metadata.get("dc:creator") instanceof List<?> creators) || creators.isEmpty()
                || !(creators.get(0) instanceof String name)) {
            return Optional.empty();
        }
        Optional<String> identifier = Optional.empty();
        if (metadata.get("plus:ImageCreator") instanceof List<?> list && !list.isEmpty()
                && list.get(0) instanceof Map<?, ?> creator && creator.get("plus:ImageCreatorID") instanceof String id) {
            identifier = Optional.of(id);
        }
        return Optional.of(new Author(name, identifier));
    }

    private static List<Credit> credits(ManifestStore store) throws MalformedManifestException {
        List<Credit> credits = new ArrayList<>();
        Optional<Assertion> assertion = store.assertions().stream().filter(a -> a.label().equals(CREDITS)).findFirst();
        if (assertion.isPresent()) {
            CBORObject list = assertion.get().cborValue().get("credits");
            if (list == null || list.getType() != CBORType.Array) {
                throw new MalformedManifestException(CREDITS + " has no credits array");
            }
            for (CBORObject credit : list.getValues()) {
                credits.add(new Credit(text(credit, "work").orElse(""), text(credit, "creator").orElse(""),
                        text(credit, "licence").orElse("")));
            }
        }
        return credits;
    }

    private static Assertion required(ManifestStore store, String label) throws MalformedManifestException {
        return store.assertions().stream().filter(a -> a.label().equals(label)).findFirst()
                .orElseThrow(() -> new MalformedManifestException("the manifest has no " + label + " assertion"));
    }

    private static Map<String, Object> json(Assertion assertion) throws MalformedManifestException {
        try {
            return JSON.readValue(assertion.jsonValue(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new MalformedManifestException(assertion.label() + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(CBORObject map, String key) {
        if (map.getType() != CBORType.Map) {
            return Optional.empty();
        }
        CBORObject value = map.get(key);
        return value != null && value.getType() == CBORType.TextString ? Optional.of(value.AsString()) : Optional.empty();
    }
}
