// Runs one of nsfwjs's models (MobileNetV2 unless --model= names another, e.g. InceptionV3) on TensorFlow.js's
// pure-JS CPU backend and writes, per picture, the class probabilities and the flatten_1 features as JSON.
// Pictures are raw 8-bit RGB files.
// Usage: node nsfwjs-reference.mjs [--model=NAME] <out.json> <width> <height> <file.rgb> [<width> <height> <file.rgb> ...]
import { readFileSync, writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import * as nsfwjs from "nsfwjs";

const options = process.argv.slice(2);
const modelName = options[0]?.startsWith("--model=") ? options.shift().slice("--model=".length) : "MobileNetV2";
const [out, ...args] = options;
if (args.length === 0 || args.length % 3 !== 0) {
  throw new Error("usage: node nsfwjs-reference.mjs [--model=NAME] <out.json> <width> <height> <file.rgb> ...");
}
await tf.setBackend("cpu");
const model = await nsfwjs.load(modelName);

const results = [];
for (let i = 0; i < args.length; i += 3) {
  const [width, height] = [Number(args[i]), Number(args[i + 1])];
  const pixels = tf.tensor3d(new Int32Array(readFileSync(args[i + 2])), [height, width, 3], "int32");
  const probabilities = model.infer(pixels);
  const features = model.infer(pixels, "flatten_1");
  results.push({ probabilities: Array.from(probabilities.dataSync()), features: Array.from(features.dataSync()) });
  tf.dispose([pixels, probabilities, features]);
}
writeFileSync(out, JSON.stringify(results));
