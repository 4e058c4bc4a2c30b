package io.pinxit.training;

import io.pinxit.inference.GeneratedImage;
import io.pinxit.inference.ImageGenerator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Pictures drawn from a generator for evaluation, in chunks whose seeds come from one seed, decoded from the
 * PNGs the generator delivers. A labelled generator's pictures are spread over its labels in the shares its
 * categories have in the real data, so that the sample has the category mix of the real pictures it is
 * compared with (an even spread would be penalised for a different mix, not for worse pictures). A prompt
 * generator draws one picture per prompt it is given.
 */
final class GeneratedSample {

    private static final int CHUNK = 200;

    private GeneratedSample() {}

    /**
     * @param realCounts how many real pictures each category (by label) has; used only for a labelled generator
     */
    static List<BufferedImage> draw(ImageGenerator generator, int count, long seed, Map<String, Integer> realCounts)
            throws IOException {
        var seeds = new SplittableRandom(seed);
        List<BufferedImage> pictures = new ArrayList<>(count);
        List<String> labels = generator.labels();
        if (labels.isEmpty()) {
            add(generator, count, null, seeds, pictures);
            return pictures;
        }
        int[] weights = new int[labels.size()];
        for (int i = 0; i < weights.length; i++) {
            Integer real = realCounts.get(labels.get(i));
            if (real == null) {
                throw new IllegalArgumentException("Label '%s' of %s is no category of the real data %s"
                        .formatted(labels.get(i), generator.card().id(), realCounts.keySet()));
            }
            weights[i] = real;
        }
        int[] counts = shares(count, weights);
        for (int i = 0; i < counts.length; i++) {
            add(generator, counts[i], labels.get(i), seeds, pictures);
        }
        return pictures;
    }

    /** One picture per prompt, each from its own seed drawn from {@code seed}, for a prompt generator. */
    static List<BufferedImage> drawFromPrompts(ImageGenerator generator, List<String> prompts, long seed)
            throws IOException {
        var seeds = new SplittableRandom(seed);
        List<BufferedImage> pictures = new ArrayList<>(prompts.size());
        for (String prompt : prompts) {
            GeneratedImage image = generator.generateFromPrompt(seeds.nextLong(), 1, prompt).get(0);
            pictures.add(ImageIO.read(new ByteArrayInputStream(image.png())));
        }
        return pictures;
    }

    /** {@code total} split in proportion to {@code weights}, by largest remainder, so that the parts add up to it. */
    static int[] shares(int total, int[] weights) {
        long sum = 0;
        for (int weight : weights) {
            sum += weight;
        }
        int[] shares = new int[weights.length];
        double[] remainders = new double[weights.length];
        int left = total;
        for (int i = 0; i < weights.length; i++) {
            double exact = (double) total * weights[i] / sum;
            shares[i] = (int) Math.floor(exact);
            remainders[i] = exact - shares[i];
            left -= shares[i];
        }
        for (; left > 0; left--) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            shares[largest]++;
            remainders[largest] = -1;
        }
        return shares;
    }

    private static void add(ImageGenerator generator, int count, String label, SplittableRandom seeds,
            List<BufferedImage> pictures) throws IOException {
        for (int done = 0; done < count; done += CHUNK) {
            for (GeneratedImage image : generator.generate(seeds.nextLong(), Math.min(CHUNK, count - done), label)) {
                pictures.add(ImageIO.read(new ByteArrayInputStream(image.png())));
            }
        }
    }
}
