#!/usr/bin/python3
"""Makes the tiny generators that the model-registry tests register, load and run.

Run with Debian's python3 (python3-torch 1.13 and python3-onnx), not a pyenv one:

    /usr/bin/python3 tools/registry-fixtures/make_generators.py

Writes, into every module's src/test/resources/registry-fixtures/ folder:
  tiny-torchscript.pt + .card.json   latent 16 -> [N, 3, 8, 8], tanh, values in [-1, 1]  (TorchScript)
  tiny-onnx.onnx      + .card.json   latent 16 -> [N, 3, 8, 8], sigmoid, values in [0, 1] (ONNX, opset 13)
  wrong-shape.pt      + .card.json   latent 16 -> [N, 3, 4, 4], while its card claims 8 x 8
Weights are drawn from a fixed torch seed; each card records its file's sha256.
"""

import hashlib
import io
import json
import os
import sys

import torch
from torch import nn

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODULES = ["libs/inference", "libs/model-registry", "gateway-service", "generation-service"]
LATENT = 16


class TinyGenerator(nn.Module):
    """A linear layer to a small picture, one 3x3 convolution, and a squashing activation."""

    def __init__(self, side, squash):
        super().__init__()
        self.side = side
        self.project = nn.Linear(LATENT, 8 * side * side)
        self.paint = nn.Conv2d(8, 3, kernel_size=3, padding=1)
        self.squash = squash

    def forward(self, latent):
        features = torch.relu(self.project(latent)).reshape(-1, 8, self.side, self.side)
        return self.squash(self.paint(features))


def torchscript(model):
    out = io.BytesIO()
    torch.jit.save(torch.jit.trace(model.eval(), torch.zeros(1, LATENT)), out)
    return out.getvalue()


def onnx(model):
    out = io.BytesIO()
    torch.onnx.export(model.eval(), torch.zeros(1, LATENT), out, input_names=["latent"], output_names=["image"],
                      dynamic_axes={"latent": {0: "n"}, "image": {0: "n"}}, opset_version=13)
    return out.getvalue()


def card(model_id, fmt, weights_file, digest, low, high):
    return {
        "id": model_id,
        "version": "1.0.0",
        "family": "gan",
        "format": fmt,
        "architecture": "tiny-linear-conv",
        "latentSize": LATENT,
        "imageWidth": 8,
        "imageHeight": 8,
        "outputRange": {"min": low, "max": high},
        "weightsFile": weights_file,
        "weightsSha256": digest,
        "dataSources": [{"name": "none", "licence": "CC0-1.0", "attribution": "nobody: no training data",
                         "description": "Random weights from a fixed seed; trained on nothing."}],
        "training": "random initialisation, torch.manual_seed(7), tools/registry-fixtures/make_generators.py",
        "intendedUse": "Tests of the model registry only.",
        "limitations": "Makes coloured noise, 8 x 8 pixels.",
    }


def main():
    torch.manual_seed(7)
    # Serialised once and copied: TorchScript names traced classes by how many the process traced before.
    fixtures = [
        ("tiny-torchscript", "torchscript", "tiny-torchscript.pt", torchscript(TinyGenerator(8, torch.tanh)), -1, 1),
        ("tiny-onnx", "onnx", "tiny-onnx.onnx", onnx(TinyGenerator(8, torch.sigmoid)), 0, 1),
        ("wrong-shape", "torchscript", "wrong-shape.pt", torchscript(TinyGenerator(4, torch.tanh)), -1, 1),
    ]
    for model_id, fmt, weights_file, weights, low, high in fixtures:
        digest = hashlib.sha256(weights).hexdigest()
        print(f"{weights_file} {digest}")
        for module in MODULES:
            out = os.path.join(ROOT, module, "src", "test", "resources", "registry-fixtures")
            os.makedirs(out, exist_ok=True)
            with open(os.path.join(out, weights_file), "wb") as weights_out:
                weights_out.write(weights)
            with open(os.path.join(out, model_id + ".card.json"), "w") as card_file:
                json.dump(card(model_id, fmt, weights_file, digest, low, high), card_file, indent=2)
                card_file.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
