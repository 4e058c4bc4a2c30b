package io.pinxit.inference.gan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/** Feeds latent vectors and one label to a {@link ConditionalDcgan32} generator; output as {@link GanTranslator}. */
public final class ConditionalGanTranslator implements NoBatchifyTranslator<LabelledLatentBatch, List<BufferedImage>> {

    @Override
    public NDList processInput(TranslatorContext ctx, LabelledLatentBatch batch) {
        NDManager manager = ctx.getNDManager();
        LatentBatch latents = batch.latents();
        int[] labels = new int[latents.count()];
        Arrays.fill(labels, batch.label());
        return new NDList(
                manager.create(latents.values(), new Shape(latents.count(), latents.latentSize())),
                ConditionalDcgan32.oneHot(manager, labels, batch.labelCount()));
    }

    @Override
    public List<BufferedImage> processOutput(TranslatorContext ctx, NDList list) {
        return GanTranslator.toImages(list.singletonOrThrow());
    }
}
