package io.pinxit.inference.gan;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.awt.image.BufferedImage;
import java.util.List;

/** Feeds latent vectors and one condition row to a {@link ConditionalDcgan32} generator; output as {@link GanTranslator}. */
public final class ConditionalGanTranslator implements NoBatchifyTranslator<ConditionedLatentBatch, List<BufferedImage>> {

    @Override
    public NDList processInput(TranslatorContext ctx, ConditionedLatentBatch batch) {
        NDManager manager = ctx.getNDManager();
        LatentBatch latents = batch.latents();
        float[] condition = batch.condition();
        float[] rows = new float[latents.count() * condition.length];
        for (int i = 0; i < latents.count(); i++) {
            System.arraycopy(condition, 0, rows, i * condition.length, condition.length);
        }
        return new NDList(
                manager.create(latents.values(), new Shape(latents.count(), latents.latentSize())),
                manager.create(rows, new Shape(latents.count(), condition.length)));
    }

    @Override
    public List<BufferedImage> processOutput(TranslatorContext ctx, NDList list) {
        return GanTranslator.toImages(list.singletonOrThrow());
    }
}
