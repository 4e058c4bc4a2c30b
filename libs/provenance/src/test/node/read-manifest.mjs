// Reads a picture with the C2PA reference reader and prints what it found as one JSON object:
//   node read-manifest.mjs <picture.png> [trust-anchors.pem]
// The WebAssembly module is loaded from node_modules, so this runs offline.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync, WasmReader } from '@contentauth/c2pa-wasm';

const [picture, trustAnchors] = process.argv.slice(2);
const require = createRequire(import.meta.url);
initSync({ module: readFileSync(require.resolve('@contentauth/c2pa-wasm/c2pa.wasm')) });

// Without trust anchors the reader trusts nobody, so a correct file reads as valid but untrusted.
const context = trustAnchors ? JSON.stringify({ trust: { trust_anchors: readFileSync(trustAnchors, 'utf8') } }) : undefined;
try {
  const reader = await WasmReader.fromBytes('image/png', readFileSync(picture), context);
  const store = JSON.parse(reader.json());
  const results = store.validation_results?.activeManifest ?? {};
  const codes = (entries) => (entries ?? []).map((entry) => entry.code);
  const manifest = store.manifests?.[store.active_manifest] ?? {};
  console.log(JSON.stringify({
    state: store.validation_state,
    failures: codes(results.failure),
    successes: codes(results.success),
    claimVersion: manifest.claim_version,
    signer: manifest.signature_info ?? {},
    activeManifest: store.active_manifest,
    manifestLabels: Object.keys(store.manifests ?? {}),
    ingredientDeltas: store.validation_results?.ingredientDeltas ?? [],
    ingredients: (manifest.ingredients ?? []).map((ingredient) => ({
      title: ingredient.title,
      format: ingredient.format,
      relationship: ingredient.relationship,
      activeManifest: ingredient.active_manifest,
      validationResults: ingredient.validation_results,
    })),
    assertions: Object.fromEntries((manifest.assertions ?? []).map((assertion) => [assertion.label, assertion.data])),
  }));
} catch (error) {
  console.log(JSON.stringify({ state: 'Unreadable', error: String(error) }));
}
