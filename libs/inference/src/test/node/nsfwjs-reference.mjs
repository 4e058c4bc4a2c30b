// Runs nsfwjs's MobileNet v2 on TensorFlow.js's pure-JS CPU backend and writes, per picture, the class
// probabilities and the flatten_1 features as JSON. Pictures are raw 8-bit RGB files.
// Usage: node nsfwjs-reference.mjs <out.json> <width> <height> <file.rgb> [<width> <height> <file.rgb> ...]
import { readFileSync, writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
import * as nsfwjs from "nsfwjs";

const [out, ...args] = process.argv.slice(2);
if (args.length === 0 || args.length % 3 !== 0) {
  throw new Error("usage: node nsfwjs-reference.mjs <out.json> <width> <height> <file.rgb> ...");
}
await tf.setBackend("cpu");
const model = await nsfwjs.load("MobileNetV2");

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
