// Installs the locked npm packages that hold Pinxit's pretrained models and lays the models out as
// plain TF.js layers models (model.json + binary weight shards) under pinxit/models/<id>/ for the jar;
// the upscaler package's own input and result pictures go to a separate folder for tests.
// Usage: node ship-pretrained.mjs <npm-install-dir> <classes-models-dir> <samples-dir>
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const [installDir, modelsDir, samplesDir] = process.argv.slice(2);
if (!installDir || !modelsDir || !samplesDir) {
  throw new Error("usage: node ship-pretrained.mjs <npm-install-dir> <classes-models-dir> <samples-dir>");
}

const PACKAGE_FILES = ["package.json", "package-lock.json", ".npmrc"];
const SHARD = "group1-shard1of1.bin";

install();
const modules = join(installDir, "node_modules");
const esrgan = join(modules, "@upscalerjs", "esrgan-slim");
for (const scale of [2, 4]) {
  const id = `esrgan-slim-x${scale}`;
  const source = join(esrgan, "models", `x${scale}`);
  const target = directory(modelsDir, id);
  copyFileSync(join(source, "model.json"), join(target, "model.json"));
  copyFileSync(join(source, SHARD), join(target, SHARD));
  const samples = directory(samplesDir, id);
  copyFileSync(join(esrgan, "assets", "fixture.png"), join(samples, "input.png"));
  copyFileSync(join(esrgan, "assets", "samples", `${scale}x`, "result.png"), join(samples, "result.png"));
}
const nsfwjs = join(modules, "nsfwjs", "dist", "models");
shipBundledLayersModel(join(nsfwjs, "mobilenet_v2"), directory(modelsDir, "nsfwjs-mobilenet-v2"));
shipBundledLayersModel(join(nsfwjs, "inception_v3"), directory(modelsDir, "nsfwjs-inception-v3"));

function install() {
  mkdirSync(installDir, { recursive: true });
  const lock = join(installDir, "package-lock.json");
  const installed = existsSync(join(installDir, "node_modules", ".package-lock.json"))
    && existsSync(lock)
    && readFileSync(lock).equals(readFileSync(join(here, "package-lock.json")));
  for (const file of PACKAGE_FILES) {
    copyFileSync(join(here, file), join(installDir, file));
  }
  if (installed) {
    return;
  }
  const npm = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--legacy-peer-deps"],
    { cwd: installDir, stdio: "inherit" });
  if (npm.status !== 0) {
    throw new Error(`npm ci failed in ${installDir} (exit ${npm.status})`);
  }
}

// nsfwjs bundles each model as CommonJS modules: model.min.js exports {modelTopology, weightsManifest}
// and each shard module exports its bytes as base64. Written back out, each shard as <path>.bin, they are
// a standard layers model.
function shipBundledLayersModel(source, target) {
  const require = createRequire(join(source, "model.min.js"));
  const model = require(join(source, "model.min.js"));
  const manifest = model.weightsManifest.map((group) => ({
    paths: group.paths.map((path) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(path)) {
        throw new Error(`${source} names an unexpected weight shard '${path}'`);
      }
      writeFileSync(join(target, `${path}.bin`), Buffer.from(require(join(source, `${path}.min.js`)), "base64"));
      return `${path}.bin`;
    }),
    weights: group.weights,
  }));
  writeFileSync(join(target, "model.json"),
    JSON.stringify({ format: "layers-model", modelTopology: model.modelTopology, weightsManifest: manifest }));
}

function directory(root, id) {
  const dir = join(root, id);
  mkdirSync(dir, { recursive: true });
  return dir;
}
