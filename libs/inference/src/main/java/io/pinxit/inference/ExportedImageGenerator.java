package io.pinxit.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.pinxit.inference.gan.GanTranslator;
import io.pinxit.inference.gan.LatentBatch;
import io.pinxit.inference.gan.LatentSampler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A generator exported from another framework: TorchScript (run by DJL's PyTorch engine) or ONNX (run by its
 * OnnxRuntime engine). It takes a {@code [N, latentSize]} float32 latent and gives {@code [N, 3, H, W]} in the card's
 * output range. Loading runs one sample, so a card that does not describe its network is refused at once.
 */
final class ExportedImageGenerator implements ImageGenerator {

    static final String TORCHSCRIPT_FORMAT = "torchscript";
    static final String ONNX_FORMAT = "onnx";

    private final ModelCard card;
    private final Model model;
    private final LatentSampler sampler;
    private final ModelCard.ValueRange range;

    private ExportedImageGenerator(ModelCard card, Model model) {
        this.card = card;
        this.model = model;
        this.sampler = new LatentSampler(card.latentSize());
        this.range = card.outputRangeOrTanh();
    }

    static boolean isExportedFormat(String format) {
        return TORCHSCRIPT_FORMAT.equals(format) || ONNX_FORMAT.equals(format);
    }

    /**
     * Builds the network from {@code weights} (already checked against the card) on {@code device}, or on OnnxRuntime's
     * CPU for an ONNX model, and runs one sample through it.
     *
     * @throws ModelShapeMismatchException when the network does not take the card's latent or give its picture size
     */
    static ExportedImageGenerator load(ModelCard card, byte[] weights, Device device) {
        requireShape(card);
        DjlRuntime.configure();
        Model model = TORCHSCRIPT_FORMAT.equals(card.format())
                ? Model.newInstance(card.id(), device, DjlRuntime.PYTORCH_ENGINE)
                : Model.newInstance(card.id(), DjlRuntime.ONNX_RUNTIME_ENGINE);
        try {
            model.load(new ByteArrayInputStream(weights), Map.of());
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new ModelLoadException("Cannot read the %s weights of model '%s'".formatted(card.format(), card.id()),
                    e);
        }
        var generator = new ExportedImageGenerator(card, model);
        try {
            generator.probe();
        } catch (RuntimeException e) {
            generator.close();
            throw e;
        }
        return generator;
    }

    private static void requireShape(ModelCard card) {
        var range = card.outputRangeOrTanh();
        if (card.latentSize() < 1 || card.imageWidth() < 1 || card.imageHeight() < 1
                || !(range.max() > range.min())) {
            throw new ModelLoadException(("Generator '%s' must state a positive latentSize, imageWidth and imageHeight"
                    + " and an output range whose max exceeds its min").formatted(card.id()));
        }
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public List<GeneratedImage> generate(long seed, int count) {
        GeneratedImage.requireCount(count);
        Output output;
        try {
            output = run(seed, count);
        } catch (TranslateException e) {
            throw new IllegalStateException("Model '%s' failed to generate".formatted(card.id()), e);
        }
        if (!output.shape().equals(expected(count))) {
            throw new IllegalStateException("Model '%s' gave %s instead of %s"
                    .formatted(card.id(), text(output.shape()), text(expected(count))));
        }
        return GeneratedImage.encoded(output.images(), model.getNDManager().getDevice());
    }

    /** One sample, whose shape must be the card's. */
    private void probe() {
        Shape expected = expected(1);
        Output output;
        try {
            output = run(0, 1);
        } catch (TranslateException | RuntimeException e) {
            throw new ModelShapeMismatchException(card.id(), text(expected),
                    "refused a " + text(new Shape(1, card.latentSize())) + " latent: " + rootMessage(e), e);
        }
        if (!output.shape().equals(expected)) {
            throw new ModelShapeMismatchException(card.id(), text(expected), "gave " + text(output.shape()), null);
        }
    }

    private Output run(long seed, int count) throws TranslateException {
        var latents = new LatentBatch(sampler.sample(seed, count), count, card.latentSize());
        try (Predictor<LatentBatch, Output> predictor = model.newPredictor(new Translator(expected(count), range))) {
            return predictor.predict(latents);
        }
    }

    private Shape expected(int count) {
        return new Shape(count, 3, card.imageHeight(), card.imageWidth());
    }

    @Override
    public void close() {
        model.close();
    }

    /** A shape as people and problem responses write it: {@code [1, 3, 8, 8]}. */
    private static String text(Shape shape) {
        return Arrays.toString(shape.getShape());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int firstLine = message.indexOf('\n');
        return firstLine < 0 ? message : message.substring(0, firstLine);
    }

    /** The network's output shape, and its pictures when that shape is the expected one. */
    private record Output(Shape shape, List<BufferedImage> images) {}

    private record Translator(Shape expected, ModelCard.ValueRange range)
            implements NoBatchifyTranslator<LatentBatch, Output> {

        @Override
        public NDList processInput(TranslatorContext ctx, LatentBatch batch) {
            return new NDList(ctx.getNDManager().create(batch.values(), new Shape(batch.count(), batch.latentSize())));
        }

        @Override
        public Output processOutput(TranslatorContext ctx, NDList list) {
            var output = list.get(0);
            Shape shape = output.getShape();
            return shape.equals(expected) && list.size() == 1
                    ? new Output(shape, GanTranslator.toImages(output, range.min(), range.max()))
                    : new Output(shape, List.of());
        }
    }
}
